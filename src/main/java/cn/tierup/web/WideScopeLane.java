package cn.tierup.web;

import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages of users whose organisation reaches far take turns: at province scale each such page reads much of the
 * province (a second or more of both cores), and five of them at once kept forty towns' pages waiting seconds behind
 * them (ProvincePagesBenchmark). An organisation of {@code tierup.pages.wide-scope-organisations} (20,000) or more in
 * its subtree is wide; its users' pages run {@code tierup.pages.wide-scope-turns} (1) at a time, in order of arrival.
 * A page waits at most {@code tierup.pages.wide-scope-wait} (30 s) for its turn, then goes ahead: slower, never
 * refused. Only whole pages are held (a handler that renders a view, asked for without htmx): not the JSON API,
 * downloads, the parts of a page that htmx fetches (a level of the tree, the organisation picker, an import's
 * progress) or static files. It goes by the user's own organisation, not the page's: a province's user opening a
 * town's page takes a turn too. A user's subtree is counted again after ten minutes; turns are per instance.
 */
@Component
class WideScopeLane implements HandlerInterceptor {

    private static final long SIZE_KEPT_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** The request holds a turn, to give back once its page is written. */
    private static final String TURN = WideScopeLane.class.getName() + ".turn";
    /** The request's thread was interrupted while waiting: interrupted again once its page is written. */
    private static final String INTERRUPTED = WideScopeLane.class.getName() + ".interrupted";

    // looked up on first use: the web layer is made before the persistence layer these need
    private final ObjectProvider<ScopeGuard> guard;
    private final ObjectProvider<OrganizationService> organizations;
    private final long wide;
    private final Semaphore turns;
    private final Duration wait;
    private final Map<Long, Sized> sizes = new ConcurrentHashMap<>();

    private record Sized(long organisations, long countedAt) {
    }

    WideScopeLane(ObjectProvider<ScopeGuard> guard, ObjectProvider<OrganizationService> organizations,
                  @Value("${tierup.pages.wide-scope-organisations:20000}") long wide,
                  @Value("${tierup.pages.wide-scope-turns:1}") int turns,
                  @Value("${tierup.pages.wide-scope-wait:30s}") Duration wait) {
        this.guard = guard;
        this.organizations = organizations;
        this.wide = wide;
        this.turns = new Semaphore(Math.max(1, turns), true);
        this.wait = wait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null || !rendersAPage(handler)) {
            return true;
        }
        Optional<CurrentUser> user = guard.getObject().currentUserIfAny();
        if (user.isEmpty() || !wide(user.get().organizationId())) {
            return true;
        }
        try {
            if (turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                request.setAttribute(TURN, Boolean.TRUE);
            }
        } catch (InterruptedException e) {
            // answered all the same; the flag is put back afterwards, so that nothing in between fails on it
            request.setAttribute(INTERRUPTED, Boolean.TRUE);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(TURN) != null) {
            request.removeAttribute(TURN);
            turns.release();
        }
        if (request.getAttribute(INTERRUPTED) != null) {
            Thread.currentThread().interrupt();
        }
    }

    /** A controller method that returns a view (its name or a ModelAndView), not a body or a file. */
    private static boolean rendersAPage(Object handler) {
        if (!(handler instanceof HandlerMethod m)) {
            return false;
        }
        Class<?> returns = m.getMethod().getReturnType();
        return (returns == String.class || ModelAndView.class.isAssignableFrom(returns))
                && !m.hasMethodAnnotation(ResponseBody.class)
                && !AnnotatedElementUtils.hasAnnotation(m.getBeanType(), ResponseBody.class);
    }

    private boolean wide(long organizationId) {
        long now = System.nanoTime();
        Sized s = sizes.get(organizationId);
        if (s == null || now - s.countedAt() > SIZE_KEPT_NANOS) {
            s = new Sized(organizations.getObject().subtreeSize(organizationId), now);
            sizes.put(organizationId, s);
        }
        return s.organisations() >= wide;
    }

    /** The turns themselves, for a test to hold one. */
    Semaphore turns() {
        return turns;
    }
}
