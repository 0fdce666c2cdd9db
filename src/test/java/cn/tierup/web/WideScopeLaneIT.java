package cn.tierup.web;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The turns of wide-scope users in the running application, behind its security: here the demo city (290
 * organisations) counts as wide, so its administrator's pages take turns, while a town's pages, the administrator's
 * JSON and the parts of a page htmx fetches go ahead.
 */
@IntegrationTest
// the same settings as KeptCountsIT's, so that the two share one application context
@TestPropertySource(properties = {"tierup.figures.keep-slower-than=0s", "tierup.figures.renew-after=1h",
        "tierup.pages.wide-scope-organisations=100"})
class WideScopeLaneIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired WideScopeLane lane;

    private CompletableFuture<Integer> open(String path, String user, boolean htmx) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                var request = get(path).with(users.as(user));
                if (htmx) {
                    request.header("HX-Request", "true");
                }
                return mvc.perform(request).andReturn().getResponse().getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theCitysPageWaitsForItsTurnWhileTheTownsPagesGoAhead() throws Exception {
        lane.turns().acquire();
        CompletableFuture<Integer> admin;
        try {
            admin = open("/orgs", "admin", false);
            assertThatThrownBy(() -> admin.get(700, TimeUnit.MILLISECONDS)).as("the city's page waits for the turn held")
                    .isInstanceOf(TimeoutException.class);
            assertThat(open("/orgs", "zhen", false).get(30, TimeUnit.SECONDS)).as("a town's page").isEqualTo(200);
            assertThat(open("/api/orgs/summary", "admin", false).get(30, TimeUnit.SECONDS)).as("the city's JSON").isEqualTo(200);
            assertThat(open("/orgs/picker", "admin", true).get(30, TimeUnit.SECONDS)).as("a part of a page").isEqualTo(200);
        } finally {
            lane.turns().release();
        }
        assertThat(admin.get(30, TimeUnit.SECONDS)).as("the city's page, its turn come").isEqualTo(200);
        assertThat(lane.turns().availablePermits()).as("its turn given back").isEqualTo(1);
    }
}
