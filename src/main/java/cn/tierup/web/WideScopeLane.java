package cn.tierup.web;

import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The pages of users whose organisation reaches far take turns: at province scale each such page reads much of the
 * province (a second or more of both cores), and five of them at once kept forty towns' pages waiting seconds behind
 * them (ProvincePagesBenchmark). An organisation of {@code tierup.pages.wide-scope-organisations} (20,000) or more in
 * its subtree is wide; its users' pages run {@code tierup.pages.wide-scope-turns} (1) at a time, in order of arrival.
 * A page waits at most {@code tierup.pages.wide-scope-wait} (30 s) for its turn, then goes ahead: slower, never
 * refused. Only pages are held — not the JSON API, downloads or static files (an export of 2,000,000 members would
 * hold the turn for a minute) — and a user's subtree is counted again after ten minutes.
 */
@Component
class WideScopeLane extends OncePerRequestFilter {

    private static final long SIZE_KEPT_NANOS = TimeUnit.MINUTES.toNanos(10);

    // looked up on first use: a filter is made while the web server starts, before the persistence layer they need
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
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> user = guard.getObject().currentUserIfAny();
        if (user.isEmpty() || !wide(user.get().organizationId())) {
            chain.doFilter(request, response);
            return;
        }
        boolean turn = false;
        try {
            turn = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (turn) {
                turns.release();
            }
        }
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
}
