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

    /** A GET of {@code path} by a user of {@code org} in a thread of its own; its chain waits for {@code release}. */
    private Future<?> visit(WideScopeLane lane, long org, String path, CountDownLatch entered, CountDownLatch release) {
        return threads.submit(() -> {
            SIGNED_IN.set(new CurrentUser(org, "u" + org, "用户", org, Role.SUPERVISOR));
            FilterChain chain = (req, res) -> {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            lane.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
            return null;
        });
    }

    @Test
    void aWideUsersPageWaitsForTheOneBeforeItWhileOthersGoAhead() throws Exception {
        WideScopeLane lane = lane(Duration.ofSeconds(30));
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch firstOut = new CountDownLatch(1);
        Future<?> first = visit(lane, PROVINCE, "/grading", firstIn, firstOut);
        assertThat(firstIn.await(5, TimeUnit.SECONDS)).isTrue();

        CountDownLatch secondIn = new CountDownLatch(1);
        Future<?> second = visit(lane, PROVINCE, "/orgs", secondIn, new CountDownLatch(0));
        assertThat(secondIn.await(300, TimeUnit.MILLISECONDS)).as("the province's second page waits its turn").isFalse();

        for (Object[] other : new Object[][] {{TOWN, "/grading"}, {PROVINCE, "/api/grading/overview"},
                {PROVINCE, "/grading/tables/summary.xlsx"}}) {
            CountDownLatch in = new CountDownLatch(1);
            visit(lane, (Long) other[0], (String) other[1], in, new CountDownLatch(0)).get(5, TimeUnit.SECONDS);
            assertThat(in.getCount()).as(other[1] + " of " + other[0] + " is not held").isZero();
        }

        firstOut.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(secondIn.await(5, TimeUnit.SECONDS)).as("its turn once the first is done").isTrue();
        second.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aPageThatWaitedItsLongestGoesAheadAndTheTurnIsNotLost() throws Exception {
        WideScopeLane lane = lane(Duration.ofMillis(200));
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch firstOut = new CountDownLatch(1);
        Future<?> first = visit(lane, PROVINCE, "/", firstIn, firstOut);
        assertThat(firstIn.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch secondIn = new CountDownLatch(1);
        visit(lane, PROVINCE, "/orgs", secondIn, new CountDownLatch(0)).get(5, TimeUnit.SECONDS);
        assertThat(secondIn.getCount()).as("answered after its wait, not refused").isZero();

        firstOut.countDown();
        first.get(5, TimeUnit.SECONDS);
        // the page that went ahead without a turn gave none back: still one turn, taken and returned by the next page
        CountDownLatch thirdIn = new CountDownLatch(1);
        CountDownLatch thirdOut = new CountDownLatch(1);
        Future<?> third = visit(lane, PROVINCE, "/grading", thirdIn, thirdOut);
        assertThat(thirdIn.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch fourthIn = new CountDownLatch(1);
        Future<?> fourth = visit(lane, PROVINCE, "/grading/register", fourthIn, new CountDownLatch(0));
        assertThat(fourthIn.await(100, TimeUnit.MILLISECONDS)).as("one turn only").isFalse();
        thirdOut.countDown();
        third.get(5, TimeUnit.SECONDS);
        fourth.get(5, TimeUnit.SECONDS);
    }
}
