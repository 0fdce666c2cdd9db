package cn.tierup.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file to download under a Chinese name (RFC 5987 encoded), never rendered inline. */
public final class Downloads {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    public static ResponseEntity<byte[]> xlsx(String fileName, byte[] bytes) {
        return file(fileName, XLSX, bytes);
    }

    /**
     * The response body for a large .xlsx written straight to the client as it is made. The download's headers are
     * set at the first byte written, so a refusal before then (scope, bad input) still answers as a problem.
     */
    public static OutputStream xlsx(String fileName, HttpServletResponse response) {
        return new FilterOutputStream(OutputStream.nullOutputStream()) {
            private OutputStream body;

            private OutputStream body() throws IOException {
                if (body == null) {
                    response.setContentType(XLSX.toString());
                    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
                    response.setHeader("X-Content-Type-Options", "nosniff");
                    body = response.getOutputStream();
                }
                return body;
            }

            @Override
            public void write(int b) throws IOException {
                body().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                body().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (body != null) {
                    body.flush();
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    public static ResponseEntity<byte[]> file(String fileName, MediaType type, byte[] bytes) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }
}
