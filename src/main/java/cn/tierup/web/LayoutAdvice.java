package cn.tierup.web;

import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.ScopeGuard;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the logged-in user (for the header and the menu) and the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final ScopeGuard guard;

    LayoutAdvice(ScopeGuard guard) {
        this.guard = guard;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return guard.currentUserIfAny().orElse(null);
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
