package cn.tierup.upgrade;

import cn.tierup.campaign.CampaignDesk;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Desk;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.Phase;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 晋位升级 through the JSON API, for a 后进 village of 丽春镇 (the demo account {@code cun}'s) whose grading
 * authority is the town ({@code zhen}): no goal before its grade is decided; the goal handed in by the
 * village, returned by the town (a reason required), handed in again and approved; a second 后进 village's
 * goal handed in by the town on its behalf, which the town may then not approve itself; the ledger (closing
 * without evidence refused, a real PDF as evidence, a renamed .exe refused, the creator of a line may not
 * close it, a line sent back), the home-page obligation with the overdue lines, conversion refused while a
 * line is open and allowed after; a pairing with a visit; the overview and list figures against a count kept
 * by this test of what it did; and the audit trail.
 *
 * <p>The campaign is the city's for a past year of this class's own ({@link CampaignFixture}), at least two
 * years back, with the notice's calendar, so every phase is over and every open line is past its deadline
 * (a deadline must lie in the campaign's year or the next). No other test class uses that campaign, so the figures under 丽春镇 in it are exactly this class's doing.
 */
@IntegrationTest
class UpgradeApiIT {

    static final String CITY = "中共彭州市委员会";
    static final String LICHUN = "中共彭州市丽春镇委员会";
    static final String TIANPENG = "中共彭州市天彭镇委员会";

    private static Long campaignId;

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired PlatformTransactionManager transactions;
    @Autowired CampaignDesk desks;
    @Autowired CampaignService campaigns;
    @Autowired CampaignFixture campaignFixture;
    @Autowired DemoCity demo;

    final LocalDate today = OfficeDay.today();
    /** This class's own campaign year, from the fixture (set before each test). */
    int year;

    @BeforeEach
    void claimYear() {
        year = campaignFixture.yearFor(UpgradeApiIT.class);
    }

    // ------------------------------------------------------------------ what this test did, counted by itself

    /** One organisation as this test left it. */
    static final class Org {
        final long id;
        Grade level;
        String goal;
        boolean converted;
        int assists;
        final Map<Long, LocalDate> items = new LinkedHashMap<>();
        final Map<Long, Boolean> closed = new LinkedHashMap<>();

        Org(long id) {
            this.id = id;
        }

        long open() {
            return closed.values().stream().filter(c -> !c).count();
        }

        long overdue(LocalDate today) {
            return items.entrySet().stream().filter(e -> !closed.get(e.getKey()) && e.getValue().isBefore(today)).count();
        }
    }

    final Map<Long, Org> did = new LinkedHashMap<>();

    Org org(long id) {
        return did.computeIfAbsent(id, Org::new);
    }

    void added(long org, JsonNode item) {
        org(org).items.put(item.get("id").asLong(), LocalDate.parse(item.get("deadline").asText()));
        org(org).closed.put(item.get("id").asLong(), false);
    }

    /** The overview's totals as they must be, from {@link #did} alone (and the number of organisations under the town). */
    Map<String, Long> expectedTotals(long organizations) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("organizations", organizations);
        m.put("graded", did.values().stream().filter(o -> o.level != null).count());
        m.put("goalsSubmitted", did.values().stream().filter(o -> "SUBMITTED".equals(o.goal) || "APPROVED".equals(o.goal)).count());
        m.put("goalsApproved", did.values().stream().filter(o -> "APPROVED".equals(o.goal)).count());
        m.put("lagging", did.values().stream().filter(o -> o.level == Grade.LAGGING).count());
        m.put("converted", did.values().stream().filter(o -> o.converted).count());
        m.put("items", did.values().stream().mapToLong(o -> o.items.size()).sum());
        m.put("open", did.values().stream().mapToLong(Org::open).sum());
        m.put("closed", did.values().stream().mapToLong(o -> o.items.size() - o.open()).sum());
        m.put("overdue", did.values().stream().mapToLong(o -> o.overdue(today)).sum());
        m.put("weakWithoutAssistance", did.values().stream().filter(o -> o.level == Grade.LAGGING && o.assists == 0).count());
        return m;
    }

    // ------------------------------------------------------------------ fixtures

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    /** The city's campaign of this class's year, opened once with the notice's calendar. */
    synchronized long campaign() throws Exception {
        if (campaignId == null) {
            JsonNode c = ok(send(post("/api/campaigns"), "admin", Map.of("rootOrganizationId", id(CITY), "year", year)), 201);
            assertThat(c.get("phases").get("UPGRADE").get("endsOn").asText()).isEqualTo(year + "-10-31");
            campaignId = c.get("id").asLong();
        }
        return campaignId;
    }

    /** The five steps walked without a user (the demo's way), the town deciding. */
    void grade(long campaign, long org, Grade level) {
        var row = jdbc.sql("select field, parent_id from organization where id = :id").param("id", org)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).single();
        long members = jdbc.sql("select count(*) from member where organization_id = :o and status = 'ACTIVE'"
                + " and category in ('FULL', 'PROBATIONARY')").param("o", org).query(Long.class).single();
        new TransactionTemplate(transactions).executeWithoutResult(t -> grading.graded(campaign, year, org, (String) row[0],
                members, level, (Long) row[1], "cun", "zhen"));
        org(org).level = level;
    }

    // ------------------------------------------------------------------ HTTP

    ResultActions send(MockHttpServletRequestBuilder request, String as, Object body) throws Exception {
        request.with(users.as(as));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    JsonNode ok(ResultActions r, int status) throws Exception {
        r.andExpect(status().is(status));
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode ok(ResultActions r) throws Exception {
        return ok(r, 200);
    }

    /** A refusal with its status and a Chinese message containing {@code text}. */
    void refused(ResultActions r, int status, String text) throws Exception {
        JsonNode p = ok(r, status);
        assertThat(p.get("detail").asText()).contains(text);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof LocalDate d ? d.toString() : v);
        }
        return m;
    }

    Map<String, Object> goal(String statement, Long version, Object... measures) {
        List<Map<String, Object>> ms = new ArrayList<>();
        for (int i = 0; i < measures.length; i += 3) {
            ms.add(map("text", measures[i], "owner", measures[i + 1], "dueOn", measures[i + 2]));
        }
        return map("statement", statement, "measures", ms, "version", version);
    }

    Map<String, Object> item(String problem, String measure, String responsible, LocalDate deadline, Long version) {
        return map("problem", problem, "measure", measure, "responsible", responsible, "deadline", deadline, "version", version);
    }

    ResultActions note(long item, String as, String text, MockMultipartFile file) throws Exception {
        var r = multipart("/api/upgrade/ledger/items/" + item + "/notes");
        if (file != null) {
            r.file(file);
        }
        if (text != null) {
            r.param("note", text);
        }
        return mvc.perform(r.with(users.as(as)));
    }

    JsonNode ledger(long campaign, long org, String as) throws Exception {
        return ok(send(get("/api/upgrade/ledger/" + campaign + "/" + org), as, null));
    }

    /** The API leaves empty fields out. */
    static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    JsonNode itemOf(JsonNode ledger, long id) {
        for (JsonNode i : ledger.get("items")) {
            if (i.get("id").asLong() == id) {
                return i;
            }
        }
        throw new AssertionError("no item " + id);
    }

    long audits(String type, long id, String action) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = :t and entity_id = :id and action = :a")
                .param("t", type).param("id", String.valueOf(id)).param("a", action).query(Long.class).single();
    }

    /** A real one-page PDF (cross-reference table with true offsets) saying {@code text}. */
    static byte[] pdf(String text) {
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                null,
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        String stream = "BT /F1 14 Tf 72 760 Td (" + text + ") Tj ET";
        objects[3] = "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream";
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            out.append(String.format("%010d 00000 n \n", o));
        }
        out.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Runs {@code work} signed in as {@code username}, as a request of that user would. */
    <T> T as(String username, Supplier<T> work) {
        var p = users.principal(username);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // ------------------------------------------------------------------ the journey

    @Test
    void aLaggingVillageFromGoalToConversionAndTheFiguresThatFollow() throws Exception {
        long c = campaign();
        long town = id(LICHUN);
        long village = demo.orgOf("cun");
        List<Long> others = jdbc.sql("select id from organization where parent_id = :t and field = 'VILLAGE' and kind = 'BRANCH'"
                        + " and retired = false and id <> :v order by path").param("t", town).param("v", village)
                .query(Long.class).list();
        long second = others.get(0);   // 后进 too: its goal handed in by the town, and left without assistance
        long helper = others.get(1);   // 先进: pairs with the village
        long average = others.get(2);  // 一般: a draft goal and one open line past its deadline
        String goalUrl = "/api/upgrade/goals/" + c + "/" + village;

        // ---- no goal before the grade is decided
        JsonNode before = ok(send(get(goalUrl), "cun", null));
        assertThat(absent(before, "grade")).isTrue();
        assertThat(absent(before, "goalId")).isTrue();
        refused(send(put(goalUrl), "cun", goal("整顿软弱涣散", null, "调整班子", "张支书", LocalDate.of(year, 6, 30))),
                422, "尚未完成上级评定");
        assertThat(jdbc.sql("select count(*) from upgrade_goal where campaign_id = :c").param("c", c).query(Long.class).single())
                .isZero();

        grade(c, village, Grade.LAGGING);
        grade(c, second, Grade.LAGGING);
        grade(c, helper, Grade.ADVANCED);
        grade(c, average, Grade.AVERAGE);

        JsonNode graded = ok(send(get(goalUrl), "cun", null));
        assertThat(graded.get("grade").asText()).isEqualTo("后进");
        assertThat(graded.get("gradeLevel").asText()).isEqualTo("LAGGING");
        assertThat(graded.get("aim").asText()).isEqualTo("RECTIFY");
        assertThat(graded.get("authorityName").asText()).isEqualTo(LICHUN);
        assertThat(graded.get("canWrite").asBoolean()).isTrue();
        assertThat(graded.get("canReview").asBoolean()).as("the village does not review its own goal").isFalse();

        // ---- the village writes a draft, hands in without measures (refused), then with them
        String statement = "针对班子软弱涣散、组织生活不正常的问题，年内完成整顿转化，达到一般以上。";
        JsonNode draft = ok(send(put(goalUrl), "cun", goal(statement, null)));
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        long goalId = draft.get("goalId").asLong();
        org(village).goal = "DRAFT";
        refused(send(post(goalUrl + "/submit"), "cun", goal(statement, draft.get("version").asLong())), 422, "请至少填写一条工作措施");
        refused(send(post(goalUrl + "/submit"), "cun", goal(statement, draft.get("version").asLong(),
                "选优配强村党支部书记", "", LocalDate.of(year, 6, 30))), 422, "第 1 条措施请填写责任人");
        refused(send(post(goalUrl + "/submit"), "cun", goal(statement, draft.get("version").asLong(),
                "选优配强村党支部书记", "张支书", LocalDate.of(year + 1, 1, 15))), 422, "第 1 条措施请填写完成时限（" + year + " 年内）");
        assertThat(ok(send(get(goalUrl), "cun", null)).get("status").asText()).as("refusals change nothing").isEqualTo("DRAFT");
        Object[] measures = {"选优配强村党支部书记，补齐班子成员", "镇党委组织委员", LocalDate.of(year, 6, 30),
                "恢复“三会一课”，每月主题党日", "张支书", LocalDate.of(year, 9, 30)};
        JsonNode submitted = ok(send(post(goalUrl + "/submit"), "cun", goal(statement, draft.get("version").asLong(), measures)));
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("submittedBy").asText()).isEqualTo("cun");
        assertThat(submitted.get("measures")).hasSize(2);
        assertThat(submitted.get("measures").get(1).get("dueOn").asText()).isEqualTo(year + "-09-30");
        org(village).goal = "SUBMITTED";
        // handed in, it is not the village's to change any more; a stale copy is refused as such
        refused(send(put(goalUrl), "cun", goal(statement, submitted.get("version").asLong(), measures)), 422, "审核前不能修改");
        refused(send(put(goalUrl), "cun", goal(statement, draft.get("version").asLong(), measures)), 409, "已被他人修改");

        // ---- the village cannot approve; nor can anyone outside the town's line
        send(post(goalUrl + "/approve"), "cun", map("version", submitted.get("version").asLong())).andExpect(status().isForbidden());
        send(post(goalUrl + "/approve"), "jggw", map("version", submitted.get("version").asLong())).andExpect(status().isForbidden());
        send(get(goalUrl), "nyj", null).andExpect(status().isForbidden());

        // ---- the town returns it: a reason is required
        refused(send(post(goalUrl + "/return"), "zhen", map("reason", " ", "version", submitted.get("version").asLong())),
                422, "请写明退回原因");
        JsonNode unchanged = ok(send(get(goalUrl), "zhen", null));
        assertThat(unchanged.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(unchanged.get("version").asLong()).isEqualTo(submitted.get("version").asLong());
        assertThat(unchanged.get("canReview").asBoolean()).isTrue();
        String reason = "措施中缺少发展党员和集体经济方面的内容，请补充。";
        JsonNode returned = ok(send(post(goalUrl + "/return"), "zhen", map("reason", reason, "version", unchanged.get("version").asLong())));
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("returnReason").asText()).isEqualTo(reason);
        assertThat(returned.get("reviewedBy").asText()).isEqualTo("zhen");
        org(village).goal = "RETURNED";

        // ---- the village hands it in again; the town approves
        Object[] more = {measures[0], measures[1], measures[2], measures[3], measures[4], measures[5],
                "在返乡青年中培养入党积极分子 2 名", "张支书", LocalDate.of(year, 10, 31)};
        JsonNode again = ok(send(post(goalUrl + "/submit"), "cun", goal(statement, returned.get("version").asLong(), more)));
        assertThat(again.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(again.get("measures")).hasSize(3);
        JsonNode approved = ok(send(post(goalUrl + "/approve"), "zhen", map("version", again.get("version").asLong())));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("reviewedBy").asText()).isEqualTo("zhen");
        assertThat(absent(approved, "returnReason")).isTrue();
        org(village).goal = "APPROVED";

        // ---- the second 后进 village: the town hands its goal in on its behalf and so may not approve it itself
        String secondUrl = "/api/upgrade/goals/" + c + "/" + second;
        JsonNode forIt = ok(send(post(secondUrl + "/submit"), "zhen", goal("整顿转化，年底达到一般。", null,
                "配齐村“两委”班子", "镇党委组织委员", LocalDate.of(year, 8, 31))));
        assertThat(forIt.get("submittedBy").asText()).isEqualTo("zhen");
        org(second).goal = "SUBMITTED";
        refused(send(post(secondUrl + "/approve"), "zhen", map("version", forIt.get("version").asLong())), 422, "是您提交的");
        assertThat(ok(send(get(secondUrl), "zhen", null)).get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode byCity = ok(send(post(secondUrl + "/approve"), "admin", map("version", forIt.get("version").asLong())));
        assertThat(byCity.get("status").asText()).isEqualTo("APPROVED");
        assertThat(byCity.get("reviewedBy").asText()).isEqualTo("admin");
        org(second).goal = "APPROVED";

        // ---- the 一般 village: a draft only
        JsonNode avgDraft = ok(send(put("/api/upgrade/goals/" + c + "/" + average), "zhen", goal("比学赶超，争当先进。", null)));
        assertThat(avgDraft.get("aim").asText()).isEqualTo("BECOME_ADVANCED");
        org(average).goal = "DRAFT";

        // ---- the ledger: three lines by the village, one by the town on its behalf
        String ledgerUrl = "/api/upgrade/ledger/" + c + "/" + village;
        refused(send(post(ledgerUrl), "cun", item("班子不团结", "调整班子", "张支书", LocalDate.of(year + 2, 1, 31), null)),
                422, "请填写完成时限（" + year + " 年或次年内）");
        refused(send(post(ledgerUrl), "cun", item(" ", "调整班子", "张支书", LocalDate.of(year, 6, 30), null)), 422, "请填写存在的问题");
        JsonNode a = ok(send(post(ledgerUrl), "cun", item("支部班子不健全，组织委员空缺", "选配组织委员", "张支书",
                LocalDate.of(year, 6, 30), null)), 201);
        added(village, a);
        JsonNode b = ok(send(post(ledgerUrl), "cun", item("“三会一课”记录不全", "建立组织生活记录本，镇上每季度检查", "张支书",
                LocalDate.of(year, 9, 30), null)), 201);
        added(village, b);
        JsonNode d = ok(send(post(ledgerUrl), "zhen", item("集体经济收入低于 5 万元", "发展特色种植合作社", "村主任",
                LocalDate.of(year + 1, 3, 31), null)), 201);
        added(village, d);
        assertThat(List.of(a.get("number").asInt(), b.get("number").asInt(), d.get("number").asInt())).containsExactly(1, 2, 3);
        assertThat(a.get("status").asText()).isEqualTo("OPEN");
        assertThat(a.get("overdue").asBoolean()).as("deadline %s is past", a.get("deadline").asText()).isTrue();
        assertThat(d.get("createdBy").asText()).isEqualTo("zhen");
        JsonNode avgItem = ok(send(post("/api/upgrade/ledger/" + c + "/" + average), "zhen", item("党员活动室设施陈旧",
                "争取项目资金改造活动室", "王村主任", LocalDate.of(year, 10, 31), null)), 201);
        added(average, avgItem);
        // the village's own line, revised while open
        JsonNode revised = ok(send(put("/api/upgrade/ledger/items/" + b.get("id").asLong()), "cun",
                item("“三会一课”记录不全，主题党日不经常", "建立组织生活记录本，镇上每季度检查", "张支书", LocalDate.of(year, 10, 15),
                        b.get("version").asLong())));
        assertThat(revised.get("problem").asText()).contains("主题党日");
        added(village, revised);
        refused(send(put("/api/upgrade/ledger/items/" + b.get("id").asLong()), "cun",
                item("旧稿", "旧稿", "张支书", LocalDate.of(year, 10, 15), b.get("version").asLong())), 409, "已被他人修改");

        // ---- closing without evidence: refused in Chinese, nothing changed
        long aId = a.get("id").asLong();
        refused(send(post("/api/upgrade/ledger/items/" + aId + "/close"), "zhen", map("remark", "已整改", "version", a.get("version").asLong())),
                422, "尚无佐证材料");
        JsonNode aStill = itemOf(ledger(c, village, "zhen"), aId);
        assertThat(aStill.get("status").asText()).isEqualTo("OPEN");
        assertThat(aStill.get("version").asLong()).isEqualTo(a.get("version").asLong());
        assertThat(absent(aStill, "closedBy")).isTrue();
        assertThat(audits("RectificationItem", aId, "CLOSE")).isZero();

        // ---- progress with a real PDF as evidence; a renamed .exe and a plain .exe refused, nothing stored
        byte[] evidence = pdf("Minutes: organisation committee member elected");
        JsonNode withPdf = ok(note(aId, "cun", "已召开党员大会补选组织委员，附会议记录。",
                new MockMultipartFile("file", "补选会议记录.pdf", "application/pdf", evidence)), 201);
        JsonNode n = withPdf.get("notes").get(0);
        assertThat(n.get("evidence").asBoolean()).isTrue();
        assertThat(n.get("fileName").asText()).isEqualTo("补选会议记录.pdf");
        assertThat(n.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(n.get("sizeBytes").asLong()).isEqualTo(evidence.length);
        assertThat(n.get("writtenBy").asText()).isEqualTo("cun");
        assertThat(n.has("storageKey")).as("the storage key is not shown").isFalse();
        byte[] back = mvc.perform(get(n.get("download").asText()).with(users.as("zhen"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(evidence);
        mvc.perform(get(n.get("download").asText()).with(users.as("jggw"))).andExpect(status().isForbidden());
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        refused(note(aId, "cun", "整改照片", new MockMultipartFile("file", "整改照片.pdf", "application/pdf", exe)), 422, "内容与扩展名不符");
        refused(note(aId, "cun", "整改照片", new MockMultipartFile("file", "setup.exe", "application/octet-stream", exe)), 422, "只能上传");
        refused(note(aId, "cun", " ", null), 422, "请填写整改进展");
        assertThat(itemOf(ledger(c, village, "cun"), aId).get("notes")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from rectification_note where item_id = :i").param("i", aId).query(Long.class).single())
                .isEqualTo(1);

        // ---- the village cannot close its own line; the town closes it
        send(post("/api/upgrade/ledger/items/" + aId + "/close"), "cun", map("version", withPdf.get("version").asLong()))
                .andExpect(status().isForbidden());
        send(post("/api/upgrade/ledger/items/" + aId + "/close"), "nyj", map("version", withPdf.get("version").asLong()))
                .andExpect(status().isForbidden());
        JsonNode closedA = ok(send(post("/api/upgrade/ledger/items/" + aId + "/close"), "zhen",
                map("remark", "经核实已补选到位", "version", withPdf.get("version").asLong())));
        assertThat(closedA.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closedA.get("closedBy").asText()).isEqualTo("zhen");
        assertThat(closedA.get("closeRemark").asText()).isEqualTo("经核实已补选到位");
        assertThat(closedA.get("overdue").asBoolean()).as("a closed line is not overdue").isFalse();
        org(village).closed.put(aId, true);
        refused(note(aId, "cun", "补充材料", null), 422, "已销号");

        // ---- the town put line 3 in the ledger: it may not close it itself; the city may
        long dId = d.get("id").asLong();
        JsonNode dNote = ok(note(dId, "zhen", "合作社已注册。", new MockMultipartFile("file", "营业执照.pdf", "application/pdf",
                pdf("Cooperative registered"))), 201);
        refused(send(post("/api/upgrade/ledger/items/" + dId + "/close"), "zhen", map("version", dNote.get("version").asLong())),
                422, "是您录入台账的");
        JsonNode closedD = ok(send(post("/api/upgrade/ledger/items/" + dId + "/close"), "admin", map("version", dNote.get("version").asLong())));
        assertThat(closedD.get("closedBy").asText()).isEqualTo("admin");
        org(village).closed.put(dId, true);

        // ---- line 2: progress without a file, sent back (a reason required), stays open
        long bId = b.get("id").asLong();
        JsonNode bNote = ok(note(bId, "cun", "已建立记录本。", null), 201);
        assertThat(bNote.get("notes").get(0).get("evidence").asBoolean()).isFalse();
        refused(send(post("/api/upgrade/ledger/items/" + bId + "/return"), "zhen", map("reason", "", "version", bNote.get("version").asLong())),
                422, "请写明不予销号的原因");
        JsonNode sentBack = ok(send(post("/api/upgrade/ledger/items/" + bId + "/return"), "zhen",
                map("reason", "请上传近三个月的会议记录。", "version", bNote.get("version").asLong())));
        assertThat(sentBack.get("status").asText()).isEqualTo("OPEN");
        assertThat(sentBack.get("returnReason").asText()).isEqualTo("请上传近三个月的会议记录。");

        // ---- the ledger as read, and the overdue line on the home pages (the desk of 晋位升级)
        JsonNode l = ledger(c, village, "cun");
        assertThat(l.get("items")).hasSize(3);
        assertThat(l.get("open").asLong()).isEqualTo(org(village).open());
        assertThat(l.get("closed").asLong()).isEqualTo(2);
        assertThat(l.get("overdue").asLong()).isEqualTo(org(village).overdue(today)).isEqualTo(1);
        assertThat(l.get("canWrite").asBoolean()).isTrue();
        assertThat(l.get("canClose").asBoolean()).isFalse();
        assertThat(ledger(c, village, "zhen").get("canClose").asBoolean()).isTrue();
        Desk townDesk = as("zhen", () -> desks.desk(campaigns.get(c), Phase.UPGRADE));
        List<Obligation> villageLines = townDesk.children().stream().filter(p -> p.organizationId() == village)
                .flatMap(p -> p.obligations().stream()).toList();
        assertThat(villageLines).extracting(Obligation::what).contains("争创目标", "整改台账（1 项未销号，1 项逾期）");
        Obligation ledgerLine = villageLines.stream().filter(o -> o.what().startsWith("整改台账")).findFirst().orElseThrow();
        assertThat(ledgerLine.note()).isEqualTo("有整改事项已超过完成时限");
        assertThat(ledgerLine.dueOn()).isEqualTo(LocalDate.of(year, 10, 15));
        assertThat(ledgerLine.overdue(today)).isTrue();
        assertThat(ledgerLine.link()).isEqualTo("/upgrade/ledger?campaign=" + c + "&org=" + village);
        assertThat(townDesk.lateChildren()).isPositive();
        Desk ownDesk = as("cun", () -> desks.desk(campaigns.get(c), Phase.UPGRADE));
        assertThat(ownDesk.own()).extracting(Obligation::what).contains("整改台账（1 项未销号，1 项逾期）");

        // ---- figures in the middle: the overview and the list equal this test's own count
        long organizations = jdbc.sql("select count(*) from organization o join organization t on t.id = :t"
                + " where o.retired = false and o.path like t.path || '%' and o.id <> t.id").param("t", town).query(Long.class).single();
        checkFigures(c, town, organizations, village, second, average);

        // ---- conversion: refused with a line open, allowed when all are closed, once
        send(post(goalUrl + "/convert"), "cun", null).andExpect(status().isForbidden());
        refused(send(post(goalUrl + "/convert"), "zhen", null), 422, "目前还有 1 项未销号");
        refused(send(post("/api/upgrade/goals/" + c + "/" + average + "/convert"), "zhen", null), 422, "只有后进党组织");
        JsonNode bEvidence = ok(note(bId, "cun", "补充近三个月会议记录。", new MockMultipartFile("file", "会议记录.pdf",
                "application/pdf", pdf("Meeting records, three months"))), 201);
        assertThat(bEvidence.get("returnReason").asText()).as("the reason stays until it is closed").isNotBlank();
        JsonNode closedB = ok(send(post("/api/upgrade/ledger/items/" + bId + "/close"), "zhen", map("version", bEvidence.get("version").asLong())));
        assertThat(absent(closedB, "returnReason")).isTrue();
        org(village).closed.put(bId, true);
        JsonNode converted = ok(send(post(goalUrl + "/convert"), "zhen", null));
        assertThat(converted.get("convertedBy").asText()).isEqualTo("zhen");
        assertThat(absent(converted, "convertedAt")).isFalse();
        assertThat(converted.get("ledgerItems").asLong()).isEqualTo(3);
        assertThat(converted.get("ledgerOpen").asLong()).isZero();
        org(village).converted = true;
        refused(send(post(goalUrl + "/convert"), "zhen", null), 422, "已经确认过");
        // the second 后进 village has an approved plan but an empty ledger
        refused(send(post(secondUrl + "/convert"), "zhen", null), 422, "至少有一项");

        // ---- assistance: a pairing with the 先进 village, and a visit
        String assistUrl = "/api/upgrade/assistance/" + c + "/" + village;
        refused(send(post(assistUrl), "zhen", map("kind", "PAIRING", "startedOn", LocalDate.of(year, 5, 1))), 422, "请选择结对的党组织");
        refused(send(post(assistUrl), "zhen", map("kind", "PAIRING", "helperOrganizationId", village, "startedOn", LocalDate.of(year, 5, 1))),
                422, "不能与本组织自己结对");
        JsonNode pairing = ok(send(post(assistUrl), "zhen", map("kind", "PAIRING", "helperOrganizationId", helper,
                "startedOn", LocalDate.of(year, 5, 1), "note", "先进村帮带后进村，支部共建")), 201);
        org(village).assists++;
        assertThat(pairing.get("kind").asText()).isEqualTo("PAIRING");
        assertThat(pairing.get("helperOrganizationName").asText())
                .isEqualTo(jdbc.sql("select name from organization where id = :id").param("id", helper).query(String.class).single());
        assertThat(pairing.get("visits")).isEmpty();
        long pairingId = pairing.get("id").asLong();
        refused(send(post("/api/upgrade/assistance/" + pairingId + "/visits"), "zhen",
                map("visitedOn", LocalDate.of(year, 4, 30), "visitor", "王书记", "what", "座谈")), 422, "走访日期应在帮扶开始");
        JsonNode visited = ok(send(post("/api/upgrade/assistance/" + pairingId + "/visits"), "zhen",
                map("visitedOn", LocalDate.of(year, 6, 12), "visitor", "结对村王书记", "what", "交流集体经济发展经验，帮助制定合作社章程")), 201);
        assertThat(visited.get("visits")).hasSize(1);
        assertThat(visited.get("visits").get(0).get("visitor").asText()).isEqualTo("结对村王书记");
        assertThat(visited.get("visits").get(0).get("recordedBy").asText()).isEqualTo("zhen");
        JsonNode list = ok(send(get(assistUrl), "cun", null));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("visits").get(0).get("visitedOn").asText()).isEqualTo(year + "-06-12");
        send(post(assistUrl), "nyj", map("kind", "LEADER_CONTACT", "helperName", "某领导", "startedOn", LocalDate.of(year, 5, 1)))
                .andExpect(status().isForbidden());

        // ---- figures at the end; the count kept by this test is what the steps above amount to
        checkFigures(c, town, organizations, village, second, average);
        assertThat(expectedTotals(organizations)).containsEntry("graded", 4L).containsEntry("goalsSubmitted", 2L)
                .containsEntry("goalsApproved", 2L).containsEntry("lagging", 2L).containsEntry("converted", 1L)
                .containsEntry("items", 4L).containsEntry("open", 1L).containsEntry("closed", 3L).containsEntry("overdue", 1L)
                .containsEntry("weakWithoutAssistance", 1L);

        // ---- the village sees only its own part; another town's user nothing of it
        JsonNode own = ok(send(get("/api/upgrade/overview").param("campaign", "" + c), "cun", null));
        assertThat(own.get("totals").get("organizations").asLong()).as("nothing is graded under a village").isZero();
        send(get("/api/upgrade/overview").param("campaign", "" + c).param("org", "" + town), "cun", null)
                .andExpect(status().isForbidden());
        long tianpengVillage = jdbc.sql("select id from organization where parent_id = :p and field = 'VILLAGE' order by path limit 1")
                .param("p", id(TIANPENG)).query(Long.class).single();
        send(put("/api/upgrade/goals/" + c + "/" + tianpengVillage), "zhen", goal("x", null)).andExpect(status().isForbidden());
        send(post("/api/upgrade/ledger/" + c + "/" + tianpengVillage), "zhen", item("p", "m", "r", LocalDate.of(year, 6, 1), null))
                .andExpect(status().isForbidden());
        // the campaign's root takes no part
        refused(send(get("/api/upgrade/goals/" + c + "/" + id(CITY)), "admin", null), 422, "不参加本次活动的晋位升级");

        // ---- the audit trail: who did what to the goal, the lines and the assistance
        assertThat(jdbc.sql("select action from audit_entry where entity_type = 'UpgradeGoal' and entity_id = :id order by id")
                .param("id", String.valueOf(goalId)).query(String.class).list())
                .containsExactly("CREATE", "SUBMIT", "RETURN", "SUBMIT", "APPROVE", "CONVERT");
        assertThat(jdbc.sql("select actor from audit_entry where entity_type = 'UpgradeGoal' and entity_id = :id and action = 'RETURN'")
                .param("id", String.valueOf(goalId)).query(String.class).single()).isEqualTo("zhen");
        assertThat(jdbc.sql("select summary from audit_entry where entity_type = 'UpgradeGoal' and entity_id = :id and action = 'RETURN'")
                .param("id", String.valueOf(goalId)).query(String.class).single()).contains(reason);
        assertThat(jdbc.sql("select action from audit_entry where entity_type = 'RectificationItem' and entity_id = :id order by id")
                .param("id", String.valueOf(aId)).query(String.class).list()).containsExactly("CREATE", "NOTE", "CLOSE");
        assertThat(jdbc.sql("select action from audit_entry where entity_type = 'RectificationItem' and entity_id = :id order by id")
                .param("id", String.valueOf(bId)).query(String.class).list())
                .containsExactly("CREATE", "UPDATE", "NOTE", "RETURN", "NOTE", "CLOSE");
        assertThat(audits("RectificationItem", dId, "CLOSE")).isEqualTo(1);
        assertThat(jdbc.sql("select actor from audit_entry where entity_type = 'RectificationItem' and entity_id = :id and action = 'CLOSE'")
                .param("id", String.valueOf(dId)).query(String.class).single()).isEqualTo("admin");
        assertThat(jdbc.sql("select action from audit_entry where entity_type = 'Assistance' and entity_id = :id order by id")
                .param("id", String.valueOf(pairingId)).query(String.class).list()).containsExactly("CREATE", "VISIT");
        String closeAfter = jdbc.sql("select after_state from audit_entry where entity_type = 'RectificationItem' and entity_id = :id"
                + " and action = 'CLOSE'").param("id", String.valueOf(aId)).query(String.class).single();
        assertThat(closeAfter).contains("CLOSED");
    }

    /** The overview (totals, units, overdue and unassisted lists) and the list with its filters, against {@link #did}. */
    void checkFigures(long c, long town, long organizations, long village, long second, long average) throws Exception {
        Map<String, Long> expected = expectedTotals(organizations);
        JsonNode o = ok(send(get("/api/upgrade/overview").param("campaign", "" + c), "zhen", null));
        JsonNode t = o.get("totals");
        Map<String, Long> actual = new LinkedHashMap<>();
        expected.keySet().forEach(k -> actual.put(k, t.get(k).asLong()));
        assertThat(actual).isEqualTo(expected);
        assertThat(t.get("label").asText()).isEqualTo("合计");
        // the admin, over the town explicitly, sees the same
        JsonNode byAdmin = ok(send(get("/api/upgrade/overview").param("campaign", "" + c).param("org", "" + town), "admin", null));
        assertThat(byAdmin.get("totals")).isEqualTo(t);
        // the units add up to the totals, and the village's unit is the village's own count
        for (String k : List.of("organizations", "graded", "items", "open", "closed", "overdue", "weakWithoutAssistance")) {
            long sum = 0;
            for (JsonNode u : o.get("units")) {
                sum += u.get(k).asLong();
            }
            assertThat(sum).as("units' %s", k).isEqualTo(expected.get(k));
        }
        String villageName = jdbc.sql("select name from organization where id = :id").param("id", village).query(String.class).single();
        JsonNode unit = null;
        for (JsonNode u : o.get("units")) {
            if (u.get("label").asText().equals(villageName)) {
                unit = u;
            }
        }
        assertThat(unit).isNotNull();
        assertThat(unit.get("items").asLong()).isEqualTo(org(village).items.size());
        assertThat(unit.get("open").asLong()).isEqualTo(org(village).open());
        assertThat(unit.get("converted").asLong()).isEqualTo(org(village).converted ? 1 : 0);

        List<Long> overdueOrgs = new ArrayList<>();
        o.get("overdueOrgs").forEach(x -> overdueOrgs.add(x.get("organizationId").asLong()));
        assertThat(overdueOrgs).containsExactlyInAnyOrderElementsOf(
                did.values().stream().filter(x -> x.overdue(today) > 0).map(x -> x.id).toList());
        List<Long> unassisted = new ArrayList<>();
        o.get("unassisted").forEach(x -> unassisted.add(x.get("organizationId").asLong()));
        assertThat(unassisted).containsExactlyInAnyOrderElementsOf(
                did.values().stream().filter(x -> x.level == Grade.LAGGING && x.assists == 0).map(x -> x.id).toList());

        // the list: every organisation under the town, paged; filtered by class, goal status and overdue
        JsonNode page = ok(send(get("/api/upgrade/list").param("campaign", "" + c).param("size", "5"), "zhen", null));
        assertThat(page.get("total").asLong()).isEqualTo(organizations);
        assertThat(page.get("items")).hasSize((int) Math.min(5, organizations));
        JsonNode lagging = ok(send(get("/api/upgrade/list").param("campaign", "" + c).param("level", "LAGGING"), "zhen", null));
        assertThat(ids(lagging)).containsExactlyInAnyOrderElementsOf(
                did.values().stream().filter(x -> x.level == Grade.LAGGING).map(x -> x.id).toList());
        JsonNode approved = ok(send(get("/api/upgrade/list").param("campaign", "" + c).param("goal", "APPROVED"), "zhen", null));
        assertThat(ids(approved)).containsExactlyInAnyOrderElementsOf(
                did.values().stream().filter(x -> "APPROVED".equals(x.goal)).map(x -> x.id).toList());
        JsonNode overdue = ok(send(get("/api/upgrade/list").param("campaign", "" + c).param("overdue", "true"), "zhen", null));
        assertThat(ids(overdue)).containsExactlyInAnyOrderElementsOf(overdueOrgs);
        // the overview's short lists are put in order in Java: the same order as the database's list
        assertThat(overdueOrgs).as("overdue organisations in the tree's order").containsExactlyElementsOf(ids(overdue));
        assertThat(unassisted).as("后进 without assistance in the tree's order").containsExactlyElementsOf(ids(ok(send(
                get("/api/upgrade/list").param("campaign", "" + c).param("level", "LAGGING").param("size", "200"), "zhen", null)))
                .stream().filter(unassisted::contains).toList());
        for (JsonNode line : lagging.get("items")) {
            Org x = org(line.get("organizationId").asLong());
            assertThat(line.get("grade").asText()).isEqualTo("后进");
            assertThat(line.get("goalStatus").asText()).isEqualTo(x.goal);
            assertThat(line.get("converted").asBoolean()).isEqualTo(x.converted);
            assertThat(line.get("items").asLong()).isEqualTo(x.items.size());
            assertThat(line.get("open").asLong()).isEqualTo(x.open());
            assertThat(line.get("overdue").asLong()).isEqualTo(x.overdue(today));
            assertThat(line.get("assists").asLong()).isEqualTo(x.assists);
        }
        assertThat(second).isNotEqualTo(average);
    }

    static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.get("items").forEach(x -> out.add(x.get("organizationId").asLong()));
        return out;
    }
}
