package cn.tierup.web;

import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Role;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import jakarta.servlet.FilterChain;
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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Users of a wide organisation (a province) take turns with their pages; everyone else's pages, and the wide users'
 * downloads and API calls, never wait for a turn; a page that waited its longest goes ahead.
 */
class WideScopeLaneTest {

    private static final long PROVINCE = 1;
    private static final long TOWN = 2;
    /** Who the request's thread is signed in as. */
    private static final ThreadLocal<CurrentUser> SIGNED_IN = new ThreadLocal<>();

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

    /** A page visit in a thread of its own, held inside the page (its chain) until let go. */
    private record Visit(Future<?> done, CountDownLatch in, CountDownLatch out) {

        boolean entered(long millis) throws InterruptedException {
            return in.await(millis, TimeUnit.MILLISECONDS);
        }

        void letGo() throws Exception {
            out.countDown();
            done.get(5, TimeUnit.SECONDS);
        }
    }

    /** A GET of {@code path} by a user of {@code org}. */
    private Visit visit(WideScopeLane lane, long org, String path) {
        CountDownLatch in = new CountDownLatch(1);
        CountDownLatch out = new CountDownLatch(1);
        Future<?> done = threads.submit(() -> {
            SIGNED_IN.set(new CurrentUser(org, "u" + org, "用户", org, Role.SUPERVISOR));
            FilterChain chain = (req, res) -> {
                in.countDown();
                try {
                    out.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            lane.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
            return null;
        });
        return new Visit(done, in, out);
    }

    @Test
    void aWideUsersPageWaitsForTheOneBeforeItWhileOthersGoAhead() throws Exception {
        WideScopeLane lane = lane(Duration.ofSeconds(30));
        Visit first = visit(lane, PROVINCE, "/grading");
        assertThat(first.entered(5000)).isTrue();
        Visit second = visit(lane, PROVINCE, "/orgs");
        assertThat(second.entered(300)).as("the province's second page waits its turn").isFalse();

        for (Object[] other : new Object[][] {{TOWN, "/grading"}, {PROVINCE, "/api/grading/overview"},
                {PROVINCE, "/grading/tables/summary.xlsx"}}) {
            Visit v = visit(lane, (Long) other[0], (String) other[1]);
            assertThat(v.entered(5000)).as(other[1] + " of " + other[0] + " is not held").isTrue();
            v.letGo();
        }

        first.letGo();
        assertThat(second.entered(5000)).as("its turn once the first is done").isTrue();
        second.letGo();
    }

    @Test
    void aPageThatWaitedItsLongestGoesAheadAndTheTurnIsNotLost() throws Exception {
        WideScopeLane lane = lane(Duration.ofSeconds(1));
        Visit first = visit(lane, PROVINCE, "/");
        assertThat(first.entered(5000)).isTrue();
        Visit second = visit(lane, PROVINCE, "/orgs");
        assertThat(second.entered(5000)).as("answered after its wait, not refused").isTrue();
        second.letGo();
        first.letGo();

        // the page that went ahead without a turn gave none back: still one turn, taken and returned by the next page
        Visit third = visit(lane, PROVINCE, "/grading");
        assertThat(third.entered(5000)).isTrue();
        Visit fourth = visit(lane, PROVINCE, "/grading/register");
        assertThat(fourth.entered(300)).as("one turn only").isFalse();
        third.letGo();
        assertThat(fourth.entered(5000)).isTrue();
        fourth.letGo();
    }
}
