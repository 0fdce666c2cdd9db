package cn.tierup.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method only for users whose role holds this permission. Checked before the request
 * body is read and validated, so a user who may never do this is told 403, not what is wrong with
 * the body. The service still checks the organisation with {@link ScopeGuard}; this is the early,
 * coarse half of that check.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {

    Permission value();
}
