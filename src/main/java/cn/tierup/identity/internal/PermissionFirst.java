package cn.tierup.identity.internal;

import cn.tierup.identity.RequiresPermission;
import cn.tierup.identity.ScopeGuard;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a {@link RequiresPermission} method before its arguments are bound: interceptors run before
 * the body is read, so the refusal is a 403 from the error advice of the handler, whatever the body.
 */
@Component
class PermissionFirst implements HandlerInterceptor, WebMvcConfigurer {

    private final ScopeGuard guard;

    PermissionFirst(ScopeGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod m) {
            RequiresPermission required = m.getMethodAnnotation(RequiresPermission.class);
            if (required != null && !guard.currentUser().has(required.value())) {
                throw new AccessDeniedException("lacks " + required.value());
            }
        }
        return true;
    }
}
