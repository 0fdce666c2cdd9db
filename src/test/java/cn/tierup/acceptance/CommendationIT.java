package cn.tierup.acceptance;

import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.Grade.ADVANCED;
import static cn.tierup.grading.Grade.AVERAGE;
import static cn.tierup.grading.Grade.LAGGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;

/**
 * 表彰 by a town of this test's own (its own account, a supervisor bound to it): an organisation and members honoured,
 * listed, downloaded and shown on the organisation's page and the member's record; corrected and withdrawn with the
 * version read and a reason, audited. Refused with the reason and nothing written: an organisation whose 年末审定 is 后进,
 * one still 后进 from its 年初定级 with no 年末审定 yet (while one converted at year end may be honoured), a 总支 as 优秀党支部,
 * another town's organisation or person, someone who has left the roll, an 积极分子 as 优秀共产党员, a date outside the
 * year, no citation — and another town's account or a party member's account is turned away (403).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class CommendationIT {

    static final String PREFIX = "中共表彰测试镇";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired PlatformTransactionManager transactions;

    int year;
    long campaign;
    TransitionTown town;
    String account;
    long advanced, laggingAtEnd, converted, laggingAtStart, generalBranch, lichunVillage, lichunMember;
    long member, activist, left;

    @BeforeAll
    void town() throws Exception {
        year = CampaignFixture.OWN_TOWN_YEAR;
        town = new TransitionTown(mvc, users, jdbc, json, grading, transactions, PREFIX + year + "委员会");
        advanced = town.add(PREFIX + year + "红旗村支部委员会", "BRANCH", "VILLAGE", null);
        laggingAtEnd = town.add(PREFIX + year + "石桥村支部委员会", "BRANCH", "VILLAGE", null);
        converted = town.add(PREFIX + year + "柳林村支部委员会", "BRANCH", "VILLAGE", null);
        laggingAtStart = town.add(PREFIX + year + "杏花村支部委员会", "BRANCH", "VILLAGE", null);
        generalBranch = town.add(PREFIX + year + "机关总支部委员会", "GENERAL_BRANCH", "AGENCY", null);
        campaign = town.campaign(year);
        town.start(campaign, year, advanced, "VILLAGE", ADVANCED);
        town.end(campaign, advanced, "先进", ADVANCED);
        town.start(campaign, year, laggingAtEnd, "VILLAGE", AVERAGE);
        town.end(campaign, laggingAtEnd, "后进", LAGGING);
        town.start(campaign, year, converted, "VILLAGE", LAGGING);
        town.end(campaign, converted, "一般", AVERAGE);
        town.start(campaign, year, laggingAtStart, "VILLAGE", LAGGING);
        town.start(campaign, year, generalBranch, "AGENCY", ADVANCED);

        member = person(advanced, "王建国", "PROBATIONARY");
        activist = person(advanced, "李向阳", "ACTIVIST");
        left = person(advanced, "赵光明", "PROBATIONARY");
        long version = jdbc.sql("select version from member where id = :id").param("id", left).query(Long.class).single();
        town.admin(post("/api/members/{id}/leave", left), Map.of("on", LocalDate.now().minusDays(3).toString(),
                "reason", "DECEASED", "version", version), 200);

        long lichun = jdbc.sql("select id from organization where name = '中共彭州市丽春镇委员会'").query(Long.class).single();
        lichunVillage = jdbc.sql("select min(id) from organization where parent_id = :p and kind = 'BRANCH'")
                .param("p", lichun).query(Long.class).single();
        lichunMember = jdbc.sql("select min(id) from member where organization_id = :o and status = 'ACTIVE'"
                + " and category in ('FULL', 'PROBATIONARY')").param("o", lichunVillage).query(Long.class).single();

        account = "biaozhang" + year;
        town.admin(post("/api/accounts"), Map.of("username", account, "displayName", "表彰测试镇书记",
                "organizationId", town.id, "role", "SUPERVISOR", "password", "Check2026pass", "enabled", true), 201);
    }

    long person(long org, String name, String category) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "sex", "MALE", "category", category,
                "activistOn", "2020-03-01", "birthDate", "1990-06-18", "retired", false, "floating", false, "inDifficulty", false));
        if (!category.equals("ACTIVIST")) {
            body.put("developmentTargetOn", "2021-03-01");
            body.put("joinedOn", LocalDate.now().minusMonths(6).toString());
        }
        return town.admin(post("/api/orgs/{id}/members", org), body, 201).get("id").asLong();
    }

    // ------------------------------------------------------------------ HTTP

    MockHttpServletResponse send(MockHttpServletRequestBuilder r, String as, Object body) throws Exception {
        r.with(users.as(as));
        if (body != null) {
            r.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(r).andReturn().getResponse();
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return json.readTree(text);
    }

    Map<String, Object> honour(String kind, Long org, Long person, LocalDate on, String citation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("organizationId", org);
        m.put("memberId", person);
        m.put("level", "TOWNSHIP");
        m.put("awardedOn", on.toString());
        m.put("documentNumber", "表彰测试〔" + year + "〕" + (kind.length() + citation.length()) + "号");
        m.put("citation", citation);
        return m;
    }

    LocalDate july() {
        return LocalDate.of(year, 7, 1);
    }

    long stored() {
        return jdbc.sql("select count(*) + coalesce(sum(version), 0) from acceptance_commendation where awarded_by_organization_id = :a")
                .param("a", town.id).query(Long.class).single();
    }

    long audits(String action) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = 'Commendation' and action = :a and organization_id = :o")
                .param("a", action).param("o", town.id).query(Long.class).single();
    }

    /** Refused with the status and a message containing {@code text}, and nothing stored or audited. */
    void refused(MockHttpServletResponse r, int status, String text) throws Exception {
        long before = stored();
        long auditBefore = audits("CREATE") + audits("UPDATE") + audits("WITHDRAW");
        JsonNode problem = ok(r, status);
        if (text != null) {
            assertThat(problem.get("detail").asText()).contains(text);
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(audits("CREATE") + audits("UPDATE") + audits("WITHDRAW")).isEqualTo(auditBefore);
    }

    String record = "/api/acceptance/commendations/{campaign}/{org}";

    // ------------------------------------------------------------------ the checks

    @Test
    void aTownHonoursOrganisationsAndMembersInItsSubtreeAndRefusesTheRestWithTheReason() throws Exception {
        long before = stored();
        // refusals first: nothing is written by any of them
        refused(send(post(record, campaign, town.id), account,
                honour("ADVANCED_ORGANIZATION", laggingAtEnd, null, july(), "后进村")), 422, "年末审定为“后进”（后进类）");
        refused(send(post(record, campaign, town.id), account,
                honour("ADVANCED_ORGANIZATION", laggingAtStart, null, july(), "未审定")), 422, "年初定级为“后进”（后进类），年末尚未审定");
        refused(send(post(record, campaign, town.id), account,
                honour("EXCELLENT_BRANCH", generalBranch, null, july(), "总支")), 422, "不是党支部");
        refused(send(post(record, campaign, town.id), account,
                honour("ADVANCED_ORGANIZATION", lichunVillage, null, july(), "别镇")), 422, "不是" + PREFIX + year + "委员会的下级党组织");
        refused(send(post(record, campaign, town.id), account,
                honour("ADVANCED_ORGANIZATION", town.id, null, july(), "本级")), 422, "的下级党组织");
        refused(send(post(record, campaign, town.id), account,
                honour("EXCELLENT_MEMBER", null, lichunMember, july(), "别镇党员")), 422, "不在" + PREFIX + year + "委员会及其下级党组织的党员名册上");
        refused(send(post(record, campaign, town.id), account,
                honour("EXCELLENT_MEMBER", null, left, july(), "已出列")), 422, "党员名册上（或已出列）");
        refused(send(post(record, campaign, town.id), account,
                honour("EXCELLENT_MEMBER", null, activist, july(), "积极分子")), 422, "李向阳不是正式党员或预备党员");
        refused(send(post(record, campaign, town.id), account,
                honour("EXCELLENT_MEMBER", null, member, july().minusYears(1), "上年")), 422, "表彰日期应在 " + year + " 年内");
        refused(send(post(record, campaign, town.id), account,
                honour("ADVANCED_ORGANIZATION", advanced, null, july(), " ")), 422, "请填写主要事迹");
        // another town's account, and a party member's, may not record for this town
        refused(send(post(record, campaign, town.id), "zhen", honour("ADVANCED_ORGANIZATION", advanced, null, july(), "越权")), 403, null);
        refused(send(post(record, campaign, town.id), "dangyuan", honour("ADVANCED_ORGANIZATION", advanced, null, july(), "越权")), 403, null);
        assertThat(stored()).isEqualTo(before);

        // an organisation converted at year end may be honoured: its 年末审定 counts, not its 年初定级
        JsonNode c1 = ok(send(post(record, campaign, town.id), account,
                honour("ADVANCED_ORGANIZATION", converted, null, july(), "整顿转化成效明显")), 201);
        assertThat(c1.get("organizationName").asText()).isEqualTo(PREFIX + year + "柳林村支部委员会");
        JsonNode c2 = ok(send(post(record, campaign, town.id), account,
                honour("EXCELLENT_BRANCH", advanced, null, july(), "带领群众发展特色产业")), 201);
        JsonNode c3 = ok(send(post(record, campaign, town.id), account,
                honour("EXCELLENT_MEMBER", null, member, july(), "带头承诺践诺")), 201);
        assertThat(c3.get("memberName").asText()).isEqualTo("王建国");
        assertThat(c3.get("organizationId").asLong()).as("the person's roll").isEqualTo(advanced);
        JsonNode c4 = ok(send(post(record, campaign, town.id), account,
                honour("EXCELLENT_PARTY_WORKER", null, activist, july().plusDays(1), "协助做好党务工作")), 201);
        assertThat(audits("CREATE")).isEqualTo(4);

        // the town's list, by kind, and the other town cannot read it
        JsonNode all = ok(send(get("/api/acceptance/commendations").param("campaign", "" + campaign)
                .param("org", "" + town.id), account, null), 200);
        assertThat(all.size()).isEqualTo(4);
        List<String> names = new ArrayList<>();
        all.forEach(n -> names.add(n.get("memberName") == null ? n.get("organizationName").asText() : n.get("memberName").asText()));
        // by date, then kind (先进基层党组织, 优秀党支部, 优秀共产党员), then 优秀党务工作者 a day later
        assertThat(names).containsExactly(PREFIX + year + "柳林村支部委员会", PREFIX + year + "红旗村支部委员会", "王建国", "李向阳");
        assertThat(ok(send(get("/api/acceptance/commendations").param("campaign", "" + campaign).param("org", "" + town.id)
                .param("kind", "EXCELLENT_MEMBER"), account, null), 200).size()).isEqualTo(1);
        assertThat(send(get("/api/acceptance/commendations").param("campaign", "" + campaign).param("org", "" + town.id),
                "zhen", null).getStatus()).isIn(403, 404);

        // corrected with the version read (a stale one changes nothing), audited
        Map<String, Object> corrected = honour("EXCELLENT_MEMBER", null, member, july(), "带头承诺践诺，帮助群众解决实际困难");
        corrected.put("version", 999);
        refused(send(put("/api/acceptance/commendations/{id}", c3.get("id").asLong()), account, corrected), 409, "已被他人修改");
        corrected.put("version", c3.get("version").asLong());
        JsonNode after = ok(send(put("/api/acceptance/commendations/{id}", c3.get("id").asLong()), account, corrected), 200);
        assertThat(after.get("citation").asText()).isEqualTo("带头承诺践诺，帮助群众解决实际困难");
        assertThat(audits("UPDATE")).isEqualTo(1);
        // a correction is held to the same rules
        Map<String, Object> toLagging = honour("ADVANCED_ORGANIZATION", laggingAtEnd, null, july(), "改为后进村");
        toLagging.put("version", c1.get("version").asLong());
        refused(send(put("/api/acceptance/commendations/{id}", c1.get("id").asLong()), account, toLagging), 422, "后进类");

        // withdrawn only with a reason; then no longer listed (unless asked), nor correctable
        long id4 = c4.get("id").asLong();
        refused(send(post("/api/acceptance/commendations/{id}/withdraw", id4), account,
                Map.of("reason", " ", "version", c4.get("version").asLong())), 422, "请写明撤销的原因");
        JsonNode withdrawn = ok(send(post("/api/acceptance/commendations/{id}/withdraw", id4), account,
                Map.of("reason", "经核实不符合表彰条件", "version", c4.get("version").asLong())), 200);
        assertThat(withdrawn.get("withdrawn").asBoolean()).isTrue();
        assertThat(audits("WITHDRAW")).isEqualTo(1);
        assertThat(ok(send(get("/api/acceptance/commendations").param("campaign", "" + campaign).param("org", "" + town.id),
                account, null), 200).size()).isEqualTo(3);
        assertThat(ok(send(get("/api/acceptance/commendations").param("campaign", "" + campaign).param("org", "" + town.id)
                .param("withdrawn", "true"), account, null), 200).size()).isEqualTo(4);
        Map<String, Object> late = honour("EXCELLENT_PARTY_WORKER", null, activist, july(), "撤销后更正");
        late.put("version", withdrawn.get("version").asLong());
        refused(send(put("/api/acceptance/commendations/{id}", id4), account, late), 422, "已撤销");

        // the workbook: every line, the withdrawn one marked
        var xlsx = send(get("/api/acceptance/commendations/export.xlsx").param("campaign", "" + campaign)
                .param("org", "" + town.id), account, null);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            for (Row row : wb.getSheetAt(0)) {
                StringBuilder line = new StringBuilder();
                for (Cell c : row) {
                    line.append(c.toString()).append('|');
                }
                rows.add(line.toString());
            }
        }
        assertThat(String.join("\n", rows)).contains("王建国", "带头承诺践诺，帮助群众解决实际困难", "优秀党支部",
                "已撤销：经核实不符合表彰条件", "乡镇（街道）级");

        // shown on the organisation's page and on the member's record (withdrawn ones not)
        String orgPage = mvc.perform(get("/orgs/{id}", advanced).with(users.as(account))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(orgPage).contains("表彰情况", "优秀党支部", "带领群众发展特色产业", "王建国").doesNotContain("协助做好党务工作");
        String memberPage = mvc.perform(get("/members/{id}", member).with(users.as(account))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(memberPage).contains("表彰情况", "优秀共产党员", "带头承诺践诺，帮助群众解决实际困难");
    }

    @Test
    void thePageRecordsAPersonByNameOnTheRollAndShowsARefusalWithWhatWasTyped() throws Exception {
        long before = stored();
        String refusedPage = mvc.perform(post("/acceptance/commendations").param("campaign", "" + campaign)
                        .param("org", "" + town.id).param("kind", "EXCELLENT_MEMBER").param("organizationId", "" + advanced)
                        .param("memberName", "王建民").param("level", "TOWNSHIP").param("awardedOn", july().toString())
                        .param("documentNumber", "表彰测试页面1号").param("citation", "页面表彰事迹")
                        .with(users.as(account)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusedPage).contains("党员名册上没有名为“王建民”的人员", "页面表彰事迹");
        assertThat(stored()).isEqualTo(before);

        var done = mvc.perform(post("/acceptance/commendations").param("campaign", "" + campaign)
                .param("org", "" + town.id).param("kind", "EXCELLENT_PARTY_WORKER").param("organizationId", "" + advanced)
                .param("memberName", "王建国").param("level", "COUNTY").param("awardedOn", july().toString())
                .param("documentNumber", "表彰测试页面2号").param("citation", "页面表彰事迹")
                .with(users.as(account)).with(csrf())).andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        String list = mvc.perform(get("/acceptance/commendations").param("campaign", "" + campaign).param("org", "" + town.id)
                .with(users.as(account))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("表彰测试页面2号", "优秀党务工作者");
    }
}
