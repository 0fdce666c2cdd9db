package cn.tierup.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 for the API as an RFC 9457 problem with a Chinese message. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final MessageSource messages;

    ProblemAuthenticationEntryPoint(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"tierup\"");
        ProblemWriter.write(response, 401, messages.getMessage("error.unauthenticated", null, Locale.SIMPLIFIED_CHINESE),
                request.getRequestURI());
    }
}
