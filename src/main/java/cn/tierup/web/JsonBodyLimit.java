package cn.tierup.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a request body of the JSON API longer than {@link #MAX_BYTES} before it is parsed, answered 413 by
 * {@link ApiErrors}. The longest body the API takes (a 自查报告: four sections of at most 20,000 characters) is
 * well under it; without a limit the parser held bodies of any size in memory and a 2 MB text reached the
 * services, which then answered in as many ways as they had rules. A declared length is refused at once, a
 * chunked body as soon as it passes the limit.
 */
@ControllerAdvice
class JsonBodyLimit extends RequestBodyAdviceAdapter {

    static final long MAX_BYTES = 1024 * 1024;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        if (input.getHeaders().getContentLength() > MAX_BYTES) {
            throw new BodyTooLarge();
        }
        InputStream limited = new Limited(input.getBody());
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return limited;
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** The body is longer than the API takes; reading it stops here. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    /** Counts what is read and stops past the limit. */
    private static final class Limited extends FilterInputStream {

        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws BodyTooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new BodyTooLarge();
            }
        }
    }
}
