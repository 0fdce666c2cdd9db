package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A town's past campaign whose 对标定级 is done, for the year-end review's tests: the campaign rooted at the town with
 * every phase inside {@code year} (so all are over and work is taken as 逾期), its villages graded by the town through
 * the aggregate's five steps, approved goals with their ledgers, and accounts of the test's own.
 */
final class ReviewFixture {

    static final String PASSWORD = "Review2026pass";

    private final MockMvc mvc;
    private final JsonMapper json;
    private final TestUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final GradingBootstrap grading;
    private final UpgradeBootstrap upgrade;

    ReviewFixture(MockMvc mvc, JsonMapper json, TestUsers users, JdbcClient jdbc, TransactionTemplate tx,
                  GradingBootstrap grading, UpgradeBootstrap upgrade) {
        this.mvc = mvc;
        this.json = json;
        this.users = users;
        this.jdbc = jdbc;
        this.tx = tx;
        this.grading = grading;
        this.upgrade = upgrade;
    }

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    /** The village branches right under a town (not the 总支), in the order they were made. */
    List<Long> villages(long town) {
        return jdbc.sql("select id from organization where parent_id = :p and retired = false and field = 'VILLAGE'"
                + " and kind = 'BRANCH' order by id").param("p", town).query(Long.class).list();
    }

    /** The town's campaign of {@code year}, made once; every phase lies in that year, 总结验收 in its December. */
    long campaign(long town, int year) throws Exception {
        Long existing = jdbc.sql("select id from campaign where root_organization_id = :r and campaign_year = :y")
                .param("r", town).param("y", year).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        JsonNode c = ok(send(post("/api/campaigns"), "admin", map("rootOrganizationId", town, "year", year,
                "name", year + "年度三分类三升级活动（总结验收测试）",
                "surveyStartsOn", LocalDate.of(year, 1, 1), "surveyEndsOn", LocalDate.of(year, 2, 28), "surveyDueOn", LocalDate.of(year, 2, 20),
                "gradingStartsOn", LocalDate.of(year, 3, 1), "gradingEndsOn", LocalDate.of(year, 4, 30), "gradingDueOn", LocalDate.of(year, 4, 25),
                "upgradeStartsOn", LocalDate.of(year, 5, 1), "upgradeEndsOn", LocalDate.of(year, 10, 31), "upgradeDueOn", LocalDate.of(year, 10, 31),
                "acceptanceStartsOn", LocalDate.of(year, 11, 1), "acceptanceEndsOn", LocalDate.of(year, 12, 31),
                "acceptanceDueOn", LocalDate.of(year, 11, 20))), 201);
        return c.get("id").asLong();
    }

    /** The organisation graded {@code level} by the town in April, with its approved goal and ledger (one line left open). */
    void graded(long campaign, int year, long org, long town, String townLogin, Grade level, String grade) {
        tx.executeWithoutResult(s -> {
            long members = jdbc.sql("select count(*) from member where organization_id = :o and status = 'ACTIVE'")
                    .param("o", org).query(Long.class).single();
            grading.graded(campaign, year, org, "VILLAGE", members, level, town, "system", townLogin);
            upgrade.year(campaign, year, org, grade, level, null, "system", townLogin, false);
        });
    }

    /** An account of the test's own, made by the administrator once. */
    String account(String username, String displayName, long org, String role) throws Exception {
        long exists = jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single();
        if (exists == 0) {
            ok(send(post("/api/accounts"), "admin", map("username", username, "displayName", displayName, "organizationId", org,
                    "role", role, "password", PASSWORD, "enabled", true)), 201);
        }
        return username;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof LocalDate d ? d.toString() : v);
        }
        return m;
    }

    ResultActions send(MockHttpServletRequestBuilder request, String as, Object body) throws Exception {
        request.with(users.as(as));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    JsonNode ok(ResultActions r, int status) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.andReturn().getResponse().getStatus()).as(body).isEqualTo(status);
        return body.isEmpty() ? null : json.readTree(body);
    }
}
