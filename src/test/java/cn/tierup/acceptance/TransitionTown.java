package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.YearEndGrades;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A town of a test's own under the demo city, with campaigns rooted at it (so their years meet no other class's
 * campaign): its organisations made over the API as the city's administrator, their 年初定级 walked through the five
 * steps without a user (as the demo does), their 年末审定 written by {@link YearEndGrades}.
 */
final class TransitionTown {

    final MockMvc mvc;
    final TestUsers users;
    final JdbcClient jdbc;
    final JsonMapper json;
    final GradingBootstrap grading;
    final PlatformTransactionManager transactions;
    final YearEndGrades yearEnd;
    final long id;
    final Map<String, Long> orgs = new LinkedHashMap<>();

    TransitionTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, GradingBootstrap grading,
                   PlatformTransactionManager transactions, String name) throws Exception {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.json = json;
        this.grading = grading;
        this.transactions = transactions;
        this.yearEnd = new YearEndGrades(jdbc);
        long city = jdbc.sql("select id from organization where name = '中共彭州市委员会'").query(Long.class).single();
        this.id = create(city, name, "COMMITTEE", "TOWN", null);
    }

    /** An organisation under the town (or under another of its organisations), with its 排序号. */
    long add(String name, String kind, String field, Integer sortOrder) throws Exception {
        long org = create(id, name, kind, field, sortOrder);
        orgs.put(name, org);
        return org;
    }

    long create(long parent, String name, String kind, String field, Integer sortOrder) throws Exception {
        JsonNode o = admin(post("/api/orgs"), Map.of("parentId", parent, "organization", sortOrder == null
                ? Map.of("name", name, "kind", kind, "field", field)
                : Map.of("name", name, "kind", kind, "field", field, "sortOrder", sortOrder)), 201);
        return o.get("id").asLong();
    }

    long campaign(int year) throws Exception {
        return admin(post("/api/campaigns"), Map.of("rootOrganizationId", id, "year", year), 201).get("id").asLong();
    }

    /** The standard a field is graded by in a campaign (before anyone of that field has begun). */
    void scheme(long campaign, String field, String code) throws Exception {
        long scheme = jdbc.sql("select id from grading_scheme where code = :c").param("c", code).query(Long.class).single();
        admin(put("/api/grading/setup/{c}/schemes/{f}", campaign, field), Map.of("schemeId", scheme), 200);
    }

    /** The 年初定级: the five steps walked, the town deciding. */
    void start(long campaign, int year, long org, String field, Grade level) {
        new TransactionTemplate(transactions).executeWithoutResult(t -> grading.graded(campaign, year, org, field, 5, level,
                id, "cun", "zhen"));
    }

    /** The 年末审定, decided by the town. */
    void end(long campaign, long org, String grade, Grade level) {
        yearEnd.decided(campaign, org, id, grade, level, "zhen");
    }

    JsonNode admin(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        var response = mvc.perform(request.with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isEqualTo(status);
        return json.readTree(text);
    }
}
