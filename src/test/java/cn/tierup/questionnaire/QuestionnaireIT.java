package cn.tierup.questionnaire;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Questionnaires answered anonymously: one respondent once, nothing stored names them, figures add up. */
@IntegrationTest
class QuestionnaireIT {

    private static final Map<String, Long> CAMPAIGNS = new ConcurrentHashMap<>();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    long templateId(String code) {
        return jdbc.sql("select id from questionnaire_template where code = :c").param("c", code).query(Long.class).single();
    }

    long campaign() {
        return CAMPAIGNS.computeIfAbsent("濛阳", k -> {
            try {
                LocalDate start = LocalDate.now().minusDays(5);
                String body = """
                        {"rootOrganizationId": %d, "year": %d,
                         "surveyStartsOn": "%s", "surveyEndsOn": "%s", "surveyDueOn": "%s",
                         "gradingStartsOn": "%s", "gradingEndsOn": "%s", "gradingDueOn": "%s",
                         "upgradeStartsOn": "%s", "upgradeEndsOn": "%s", "upgradeDueOn": "%s",
                         "acceptanceStartsOn": "%s", "acceptanceEndsOn": "%s", "acceptanceDueOn": "%s"}
                        """.formatted(id("中共彭州市濛阳镇委员会"), start.getYear(), start, start.plusDays(30), start.plusDays(30),
                        start.plusDays(31), start.plusDays(60), start.plusDays(40), start.plusDays(61), start.plusDays(200),
                        start.plusDays(200), start.plusDays(201), start.plusDays(260), start.plusDays(220));
                String out = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
                return json.readTree(out).get("id").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    JsonNode launch(String mode, String extra) throws Exception {
        long town = id("中共彭州市濛阳镇委员会");
        String out = mvc.perform(post("/api/campaigns/" + campaign() + "/orgs/" + town + "/questionnaires").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"templateId\": " + templateId("VILLAGE") + ", \"mode\": \"" + mode + "\"" + extra + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(out);
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** A complete, valid answer to the village questionnaire. */
    static MockHttpServletRequestBuilder answer(String slug, String category) {
        return answer(slug, category, "0");
    }

    static MockHttpServletRequestBuilder answer(String slug, String category, String q1) {
        MockHttpServletRequestBuilder b = post("/q/" + slug).param("category", category).param("q1", q1);
        for (String key : List.of("q2", "q3", "q4", "q5", "q6", "q9", "q10")) {
            b.param(key, "0");
        }
        return b.param("q8", "0", "2");
    }

    /** A complete answer with q1 and q6 as given (q6 = 2, 否, asks q7). */
    static MockHttpServletRequestBuilder answerAll(String slug, String category, String q1, String q6) {
        MockHttpServletRequestBuilder b = post("/q/" + slug).param("category", category).param("q1", q1).param("q6", q6);
        for (String key : List.of("q2", "q3", "q4", "q5", "q9", "q10")) {
            b.param(key, "1");
        }
        return b.param("q8", "1");
    }

    /** A browser that opens the form: the answering token the server gives it with the page, as its cookie. */
    Cookie browser(String slug) throws Exception {
        return openForm(mvc, slug);
    }

    static Cookie openForm(MockMvc mvc, String slug) throws Exception {
        Cookie c = mvc.perform(get("/q/" + slug)).andExpect(status().isOk()).andReturn().getResponse().getCookie("tq_" + slug);
        assertThat(c).as("the form gives an answering token").isNotNull();
        return c;
    }

    long responses(long questionnaireId) {
        return jdbc.sql("select count(*) from questionnaire_response where questionnaire_id = :q").param("q", questionnaireId)
                .query(Long.class).single();
    }

    @Test
    void aLargeTownGetsTheNoticesQuotaAndItsProgressMovesWithEachAnswer() throws Exception {
        JsonNode q = launch("OPEN", "");
        assertThat(q.get("progress").get("minimum").asInt()).isEqualTo(200);
        assertThat(q.get("progress").get("memberShare").asInt()).isEqualTo(70);
        String slug = q.get("slug").asText();
        mvc.perform(get("/q/" + slug)).andExpect(status().isOk()).andExpect(cookie().exists("tq_" + slug))
                .andExpect(content().string(containsString("您的身份")));
        mvc.perform(answer(slug, "MEMBER").cookie(browser(slug)).with(from("192.0.2.1")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/q/" + slug + "/thanks"));
        mvc.perform(answer(slug, "PUBLIC").cookie(browser(slug)).with(from("192.0.2.1")))
                .andExpect(status().is3xxRedirection());
        JsonNode after = json.readTree(mvc.perform(get("/api/questionnaires/" + q.get("id").asLong()).with(users.as("admin")))
                .andReturn().getResponse().getContentAsString());
        assertThat(after.get("progress").get("members").asLong()).isEqualTo(1);
        assertThat(after.get("progress").get("publics").asLong()).isEqualTo(1);
        mvc.perform(get("/questionnaires/" + q.get("id").asLong()).with(users.as("zhen"))).andExpect(status().isForbidden());
    }

    @Test
    void aBrowserAnswersOnceAndAWrongSubmissionStoresNothing() throws Exception {
        JsonNode q = launch("OPEN", "");
        String slug = q.get("slug").asText();
        long qid = q.get("id").asLong();
        Cookie browser = browser(slug);
        mvc.perform(answer(slug, "MEMBER").with(from("192.0.2.2"))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Cookie")));
        mvc.perform(post("/q/" + slug).param("category", "MEMBER").param("q1", "0").cookie(browser).with(from("192.0.2.2")))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("此题为必答题")));
        mvc.perform(answer(slug, "MEMBER", "9").cookie(browser).with(from("192.0.2.2")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(answer(slug, "").cookie(browser).with(from("192.0.2.2")))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("请选择您的身份")));
        mvc.perform(answer(slug, "MEMBER").param("q11", "<script>alert(1)</script>" + "长".repeat(2001)).cookie(browser).with(from("192.0.2.2")))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("不能超过 2000 字")));
        assertThat(responses(qid)).isZero();
        mvc.perform(answer(slug, "MEMBER").param("q11", "<script>alert(1)</script>").cookie(browser).with(from("192.0.2.2")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(answer(slug, "PUBLIC").cookie(browser).with(from("192.0.2.2")))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("已经提交过")));
        mvc.perform(get("/q/" + slug).cookie(browser)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("已经提交过"))).andExpect(content().string(org.hamcrest.Matchers.not(containsString("提 交"))));
        assertThat(responses(qid)).isEqualTo(1);
        String page = mvc.perform(get("/questionnaires/" + qid).with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void aQuestionShownOnlyAfterAnAnswerKeepsNoAnswerOtherwise() throws Exception {
        JsonNode q = launch("OPEN", "");
        String slug = q.get("slug").asText();
        mvc.perform(answer(slug, "PUBLIC").param("q7", "流动党员联系不上").cookie(browser(slug)).with(from("192.0.2.3")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(answer(slug, "PUBLIC").param("q6", "2").param("q7", "流动党员联系不上").cookie(browser(slug))
                        .with(from("192.0.2.3")))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("此题只能选一项")));
        MockHttpServletRequestBuilder shown = post("/q/" + slug).param("category", "PUBLIC");
        for (String key : List.of("q1", "q2", "q3", "q4", "q5", "q9", "q10")) {
            shown.param(key, "0");
        }
        mvc.perform(shown.param("q6", "2").param("q8", "1").param("q7", "流动党员联系不上").cookie(browser(slug))
                .with(from("192.0.2.3"))).andExpect(status().is3xxRedirection());
        List<String> stored = jdbc.sql("select answers from questionnaire_response where questionnaire_id = :q")
                .param("q", q.get("id").asLong()).query(String.class).list();
        assertThat(stored).hasSize(2);
        assertThat(stored.stream().filter(a -> a.contains("流动党员联系不上")).count()).isEqualTo(1);
    }

    @Test
    void aCodeAnswersOnceSealedAndOnlyTheOrganisersKeyCountsIt() throws Exception {
        JsonNode q = launch("CODED", "");
        String slug = q.get("slug").asText();
        long qid = q.get("id").asLong();
        String key = q.get("closingKey").asText();
        assertThat(key).as("the closing key, shown this once").matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        JsonNode codes = json.readTree(mvc.perform(post("/api/questionnaires/" + qid + "/codes").with(users.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"count\": 3}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(codes).hasSize(3);
        String code = codes.get(0).asText();
        String page = mvc.perform(answer(slug, "MEMBER").param("code", code.toLowerCase()).with(from("192.0.2.4")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("答卷回执")))
                .andReturn().getResponse().getContentAsString();
        String receipt = page.replaceAll("(?s).*id=\"receipt\">[^：]*：([0-9A-Z]{4}-[0-9A-Z]{4}).*", "$1");
        assertThat(receipt).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        mvc.perform(answer(slug, "MEMBER").param("code", code).with(from("192.0.2.4")))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("已经使用过")));
        mvc.perform(answer(slug, "MEMBER").param("code", "ZZZZ-ZZZZ").with(from("192.0.2.4"))).andExpect(status().isConflict());
        mvc.perform(answer(slug, "PUBLIC", "1").param("code", codes.get(1).asText()).with(from("192.0.2.4")))
                .andExpect(status().isOk());
        for (String plain : List.of(code, code.replace("-", ""))) {
            long leaked = jdbc.sql("select count(*) from questionnaire_code where code_hash like :c").param("c", "%" + plain + "%")
                    .query(Long.class).single();
            assertThat(leaked).isZero();
        }

        // until the count, the answers are two sealed texts: no answer, no tally, no figure but their number
        assertThat(responses(qid)).isZero();
        assertThat(jdbc.sql("select coalesce(sum(n), 0) from questionnaire_tally where questionnaire_id = :q").param("q", qid)
                .query(Long.class).single()).isZero();
        JsonNode waiting = json.readTree(mvc.perform(get("/api/questionnaires/" + qid).with(users.as("admin")))
                .andReturn().getResponse().getContentAsString());
        assertThat(waiting.get("sealing").get("waiting").asLong()).isEqualTo(2);
        assertThat(waiting.get("codesSpent").asLong()).isEqualTo(2);
        assertThat(waiting.toString()).doesNotContain(key).doesNotContain(key.replace("-", ""));

        // a wrong key opens nothing; the right one counts both, ends the questionnaire and lists the receipts
        String wrong = "0000-0000-0000-0000-0000-0000";
        mvc.perform(post("/api/questionnaires/" + qid + "/count").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"closingKey\": \"" + wrong + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("计票密钥不对")));
        mvc.perform(post("/api/questionnaires/" + qid + "/count").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"closingKey\": \"" + key + "\"}")).andExpect(status().isForbidden());
        assertThat(responses(qid)).isZero();
        JsonNode counted = json.readTree(mvc.perform(post("/api/questionnaires/" + qid + "/count").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"closingKey\": \"" + key.toLowerCase().replace("-", " ") + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(counted.get("counted").asInt()).isEqualTo(2);
        assertThat(counted.get("unreadable").asInt()).isZero();
        assertThat(responses(qid)).isEqualTo(2);
        JsonNode stats = json.readTree(mvc.perform(get("/api/questionnaires/" + qid + "/statistics").with(users.as("admin")))
                .andReturn().getResponse().getContentAsString());
        assertThat(stats.get("respondentsBy").get("MEMBER").asLong()).isEqualTo(1);
        assertThat(stats.get("respondentsBy").get("PUBLIC").asLong()).isEqualTo(1);
        assertThat(stats.get("questions").get(0).get("options").get(1).get("counts").get("PUBLIC").asLong()).isEqualTo(1);
        for (String table : List.of("questionnaire_code", "questionnaire_sealed")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where questionnaire_id = :q").param("q", qid)
                    .query(Long.class).single()).as(table + " after the count").isZero();
        }
        JsonNode after = json.readTree(mvc.perform(get("/api/questionnaires/" + qid).with(users.as("admin")))
                .andReturn().getResponse().getContentAsString());
        assertThat(after.get("codesIssued").asLong()).isEqualTo(3);
        assertThat(after.get("codesSpent").asLong()).isEqualTo(2);
        assertThat(after.get("sealing").get("countedAt").isNull()).isFalse();
        mvc.perform(post("/api/questionnaires/" + qid + "/count").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"closingKey\": \"" + key + "\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("已经计票")));
        mvc.perform(answer(slug, "MEMBER").param("code", codes.get(2).asText()).with(from("192.0.2.4")))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("已经计票结束")));
        mvc.perform(get("/q/" + slug)).andExpect(status().isOk()).andExpect(content().string(containsString(receipt)))
                .andExpect(content().string(containsString("共计入 2 份答卷")));
    }

    /**
     * Every coded answer changes one code's spent flag and adds one sealed text of the questionnaire's one length,
     * whatever it answers — a member or a resident, a choice or a long text — and nothing else in the whole
     * database, so no copy taken between two answers tells what the second said (the phone ballot's
     * {@code BallotSecrecyIT}, for questionnaires).
     */
    @Test
    void aCodedAnswerWritesASpentFlagAndOneSealedTextOfOneLengthAndNothingElse() throws Exception {
        JsonNode q = launch("CODED", "");
        String slug = q.get("slug").asText();
        long qid = q.get("id").asLong();
        JsonNode codes = json.readTree(mvc.perform(post("/api/questionnaires/" + qid + "/codes").with(users.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"count\": 4}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        List<MockHttpServletRequestBuilder> answers = List.of(
                answer(slug, "MEMBER"),
                answerAll(slug, "PUBLIC", "2", "2").param("q7", "外出务工党员多，联系不上。".repeat(15)),
                answer(slug, "PUBLIC", "1"),
                answerAll(slug, "MEMBER", "1", "2").param("q7", "无"));
        java.util.Set<Integer> lengths = new java.util.TreeSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Map<String, List<String>> before = cn.tierup.testsupport.DatabaseRows.everything(jdbc);
            mvc.perform(answers.get(i).param("code", codes.get(i).asText()).with(from("192.0.2.40"))).andExpect(status().isOk());
            Map<String, List<String>> changed = cn.tierup.testsupport.DatabaseRows.diff(before,
                    cn.tierup.testsupport.DatabaseRows.everything(jdbc));
            assertThat(changed.keySet()).as("tables answer %d wrote", i)
                    .containsExactlyInAnyOrder("questionnaire_code", "questionnaire_sealed");
            assertThat(changed.get("questionnaire_code")).hasSize(2)
                    .anyMatch(r -> r.matches("- " + qid + " \\| [0-9a-f]{64} \\| (?i)(false|f)"))
                    .anyMatch(r -> r.matches("\\+ " + qid + " \\| [0-9a-f]{64} \\| (?i)(true|t)"));
            assertThat(changed.get("questionnaire_sealed")).hasSize(1).allMatch(r -> r.startsWith("+ " + qid + " | "));
            lengths.add(changed.get("questionnaire_sealed").get(0).length());
        }
        assertThat(lengths).as("lengths of the sealed answers, short and long alike").hasSize(1);
        assertThat(jdbc.sql("select sealed from questionnaire_sealed where questionnaire_id = :q").param("q", qid)
                .query(String.class).list()).noneMatch(t -> t.contains("MEMBER") || t.contains("PUBLIC"));
    }

    @Test
    void anOpenQuestionnaireHasNothingToCount() throws Exception {
        JsonNode q = launch("OPEN", "");
        assertThat(q.hasNonNull("closingKey")).isFalse();
        mvc.perform(post("/api/questionnaires/" + q.get("id").asLong() + "/count").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"closingKey\": \"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("不需要计票")));
    }

    @Test
    void nothingStoredWithTheAnswersCanNameTheRespondent() throws Exception {
        List<String> columns = jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = 'questionnaire_response'")
                .query(String.class).list();
        assertThat(columns).containsExactlyInAnyOrder("id", "questionnaire_id", "category", "answers", "submitted_on");
        String type = jdbc.sql("select lower(data_type) from information_schema.columns where lower(table_name) = 'questionnaire_response'"
                + " and lower(column_name) = 'submitted_on'").query(String.class).single();
        assertThat(type).isEqualTo("date");
        List<String> seen = jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = 'questionnaire_seen'")
                .query(String.class).list();
        assertThat(seen).containsExactlyInAnyOrder("questionnaire_id", "token_hash");
    }

    @Test
    void aClosedQuestionnaireTakesNoAnswersAndBurstsFromOneAddressAreSlowedDown() throws Exception {
        LocalDate yesterday = LocalDate.now().minusDays(1);
        JsonNode closed = launch("OPEN", ", \"opensOn\": \"" + yesterday.minusDays(3) + "\", \"closesOn\": \"" + yesterday + "\"");
        String slug = closed.get("slug").asText();
        mvc.perform(get("/q/" + slug)).andExpect(status().isConflict()).andExpect(content().string(containsString("已结束")));
        mvc.perform(answer(slug, "MEMBER").cookie(new Cookie("tq_" + slug, "x")).with(from("192.0.2.5")))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("已结束")));
        mvc.perform(get("/q/nosuchone")).andExpect(status().isNotFound()).andExpect(content().string(containsString("没有找到")));

        JsonNode open = launch("OPEN", "");
        String s = open.get("slug").asText();
        int refused = 0;
        for (int i = 0; i < 31; i++) {
            int code = mvc.perform(answer(s, "MEMBER").cookie(browser(s)).with(from("192.0.2.99")))
                    .andReturn().getResponse().getStatus();
            if (code == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(1);
        assertThat(responses(open.get("id").asLong())).isEqualTo(30);
    }

    @Test
    void aDemocraticAppraisalCountsEvaluatorsByGroupAndFeedsTheSummaryTable() throws Exception {
        long town = id("中共彭州市濛阳镇委员会");
        String out = mvc.perform(post("/api/campaigns/" + campaign() + "/orgs/" + town + "/questionnaires").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"templateId\": " + templateId("APPRAISAL") + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode q = json.readTree(out);
        assertThat(q.get("progress").get("minimum").asInt()).isEqualTo(50);
        assertThat(q.get("progress").get("ratioApplies").asBoolean()).isFalse();
        String slug = q.get("slug").asText();
        mvc.perform(get("/q/" + slug)).andExpect(status().isOk()).andExpect(content().string(containsString("两代表一委员")));
        String[] groups = {"GRASSROOTS_CADRE", "GRASSROOTS_CADRE", "DEPUTIES"};
        for (int i = 0; i < groups.length; i++) {
            MockHttpServletRequestBuilder b = post("/q/" + slug).param("category", groups[i]);
            for (int k = 1; k <= 7; k++) {
                b.param("q" + k, String.valueOf(i % 4));
            }
            mvc.perform(b.cookie(browser(slug)).with(from("192.0.2.7"))).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/q/" + slug).param("category", "MEMBER").param("q1", "0").cookie(browser(slug))
                .with(from("192.0.2.7"))).andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("身份类别")));
        JsonNode stats = json.readTree(mvc.perform(get("/api/questionnaires/" + q.get("id").asLong() + "/statistics").with(users.as("admin")))
                .andReturn().getResponse().getContentAsString());
        assertThat(stats.get("respondentsBy").get("GRASSROOTS_CADRE").asLong()).isEqualTo(2);
        assertThat(stats.get("respondentsBy").get("DEPUTIES").asLong()).isEqualTo(1);
        assertThat(stats.get("questions").get(0).get("options").get(0).get("counts").get("GRASSROOTS_CADRE").asLong()).isEqualTo(1);
        JsonNode summary = json.readTree(mvc.perform(get("/api/campaigns/" + campaign() + "/orgs/" + town + "/survey-summary")
                .with(users.as("admin"))).andReturn().getResponse().getContentAsString());
        assertThat(summary.get("own").get("evaluators").get("GRASSROOTS_CADRE").asLong()).isEqualTo(2);
        assertThat(summary.get("own").get("amounts").get("APPRAISAL").asLong()).isEqualTo(3);
    }

    @Test
    void anAdministratorCopiesATemplateEditsItAndLaunchesTheCopyWhileTheShippedOneStays() throws Exception {
        long shipped = templateId("COMMUNITY");
        mvc.perform(post("/api/questionnaire-templates/" + shipped + "/copy").with(users.as("zhen"))).andExpect(status().isForbidden());
        JsonNode copy = json.readTree(mvc.perform(post("/api/questionnaire-templates/" + shipped + "/copy").with(users.as("admin")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        long copyId = copy.get("id").asLong();
        String text = "1. 【评价】【必答】您对社区党组织的满意度：\n- 满意\n- 基本满意\n- 不满意\n2. 【简答】【条件：第1题选第3项】不满意的原因\n";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/questionnaire-templates/" + shipped)
                        .with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "改", "questions", text, "version", 0))))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("先复制")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/questionnaire-templates/" + copyId)
                        .with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "社区满意度小问卷", "questions", "1. 题目没有题型\n- 甲",
                                "version", copy.get("version").asLong()))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("第 1 行")));
        JsonNode revised = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/questionnaire-templates/" + copyId)
                        .with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "社区满意度小问卷", "questions", text,
                                "version", copy.get("version").asLong()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(revised.get("questions")).hasSize(2);
        assertThat(json.readTree(mvc.perform(get("/api/questionnaire-templates/" + shipped).with(users.as("admin")))
                .andReturn().getResponse().getContentAsString()).get("questions").size()).isGreaterThan(2);
        long town = id("中共彭州市濛阳镇委员会");
        JsonNode q = json.readTree(mvc.perform(post("/api/campaigns/" + campaign() + "/orgs/" + town + "/questionnaires").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"templateId\": " + copyId + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(q.get("title").asText()).isEqualTo("社区满意度小问卷");
        assertThat(q.get("questions")).hasSize(2);
    }

    @Test
    void aTownSeesItsVillagesQuestionnairesAddedUpAndOneByOne() throws Exception {
        long town = id("中共彭州市濛阳镇委员会");
        long village = jdbc.sql("select id from organization where parent_id = :p and field = 'VILLAGE' order by id limit 1")
                .param("p", town).query(Long.class).single();
        String out = mvc.perform(post("/api/campaigns/" + campaign() + "/orgs/" + village + "/questionnaires").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"templateId\": " + templateId("VILLAGE") + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String slug = json.readTree(out).get("slug").asText();
        mvc.perform(answer(slug, "PUBLIC").cookie(browser(slug)).with(from("192.0.2.8"))).andExpect(status().is3xxRedirection());
        JsonNode rollup = json.readTree(mvc.perform(get("/api/campaigns/" + campaign() + "/orgs/" + town + "/questionnaire-rollup")
                        .param("template", String.valueOf(templateId("VILLAGE"))).with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        long independent = jdbc.sql("select count(*) from questionnaire_response r join questionnaire q on q.id = r.questionnaire_id"
                        + " join organization o on o.id = q.organization_id where q.campaign_id = :c and q.template_id = :t"
                        + " and o.path like (select path from organization where id = :town) || '%'")
                .param("c", campaign()).param("t", templateId("VILLAGE")).param("town", town).query(Long.class).single();
        long sum = 0;
        for (JsonNode v : rollup.get("statistics").get("respondentsBy")) {
            sum += v.asLong();
        }
        assertThat(sum).isEqualTo(independent).isPositive();
        List<String> units = new java.util.ArrayList<>();
        rollup.get("questionnaires").forEach(v -> units.add(v.get("organizationName").asText()));
        assertThat(units).contains(jdbc.sql("select name from organization where id = :v").param("v", village).query(String.class).single());
        mvc.perform(get("/questionnaires/rollup").param("campaign", String.valueOf(campaign())).param("org", String.valueOf(town))
                .param("template", String.valueOf(templateId("VILLAGE"))).with(users.as("admin"))).andExpect(status().isOk());
        byte[] xlsx = mvc.perform(get("/api/campaigns/" + campaign() + "/orgs/" + town + "/questionnaire-rollup.xlsx")
                        .param("template", String.valueOf(templateId("VILLAGE"))).with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var last = wb.getSheetAt(0).getRow(wb.getSheetAt(0).getLastRowNum());
            assertThat((long) last.getCell(3).getNumericCellValue()).isEqualTo(independent);
        }
    }

    @Test
    void theStatisticsCountTheStoredAnswers() throws Exception {
        JsonNode q = launch("OPEN", "");
        String slug = q.get("slug").asText();
        long qid = q.get("id").asLong();
        for (int i = 0; i < 5; i++) {
            mvc.perform(answer(slug, i < 3 ? "MEMBER" : "PUBLIC", String.valueOf(i % 3))
                    .cookie(browser(slug)).with(from("192.0.2.6"))).andExpect(status().is3xxRedirection());
        }
        JsonNode stats = json.readTree(mvc.perform(get("/api/questionnaires/" + qid + "/statistics").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(stats.get("respondentsBy").get("MEMBER").asLong()).isEqualTo(3);
        assertThat(stats.get("respondentsBy").get("PUBLIC").asLong()).isEqualTo(2);
        JsonNode q1 = stats.get("questions").get(0).get("options");
        List<String> answers = jdbc.sql("select answers from questionnaire_response where questionnaire_id = :q").param("q", qid)
                .query(String.class).list();
        for (int o = 0; o < 3; o++) {
            int option = o;
            long independent = answers.stream().filter(a -> a.contains("\"q1\":" + option + ",")).count();
            assertThat(q1.get(o).get("counts").path("MEMBER").asLong(0) + q1.get(o).get("counts").path("PUBLIC").asLong(0))
                    .isEqualTo(independent);
        }
        long town = id("中共彭州市濛阳镇委员会");
        JsonNode summary = json.readTree(mvc.perform(get("/api/campaigns/" + campaign() + "/orgs/" + town + "/survey-summary")
                .with(users.as("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        long sheets = jdbc.sql("select count(*) from questionnaire_response r join questionnaire q on q.id = r.questionnaire_id"
                + " where q.campaign_id = :c and q.audience = 'MEMBER_PUBLIC'").param("c", campaign()).query(Long.class).single();
        assertThat(summary.get("total").get("questionnairesReturned").asLong()).isEqualTo(sheets);
        assertThat(summary.get("own").get("amounts").get("QUESTIONNAIRE").asLong()).isEqualTo(sheets);
        byte[] xlsx = mvc.perform(get("/api/questionnaires/" + qid + "/statistics.xlsx").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith("统计表");
            var last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("答卷合计");
            assertThat((long) last.getCell(3).getNumericCellValue()).isEqualTo(5);
        }
        String page = mvc.perform(get("/questionnaires/" + qid).with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("stats-chart").contains("echarts.min.js");
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        JsonNode q8 = stats.get("questions").get(7).get("options");
        assertThat(q8.get(0).get("counts").path("MEMBER").asLong(0) + q8.get(0).get("counts").path("PUBLIC").asLong(0)).isEqualTo(5);
        assertThat(q8.get(2).get("counts").path("MEMBER").asLong(0) + q8.get(2).get("counts").path("PUBLIC").asLong(0)).isEqualTo(5);
    }
}
