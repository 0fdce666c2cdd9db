package cn.tierup.web;

import cn.tierup.shared.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What the container's error page says when no handler took the request: a method or content type no route
 * accepts, an exception in a filter, a status sent before any controller ran. The error advices never see
 * these (they speak only for a handler they know), so without this the answer was Spring's English
 * {@code {"error": "Unsupported Media Type", …}}. Now it is a problem document with a Chinese {@code detail} and
 * a {@code code}, like every other refusal; the page template reads {@code status} from it as before.
 */
@Component
class ErrorDocuments extends DefaultErrorAttributes {

    private final Messages messages;

    ErrorDocuments(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> plain = super.getErrorAttributes(request, options);
        int status = plain.get("status") instanceof Integer s ? s : 500;
        String code = code(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", plain.getOrDefault("error", reason(status)));
        problem.put("status", status);
        problem.put("detail", messages.get(code));
        problem.put("instance", plain.get("path"));
        problem.put("code", code);
        return problem;
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "error.badRequest";
            case 401 -> "error.unauthenticated";
            case 403 -> "error.forbidden";
            case 404, 405, 406, 413, 415 -> "error.status." + status;
            default -> status >= 500 ? "error.internal" : "error.badRequest";
        };
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
