package cn.tierup.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final MessageSource messages;

    ProblemAccessDeniedHandler(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemWriter.write(response, 403, messages.getMessage("error.forbidden", null, Locale.SIMPLIFIED_CHINESE),
                request.getRequestURI());
    }
}
