package cn.tierup.web;

import cn.tierup.shared.Messages;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests the servlet container refuses before the application sees them — an encoded NUL or slash in the
 * path ({@code /api/orgs/%00}), a malformed request line — get the answer the application gives: a problem
 * document with a Chinese {@code detail} under {@code /api}, a short Chinese page elsewhere. Tomcat's own
 * report page was English HTML with its version in it.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Messages messages;

    ContainerErrors(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds a report valve of this class when it starts unless one is there: put ours there
                host.setErrorReportValveClass(Report.class.getName());
                host.getPipeline().addValve(new Report(messages.get("error.badRequest"), messages.get("error.status.404"),
                        messages.get("error.internal")));
            }
        });
    }

    /** Writes the refusal in Chinese, as JSON for the API and as a small page otherwise. */
    static final class Report extends ErrorReportValve {

        private final String badRequest;
        private final String notFound;
        private final String internal;

        Report(String badRequest, String notFound, String internal) {
            this.badRequest = badRequest;
            this.notFound = notFound;
            this.internal = internal;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's own: only an error nobody has answered yet
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String detail = status >= 500 ? internal : status == 404 ? notFound : badRequest;
            String code = status >= 500 ? "error.internal" : status == 404 ? "error.status.404" : "error.badRequest";
            String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
            boolean api = uri.startsWith("/api/") || uri.startsWith("/v3/api-docs");
            try {
                response.setContentType(api ? "application/problem+json" : "text/html");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(api
                            ? "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"code\":\"" + code + "\"}"
                            : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>出错了</title></head>"
                                    + "<body><p>" + detail + "</p><p><a href=\"/\">回到首页</a></p></body></html>");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response taken: nothing more to say
            }
        }
    }
}
