package cn.tierup;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Malformed requests get a 4xx problem with a Chinese sentence, never a 500, and change nothing: nulls inside
 * lists, multipart bodies cut off mid-file, ids written in another notation, and validation messages whose field
 * label would otherwise show as its raw key. A user who may never make an admin-only change is told 403 before
 * anything about the body.
 *
 * <p>Works in the city's campaign of a year of this class's own ({@link CampaignFixture}), with ids the demo city
 * already has or ids that exist nowhere; nothing here may be written, so the row counts of the tables these
 * endpoints write are compared before and after each request.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    /** The tables the endpoints below write to. */
    static final List<String> WRITTEN = List.of("grading_case", "pledge_comment", "rectification_note", "member",
            "survey_attachment", "campaign", "account", "grading_scheme", "questionnaire_template");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired CampaignFixture campaignFixture;
    @LocalServerPort int port;
    long campaign;

    @BeforeAll
    void openTheCampaign() throws Exception {
        int year = campaignFixture.yearFor(BadInputIT.class);
        long city = jdbc.sql("select id from organization where name = :n").param("n", DemoDataLoader.ROOT_NAME)
                .query(Long.class).single();
        MockHttpServletResponse r = mvc.perform(post("/api/campaigns").with(users.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("rootOrganizationId", city,
                        "year", year, "name", year + "年度错误输入测试活动")))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        campaign = json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
    }

    @Test
    void aNullVetoOnTheScoreSheetIsRefused() throws Exception {
        long village = org("cun");
        assertRefusedWithoutWriting(put("/api/grading/cases/" + campaign + "/" + village + "/score-sheet"),
                "{\"scores\":{},\"vetoes\":[null],\"version\":0}", 400);
    }

    @Test
    void aNullVetoInATrialEvaluationIsRefused() throws Exception {
        long scheme = jdbc.sql("select id from grading_scheme where code = 'FIVE_GOOD_VILLAGE'").query(Long.class).single();
        assertRefusedWithoutWriting(post("/api/grading-schemes/" + scheme + "/evaluate"), "{\"scores\":{},\"vetoes\":[null]}", 400);
    }

    @Test
    void aNullOrganisationInALeadersCommentIsRefused() throws Exception {
        assertRefusedWithoutWriting(post("/api/pledges/" + campaign + "/comments"),
                "{\"organizationIds\":[null],\"text\":\"请抓紧兑现承诺事项。\"}", 400);
    }

    @Test
    void aMultipartBodyCutOffMidFileIsRefusedOnEveryUpload() {
        long village = org("cun");
        for (String path : List.of("/api/upgrade/ledger/items/1/notes", "/api/import/members",
                "/api/campaigns/" + campaign + "/orgs/" + village + "/report/attachments")) {
            Map<String, Long> before = counts();
            HttpResponse<String> r = truncatedUpload(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertChineseProblem(path, r.body());
            assertThat(counts()).as(path + " wrote nothing").isEqualTo(before);
        }
    }

    @Test
    void anAttachmentIdInHexadecimalIsNotReadAsAnotherId() throws Exception {
        for (String id : List.of("0x1", "#1", "+1", "1e0")) {
            MockHttpServletResponse r = mvc.perform(get("/api/attachments/{id}", id).with(users.as("admin"))).andReturn().getResponse();
            assertThat(r.getStatus()).as(id).isEqualTo(400);
            assertChineseProblem(id, r.getContentAsString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void validationMessagesNameTheFieldInChinese() throws Exception {
        String title = refusal(put("/api/questionnaire-templates/999999"), "{}", 400);
        assertThat(title).contains("标题");
        String standard = refusal(put("/api/grading-schemes/999999"), "{\"name\":\"村级标准\",\"version\":0}", 400);
        assertThat(standard).contains("标准");
        String vetoes = refusal(post("/api/grading-schemes/999999/evaluate"), "{\"vetoes\":[null]}", 400);
        assertThat(vetoes).contains("一票否决");
    }

    @Test
    void aTownIsRefusedAnAdminOnlyChangeWhateverItsBody() throws Exception {
        long scheme = jdbc.sql("select id from grading_scheme where code = 'FIVE_GOOD_VILLAGE'").query(Long.class).single();
        long template = jdbc.sql("select min(id) from questionnaire_template").query(Long.class).single();
        for (String route : List.of("POST /api/campaigns", "PUT /api/campaigns/" + campaign,
                "POST /api/campaigns/" + campaign + "/copy", "PUT /api/grading-schemes/" + scheme,
                "PUT /api/questionnaire-templates/" + template, "POST /api/accounts", "PUT /api/accounts/1",
                "POST /api/accounts/1/password")) {
            String[] mu = route.split(" ");
            for (String body : List.of("{}", "{\"year\":\"x\"}")) {
                Map<String, Long> before = counts();
                MockHttpServletResponse r = mvc.perform(request(HttpMethod.valueOf(mu[0]), mu[1]).with(users.as("zhen"))
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
                String text = r.getContentAsString(StandardCharsets.UTF_8);
                assertThat(r.getStatus()).as(route + " " + text).isEqualTo(403);
                assertChineseProblem(body, text);
                assertThat(counts()).isEqualTo(before);
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    void assertRefusedWithoutWriting(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        Map<String, Long> before = counts();
        refusal(request, body, status);
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    /** Sends the body as admin and returns the problem's detail, after checking it is a Chinese 4xx problem. */
    String refusal(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return assertChineseProblem(body, text);
    }

    String assertChineseProblem(String what, String body) {
        JsonNode p = json.readTree(body);
        String detail = p.path("detail").asText("");
        assertThat(detail).as(what).matches("(?s).*\\p{IsHan}.*").doesNotContain("field.").doesNotContain("error.");
        assertThat(p.path("code").asText()).as(what).isNotEqualTo("error.internal");
        return detail;
    }

    /** A multipart body whose file part starts and then stops: no closing boundary, as a dropped upload leaves it. */
    HttpResponse<String> truncatedUpload(String path) {
        String boundary = "----cut0ff";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"整改佐证.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj";
        String auth = Base64.getEncoder().encodeToString(("admin:" + DemoDataLoader.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Long> counts() {
        return WRITTEN.stream().collect(Collectors.toMap(t -> t,
                t -> jdbc.sql("select count(*) from " + t).query(Long.class).single()));
    }

    /** The organisation a demo account acts for. */
    long org(String username) {
        return users.principal(username).user().organizationId();
    }
}
