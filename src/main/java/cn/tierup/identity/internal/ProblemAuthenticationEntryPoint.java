package cn.tierup.identity.internal;

import cn.tierup.identity.LoginWait;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 for the API and Actuator as an RFC 9457 problem with a Chinese message; 429 for a held-back login. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final MessageSource messages;

    ProblemAuthenticationEntryPoint(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException held) {
            // the same for every name: the throttle never looks at whether the account exists
            response.setHeader("Retry-After", String.valueOf(held.waitSeconds()));
            ProblemWriter.write(response, 429, messages.getMessage("login.error.throttled",
                    new Object[] {LoginWait.describe(held.waitSeconds(), messages)}, Locale.SIMPLIFIED_CHINESE),
                    request.getRequestURI());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"tierup\"");
        ProblemWriter.write(response, 401, messages.getMessage("error.unauthenticated", null, Locale.SIMPLIFIED_CHINESE),
                request.getRequestURI());
    }
}
