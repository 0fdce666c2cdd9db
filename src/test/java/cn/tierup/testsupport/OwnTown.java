package cn.tierup.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A town of a test's own under the demo city: its organisations, accounts and campaigns made over the API as the
 * city's administrator, and the HTTP helpers the tests built on it share. A campaign rooted at a town no other class
 * uses, in {@link CampaignFixture#OWN_TOWN_YEAR}, meets no other class's campaign in the shared database. Tests of a
 * module extend it with what their subject needs (stations, grades).
 */
public class OwnTown {

    /** The password of every account a test makes on its town. */
    public static final String PASSWORD = "Check2026pass";

    public final MockMvc mvc;
    public final TestUsers users;
    public final JdbcClient jdbc;
    public final JsonMapper json;
    public final long id;
    public final String name;
    /** The organisations made under the town by {@link #add} and {@link #village}, by name. */
    public final Map<String, Long> orgs = new LinkedHashMap<>();

    public OwnTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, String name) throws Exception {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.json = json;
        this.name = name;
        long city = jdbc.sql("select id from organization where name = '中共彭州市委员会'").query(Long.class).single();
        this.id = org(city, name, "COMMITTEE", "TOWN");
    }

    /** An organisation under {@code parent}. */
    public long org(long parent, String name, String kind, String field) throws Exception {
        return org(parent, name, kind, field, null);
    }

    /** An organisation under {@code parent} with its 排序号 (null: none). */
    public long org(long parent, String name, String kind, String field, Integer sortOrder) throws Exception {
        Map<String, Object> o = new LinkedHashMap<>(Map.of("name", name, "kind", kind, "field", field));
        if (sortOrder != null) {
            o.put("sortOrder", sortOrder);
        }
        return admin(post("/api/orgs"), Map.of("parentId", parent, "organization", o), 201).get("id").asLong();
    }

    /** An organisation right under the town, remembered by name. */
    public long add(String name, String kind, String field, Integer sortOrder) throws Exception {
        long org = org(id, name, kind, field, sortOrder);
        orgs.put(name, org);
        return org;
    }

    /** A village's 党支部 right under the town, remembered by name. */
    public long village(String name) throws Exception {
        return add(name, "BRANCH", "VILLAGE", null);
    }

    /** An account bound to an organisation: BRANCH for a village's 书记, SUPERVISOR for a town's. */
    public void account(String username, String displayName, long organizationId, String role) throws Exception {
        admin(post("/api/accounts"), Map.of("username", username, "displayName", displayName, "organizationId",
                organizationId, "role", role, "password", PASSWORD, "enabled", true), 201);
    }

    /** The town's campaign of {@code year}. */
    public long campaign(int year) throws Exception {
        return admin(post("/api/campaigns"), Map.of("rootOrganizationId", id, "year", year), 201).get("id").asLong();
    }

    /**
     * A village questionnaire (open mode) of {@code org} in the campaign, answerable through March of {@code year}, with a
     * quota of {@code minimum} answers of which 70% from party members.
     */
    public long questionnaire(long campaign, int year, long org, int minimum) throws Exception {
        long template = jdbc.sql("select id from questionnaire_template where code = 'VILLAGE'").query(Long.class).single();
        return admin(post("/api/campaigns/{c}/orgs/{o}/questionnaires", campaign, org), Map.of("templateId", template,
                "mode", "OPEN", "opensOn", year + "-03-01", "closesOn", year + "-03-31", "quotaMinimum", minimum,
                "quotaMemberShare", 70), 201).get("id").asLong();
    }

    /** The questionnaire's count of answers from party members and from the public, as its tally would hold them. */
    public void answered(long questionnaire, long members, long publics) {
        for (Object[] line : new Object[][] {{"MEMBER", members}, {"PUBLIC", publics}}) {
            // the launch laid out the tally's rows at 0
            jdbc.sql("delete from questionnaire_tally where questionnaire_id = :q and question_key = '*' and category = :c")
                    .param("q", questionnaire).param("c", line[0]).update();
            jdbc.sql("insert into questionnaire_tally (questionnaire_id, question_key, option_index, category, shard, n)"
                            + " values (:q, '*', 0, :c, 0, :n)")
                    .param("q", questionnaire).param("c", line[0]).param("n", line[1]).update();
        }
    }

    /** A request as {@code as} (with the form token), the body written as JSON unless it is already text. */
    public MockHttpServletResponse send(MockHttpServletRequestBuilder r, String as, Object body) throws Exception {
        r.with(users.as(as)).with(csrf());
        if (body != null) {
            r.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return mvc.perform(r).andReturn().getResponse();
    }

    /** The response has {@code status}; its JSON body (null when empty). */
    public JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return text.isEmpty() ? null : json.readTree(text);
    }

    public JsonNode as(String user, MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        return ok(send(request, user, body), status);
    }

    public JsonNode admin(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        return as("admin", request, body, status);
    }

    /** What a request answered: its status and its body as text. */
    public record Answer(int status, String body) {
    }

    /** A request as {@code as}, answered with its status and body, for tests that check refusals as well as successes. */
    public Answer answer(MockHttpServletRequestBuilder r, String as, Object body) throws Exception {
        MockHttpServletResponse response = send(r, as, body);
        return new Answer(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The request succeeded with 200; its JSON body. */
    public JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return json.readTree(a.body());
    }

    /** The request created something (201); its JSON body. */
    public JsonNode created(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return json.readTree(a.body());
    }

    /** The request was refused with {@code status}, its problem's detail containing {@code detail} (when given). */
    public void refused(Answer a, int status, String detail) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        if (detail != null) {
            assertThat(json.readTree(a.body()).get("detail").asText()).contains(detail);
        }
    }

    /** A download: the status, and an .xlsx whose first sheet reads with the anchor column. */
    public cn.tierup.shared.xlsx.XlsxSheetReader.SheetContent xlsx(MockHttpServletResponse r, String anchor) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.getContentType()).contains("spreadsheetml");
        return cn.tierup.shared.xlsx.XlsxSheetReader.read(r.getContentAsByteArray(), anchor, 1000);
    }
}
