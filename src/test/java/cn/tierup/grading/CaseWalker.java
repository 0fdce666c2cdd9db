package cn.tierup.grading;

import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Brings organisations of a town through steps 1–4 over the API, as the town's 组织委员 enters them on the villages'
 * behalf, so that they await the town's decision: for the tests of deciding many at one meeting.
 */
final class CaseWalker {

    static final String PASSWORD = "Batch2026pass";

    private final MockMvc mvc;
    private final JsonMapper json;
    private final TestUsers users;
    private final JdbcClient jdbc;
    private final LocalDate today = OfficeDay.today();

    CaseWalker(MockMvc mvc, JsonMapper json, TestUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.json = json;
        this.users = users;
        this.jdbc = jdbc;
    }

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    /** The village branches right under a town (not the 总支), in the order they were made. */
    List<Long> villages(String town) {
        return jdbc.sql("select id from organization where parent_id = :p and retired = false and field = 'VILLAGE'"
                        + " and kind = 'BRANCH' order by id").param("p", id(town)).query(Long.class).list();
    }

    /** A campaign rooted at the town whose 对标定级 runs the whole of {@code year}. */
    long campaign(long town, int year) throws Exception {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        JsonNode c = ok(send(post("/api/campaigns"), "admin", map("rootOrganizationId", town, "year", year,
                "name", year + "年度集中评定测试活动", "surveyStartsOn", first, "surveyEndsOn", last, "surveyDueOn", last,
                "gradingStartsOn", first, "gradingEndsOn", last, "gradingDueOn", last,
                "upgradeStartsOn", last, "upgradeEndsOn", last, "upgradeDueOn", last,
                "acceptanceStartsOn", last, "acceptanceEndsOn", last, "acceptanceDueOn", last)), 201);
        return c.get("id").asLong();
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

    /** Steps 1 to 4 with the self-grade {@code grade} (a score sheet worth {@code total}); the case then awaits step 5. */
    JsonNode toDecision(long campaign, long org, String clerk, String grade, int total) throws Exception {
        String url = "/api/grading/cases/" + campaign + "/" + org;
        ok(send(post(url + "/public-review"), clerk, map("heldOn", today.minusDays(5), "place", "村党群服务中心", "expected", 40,
                "attendance", 31, "votes", Map.of(grade, 20, other(grade), 11))), 200);
        JsonNode at2 = ok(send(get(url), clerk, null), 200);
        int members = at2.get("members").asInt();
        JsonNode at3 = ok(send(post(url + "/member-review"), clerk, map("heldOn", today.minusDays(4), "place", "村党员活动室",
                "attendance", members, "votes", Map.of(grade, members - 2, other(grade), 2))), 200);
        JsonNode sheet = ok(send(put(url + "/score-sheet"), clerk, map("scores", scores(at3.get("standard"), total),
                "annualAssessment", "上年度考核：好", "version", at3.get("version").asLong())), 200);
        ok(send(post(url + "/self-grade"), clerk, map("grade", grade, "statement", "综合群众初评、党员评议结果，班子研究提出自评等次。",
                "version", sheet.get("version").asLong())), 200);
        JsonNode passed = ok(send(post(url + "/ballot/paper"), clerk, map("heldOn", today.minusDays(2), "place", "村党群服务中心会议室",
                "expected", 30, "attendance", 27, "issued", 27, "returned", 26, "agree", 21, "disagree", 3, "abstain", 1,
                "invalid", 1)), 200);
        assertThat(passed.get("step").asText()).isEqualTo("DECISION");
        return passed;
    }

    private static String other(String grade) {
        return grade.equals("一般") ? "先进" : "一般";
    }

    /** A score sheet worth {@code total} points under the standard shown with the case: criteria filled in order. */
    static Map<String, Integer> scores(JsonNode standard, int total) {
        Map<String, Integer> s = new LinkedHashMap<>();
        int left = total;
        int d = 0;
        for (JsonNode dimension : standard.get("dimensions")) {
            d++;
            int c = 0;
            for (JsonNode criterion : dimension.get("criteria")) {
                c++;
                int give = Math.min(criterion.get("points").asInt(), left);
                s.put(d + "." + c, give);
                left -= give;
            }
        }
        assertThat(left).as("the standard has fewer than " + total + " points").isZero();
        return s;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof LocalDate d ? d.toString() : v);
        }
        return m;
    }

    org.springframework.test.web.servlet.ResultActions send(MockHttpServletRequestBuilder request, String as, Object body)
            throws Exception {
        request.with(users.as(as));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    JsonNode ok(org.springframework.test.web.servlet.ResultActions r, int status) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.andReturn().getResponse().getStatus()).as(body).isEqualTo(status);
        return json.readTree(body);
    }
}
