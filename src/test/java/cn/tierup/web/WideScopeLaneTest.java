package cn.tierup.web;

import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Role;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Users of a wide organisation (a province) take turns with their pages; everyone else's pages, and the wide users'
 * downloads, JSON and htmx parts of pages, never wait for a turn; a page that waited its longest goes ahead.
 */
class WideScopeLaneTest {

    private static final long PROVINCE = 1;
    private static final long TOWN = 2;
    /** Who the request's thread is signed in as. */
    private static final ThreadLocal<CurrentUser> SIGNED_IN = new ThreadLocal<>();

    /** The kinds of handler a page request can reach. */
    static class Pages {
        String page() {
            return "home";
        }

        @ResponseBody
        String json() {
            return "{}";
        }

        ResponseEntity<byte[]> file() {
            return ResponseEntity.ok(new byte[0]);
        }
    }

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private WideScopeLane lane(Duration wait) {
        ScopeGuard guard = mock(ScopeGuard.class);
        when(guard.currentUserIfAny()).thenAnswer(i -> Optional.ofNullable(SIGNED_IN.get()));
        OrganizationService organizations = mock(OrganizationService.class);
        when(organizations.subtreeSize(anyLong())).thenAnswer(i -> (long) i.getArgument(0) == PROVINCE ? 100_000L : 70L);
        return new WideScopeLane(provider(guard), provider(organizations), 20_000, 1, wait);
    }

    @SuppressWarnings("unchecked")
    private static <T> ObjectProvider<T> provider(T bean) {
        ObjectProvider<T> p = mock(ObjectProvider.class);
        when(p.getObject()).thenReturn(bean);
        return p;
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        Method m = Pages.class.getDeclaredMethod(name);
        return new HandlerMethod(new Pages(), m);
    }

    /** A page visit in a thread of its own, held inside the page until let go. */
    private record Visit(Future<?> done, CountDownLatch in, CountDownLatch out) {

        boolean entered(long millis) throws InterruptedException {
            return in.await(millis, TimeUnit.MILLISECONDS);
        }

        void letGo() throws Exception {
            out.countDown();
            done.get(5, TimeUnit.SECONDS);
        }
    }

    /** A GET by a user of {@code org} reaching the handler method {@code handler} ({@code htmx}: a part of a page). */
    private Visit visit(WideScopeLane lane, long org, String handler, boolean htmx) {
        CountDownLatch in = new CountDownLatch(1);
        CountDownLatch out = new CountDownLatch(1);
        Future<?> done = threads.submit(() -> {
            SIGNED_IN.set(new CurrentUser(org, "u" + org, "用户", org, Role.SUPERVISOR));
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/some/page");
            if (htmx) {
                request.addHeader("HX-Request", "true");
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            HandlerMethod h = handler(handler);
            assertThat(lane.preHandle(request, response, h)).isTrue();
            in.countDown();
            out.await(10, TimeUnit.SECONDS);
            lane.afterCompletion(request, response, h, null);
            return null;
        });
        return new Visit(done, in, out);
    }

    private Visit visit(WideScopeLane lane, long org) {
        return visit(lane, org, "page", false);
    }

    @Test
    void aWideUsersPageWaitsForTheOneBeforeItWhileOthersGoAhead() throws Exception {
        WideScopeLane lane = lane(Duration.ofSeconds(30));
        Visit first = visit(lane, PROVINCE);
        assertThat(first.entered(5000)).isTrue();
        Visit second = visit(lane, PROVINCE);
        assertThat(second.entered(300)).as("the province's second page waits its turn").isFalse();

        for (Visit other : new Visit[] {visit(lane, TOWN), visit(lane, PROVINCE, "json", false),
                visit(lane, PROVINCE, "file", false), visit(lane, PROVINCE, "page", true)}) {
            assertThat(other.entered(5000)).as("a town's page, the province's JSON, file and htmx part go ahead").isTrue();
            other.letGo();
        }

        first.letGo();
        assertThat(second.entered(5000)).as("its turn once the first is done").isTrue();
        second.letGo();
    }

    @Test
    void aPageThatWaitedItsLongestGoesAheadAndTheTurnIsNotLost() throws Exception {
        WideScopeLane lane = lane(Duration.ofMillis(500));
        Visit first = visit(lane, PROVINCE);
        assertThat(first.entered(5000)).isTrue();
        Visit second = visit(lane, PROVINCE);
        assertThat(second.entered(5000)).as("answered after its wait, not refused").isTrue();
        second.letGo();
        first.letGo();
        // the page that went ahead without a turn gave none back: one turn still, and free
        assertThat(lane.turns().availablePermits()).isEqualTo(1);
    }
}
