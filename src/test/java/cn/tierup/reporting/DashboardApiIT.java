package cn.tierup.reporting;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.pledge.PledgeBootstrap;
import cn.tierup.shared.xlsx.XlsxSheetReader;
import cn.tierup.survey.ReportContent;
import cn.tierup.survey.ReportType;
import cn.tierup.survey.SurveyBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.YearEndGrades;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.Grade.ADVANCED;
import static cn.tierup.grading.Grade.AVERAGE;
import static cn.tierup.grading.Grade.LAGGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The cockpit's figures over a town of this test's own, every one checked against this test's own count of what it
 * made: five villages with their self-inspection reports, two questionnaires with their answers, the grades of the
 * year's start (one village never graded), goals, ledger lines and assistance, pledges with their fulfilment and
 * ratings, and the year-end grades — then drilling into a village, the .xlsx of a block, and the refusals: a neighbour
 * town's secretary, and a village's asking for its town.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired SurveyBootstrap survey;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired PledgeBootstrap pledges;
    @Autowired PlatformTransactionManager transactions;

    static final String TOWN = "中共看板测试镇委员会";
    static final String NEIGHBOUR = "中共看板测试邻镇委员会";
    static final String BY = "kanban-zhen";

    /**
     * One village: its report (none, handed in, accepted), its 年初定级 and 年末审定 (null: none), whether it is assisted
     * and its ledger closed, and the constant its pledge year is drawn with (null: no pledges).
     */
    record Spec(String name, String report, Grade start, Grade end, boolean assisted, Integer pledgeDraw) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("安宁村", "ACCEPTED", ADVANCED, ADVANCED, false, 0),
            new Spec("白鹤村", "HANDED_IN", AVERAGE, ADVANCED, false, 9),
            new Spec("春风村", null, LAGGING, LAGGING, false, null),
            new Spec("东湖村", null, null, null, false, null),
            new Spec("凤鸣村", "ACCEPTED", LAGGING, AVERAGE, true, null));

    int year;
    long campaign;
    OwnTown town;
    OwnTown neighbour;
    final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeAll
    void town() throws Exception {
        year = CampaignFixture.OWN_TOWN_YEAR;
        town = new OwnTown(mvc, users, jdbc, json, TOWN);
        neighbour = new OwnTown(mvc, users, jdbc, json, NEIGHBOUR);
        for (Spec s : SPECS) {
            ids.put(s.name(), town.village("中共看板测试镇" + s.name() + "支部委员会"));
        }
        town.account(BY, "看板镇书记", town.id, "SUPERVISOR");
        town.account("kanban-cun", "看板村书记", ids.get("安宁村"), "BRANCH");
        neighbour.account("kanban-lin", "邻镇书记", neighbour.id, "SUPERVISOR");
        campaign = town.campaign(year);
        YearEndGrades yearEnd = new YearEndGrades(jdbc);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (Spec s : SPECS) {
            long org = ids.get(s.name());
            tx.executeWithoutResult(t -> {
                if (s.report() != null) {
                    ReportContent content = new ReportContent("本村党支部现有党员 20 名。", "党员队伍老龄化。", "外出务工多。",
                            "培养青年积极分子。", LocalDate.of(year, 3, 10), 16, null, null);
                    survey.report(campaign, org, ReportType.SELF_INSPECTION, content, "kanban-cun",
                            LocalDate.of(year, 3, 20).atTime(10, 0), LocalDate.of(year, 3, 31), 20, "ACCEPTED".equals(s.report()),
                            BY);
                }
                if (s.start() != null) {
                    grading.graded(campaign, year, org, "VILLAGE", 5, s.start(), town.id, "kanban-cun", BY);
                    upgrade.year(campaign, year, org, className(s.start()), s.start(), s.assisted() ? town.id : null,
                            "kanban-cun", BY, s.assisted());
                }
                if (s.pledgeDraw() != null) {
                    pledges.year(campaign, year, org, List.of(), List.of(), "kanban-cun", BY, draws(s.pledgeDraw()));
                }
            });
            if (s.end() != null) {
                yearEnd.decided(campaign, org, town.id, className(s.end()), s.end(), BY);
            }
        }
        // two questionnaires: the town's own (69 党员 and 31 群众 of at least 100 at 7:3: one 党员 short) and the first
        // village's (35 and 15 of at least 50 at 7:3: met); their answers stand in the tallies as answering leaves them
        long townQuestionnaire = town.questionnaire(campaign, year, town.id, 100);
        town.answered(townQuestionnaire, 69, 31);
        long villageQuestionnaire = town.questionnaire(campaign, year, ids.get("安宁村"), 50);
        town.answered(villageQuestionnaire, 35, 15);
    }

    /** Draws the pledge year with a constant for every small choice (the items' fulfilment, the ratings), a real one for the slug. */
    static Random draws(int k) {
        return new Random() {
            @Override
            public int nextInt(int bound) {
                return bound <= 30 ? Math.min(k, bound - 1) : super.nextInt(bound);
            }
        };
    }

    static String className(Grade g) {
        return switch (g) {
            case ADVANCED -> "先进";
            case AVERAGE -> "一般";
            case LAGGING -> "后进";
        };
    }

    // ------------------------------------------------------------------ reading

    MockHttpServletResponse call(String block, String as, Long org) throws Exception {
        var r = get("/api/dashboard/" + block).param("campaign", "" + campaign);
        if (org != null) {
            r.param("org", "" + org);
        }
        return mvc.perform(r.with(users.as(as))).andReturn().getResponse();
    }

    JsonNode block(String block, String as, Long org) throws Exception {
        MockHttpServletResponse r = call(block, as, org);
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(200);
        return json.readTree(text);
    }

    JsonNode townBlock(String block) throws Exception {
        return block(block, BY, town.id);
    }

    /** A table's lines by their first cell, each a map from column to value as the page prints it. */
    static Map<String, Map<String, String>> lines(JsonNode table) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<JsonNode> rows = new ArrayList<>();
        table.get("rows").forEach(rows::add);
        if (table.hasNonNull("total")) {
            rows.add(table.get("total"));
        }
        for (JsonNode row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < table.get("columns").size(); i++) {
                cells.put(table.get("columns").get(i).asText(), text(row.get("cells").get(i)));
            }
            out.put(row.get("cells").get(0).asText(), cells);
        }
        return out;
    }

    /** A cell as the page prints it: rates with their two decimals. */
    static String text(JsonNode cell) {
        return cell.isFloatingPointNumber() ? cell.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                : cell.asText();
    }

    JsonNode table(JsonNode block, String title) {
        for (JsonNode t : block.get("tables")) {
            if (t.get("title").asText().equals(title)) {
                return t;
            }
        }
        throw new AssertionError("no table " + title + " in " + block);
    }

    String village(String name) {
        return "中共看板测试镇" + name + "支部委员会";
    }

    static String pct(long n, long of) {
        return java.math.BigDecimal.valueOf(n * 100).divide(java.math.BigDecimal.valueOf(of), 2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    // ------------------------------------------------------------------ the figures

    @Test
    void theCalendarListsThePhasesWithTheirDates() throws Exception {
        JsonNode b = townBlock("calendar");
        JsonNode c = json.readTree(mvc.perform(get("/api/campaigns/{id}", campaign).with(users.as("admin"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        Map<String, Map<String, String>> l = lines(b.get("tables").get(0));
        assertThat(l.keySet()).containsExactly("现状大调查", "对标定级", "晋位升级", "总结验收");
        int i = 0;
        for (String phase : List.of("SURVEY", "GRADING", "UPGRADE", "ACCEPTANCE")) {
            JsonNode d = c.get("phases").get(phase);
            Map<String, String> line = new ArrayList<>(l.values()).get(i++);
            assertThat(line.get("开始日期")).isEqualTo(d.get("startsOn").asText());
            assertThat(line.get("结束日期")).isEqualTo(d.get("endsOn").asText());
            assertThat(line.get("报送截止")).isEqualTo(d.get("dueOn").asText());
            // the year is long over
            assertThat(line.get("状态")).isEqualTo("已结束");
        }
        JsonNode chart = b.get("charts").get(0);
        assertThat(chart.get("kind").asText()).isEqualTo("calendar");
        assertThat(chart.get("today").asText()).isEqualTo(LocalDate.now().toString());
    }

    @Test
    void surveyCountsReportsOwedHandedInAcceptedAndLatePerVillage() throws Exception {
        JsonNode b = townBlock("survey");
        Map<String, Map<String, String>> l = lines(b.get("tables").get(0));
        long owed = 0, handed = 0, accepted = 0, late = 0;
        for (Spec s : SPECS) {
            Map<String, String> line = l.get(village(s.name()));
            long h = s.report() != null ? 1 : 0;
            long a = "ACCEPTED".equals(s.report()) ? 1 : 0;
            // the due date (3月31日 of a year long past) is over: whatever was not handed in is late
            assertThat(line).containsEntry("应报（份）", "1").containsEntry("已报（份）", "" + h)
                    .containsEntry("已通过（份）", "" + a).containsEntry("逾期未报（份）", "" + (1 - h));
            owed++;
            handed += h;
            accepted += a;
            late += 1 - h;
        }
        assertThat(l.get("合计")).containsEntry("应报（份）", "" + owed).containsEntry("已报（份）", "" + handed)
                .containsEntry("已通过（份）", "" + accepted).containsEntry("逾期未报（份）", "" + late)
                .containsEntry("报送率（%）", pct(handed, owed));
        // the chart's units drill into the villages
        JsonNode chart = b.get("charts").get(0);
        assertThat(chart.get("ids").get(0).asLong()).isEqualTo(ids.get(SPECS.get(0).name()));
        assertThat(b.get("actHref").asText()).startsWith("/survey?campaign=" + campaign);
        assertThat(b.get("definitions").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void questionnairesShowEachQuotaAndTheRatioUnderItsUnit() throws Exception {
        JsonNode b = townBlock("questionnaires");
        JsonNode t = b.get("tables").get(0);
        assertThat(t.get("rows").size()).isEqualTo(2);
        Map<String, Map<String, String>> byOrg = new LinkedHashMap<>();
        for (JsonNode row : t.get("rows")) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < t.get("columns").size(); i++) {
                cells.put(t.get("columns").get(i).asText(), text(row.get("cells").get(i)));
            }
            byOrg.put(cells.get("党组织"), cells);
            if (cells.get("党组织").equals(village("安宁村"))) {
                assertThat(row.get("organizationId").asLong()).isEqualTo(ids.get("安宁村"));
            } else {
                assertThat(row.hasNonNull("organizationId")).as("the town's own line drills nowhere").isFalse();
            }
        }
        // 100 at 7:3 wants 70 党员: 69 are one short; 50 at 7:3 wants 35 and 15: met
        assertThat(byOrg.get(TOWN)).containsEntry("单位", TOWN + "（本级）").containsEntry("党员（人）", "69")
                .containsEntry("群众（人）", "31").containsEntry("合计（人）", "100")
                .containsEntry("党员∶群众", "69∶31（69.00%∶31.00%）")
                .containsEntry("完成情况", "未完成：尚缺党员 1 人、群众 0 人、不限身份 0 人");
        assertThat(byOrg.get(village("安宁村"))).containsEntry("单位", village("安宁村")).containsEntry("党员（人）", "35")
                .containsEntry("群众（人）", "15").containsEntry("完成情况", "已完成");
        assertThat(lines(t).get("合计")).containsEntry("党员（人）", "104").containsEntry("群众（人）", "46")
                .containsEntry("问卷", "已完成 1 / 2 份问卷");
        // the campaign is the town's own: the neighbour reads nothing of it, not even over its own organisation
        assertThat(call("questionnaires", "kanban-lin", neighbour.id).getStatus()).isEqualTo(403);
    }

    @Test
    void gradingCountsStepsLateAndTheClassesPerVillageAndField() throws Exception {
        JsonNode b = townBlock("grading");
        long graded = SPECS.stream().filter(s -> s.start() != null).count();
        long notStarted = SPECS.size() - graded;
        Map<String, Map<String, String>> steps = lines(table(b, "定级进度（按步骤）"));
        assertThat(steps.get("尚未开始")).containsEntry("党组织（个）", "" + notStarted);
        assertThat(steps.get("已定级")).containsEntry("党组织（个）", "" + graded);
        // the register was due long ago: whoever is not graded is late
        assertThat(steps.get("逾期未定级")).containsEntry("党组织（个）", "" + notStarted);
        for (String waiting : List.of("待群众初评", "待党员评议", "待自评", "待党员群众会议审议", "待上级评定")) {
            assertThat(steps.get(waiting)).containsEntry("党组织（个）", "0");
        }
        assertThat(steps.get("合计")).containsEntry("党组织（个）", "" + SPECS.size());
        Map<String, Map<String, String>> units = lines(table(b, "各单位等次分布"));
        long[] classes = new long[3];
        for (Spec s : SPECS) {
            Map<String, String> line = units.get(village(s.name()));
            assertThat(line).containsEntry("参加定级（个）", "1").containsEntry("已定级（个）", s.start() == null ? "0" : "1")
                    .containsEntry("先进类（个）", s.start() == ADVANCED ? "1" : "0")
                    .containsEntry("一般类（个）", s.start() == AVERAGE ? "1" : "0")
                    .containsEntry("后进类（个）", s.start() == LAGGING ? "1" : "0")
                    .containsEntry("未定级（个）", s.start() == null ? "1" : "0");
            if (s.start() != null) {
                classes[s.start().ordinal()]++;
            }
        }
        Map<String, String> expectedTotal = Map.of("参加定级（个）", "" + SPECS.size(), "已定级（个）", "" + graded,
                "先进类（个）", "" + classes[0], "一般类（个）", "" + classes[1], "后进类（个）", "" + classes[2],
                "先进占比（%）", pct(classes[0], graded));
        assertThat(units.get("合计")).containsAllEntriesOf(expectedTotal);
        Map<String, Map<String, String>> fields = lines(table(b, "各领域等次分布"));
        assertThat(fields.keySet()).containsExactly("村", "合计");
        assertThat(fields.get("村")).containsAllEntriesOf(expectedTotal);
        assertThat(b.get("charts").size()).isEqualTo(2);
    }

    @Test
    void upgradeCountsGoalsLedgerAndTheLaggingNobodyAssists() throws Exception {
        JsonNode b = townBlock("upgrade");
        Map<String, Map<String, String>> l = lines(table(b, "各单位晋位升级情况"));
        long goals = 0, items = 0, open = 0, overdue = 0, lagging = 0, converted = 0, unassisted = 0;
        for (Spec s : SPECS) {
            // the bootstrap's year: an approved goal; for 一般 and 后进 two ledger lines, the first closed, the second
            // closed only where assisted (else open past its deadline in that long-gone year); the assisted 后进 converted
            long g = s.start() != null ? 1 : 0;
            long i = s.start() != null && s.start() != ADVANCED ? 2 : 0;
            long o = i > 0 && !s.assisted() ? 1 : 0;
            long lag = s.start() == LAGGING ? 1 : 0;
            long conv = lag > 0 && s.assisted() ? 1 : 0;
            long weak = lag > 0 && !s.assisted() ? 1 : 0;
            assertThat(l.get(village(s.name()))).containsEntry("目标已批准（个）", "" + g).containsEntry("整改事项（项）", "" + i)
                    .containsEntry("整改中（项）", "" + o).containsEntry("已销号（项）", "" + (i - o))
                    .containsEntry("逾期未销号（项）", "" + o).containsEntry("后进（个）", "" + lag)
                    .containsEntry("已转化（个）", "" + conv).containsEntry("后进无帮扶（个）", "" + weak);
            goals += g;
            items += i;
            open += o;
            overdue += o;
            lagging += lag;
            converted += conv;
            unassisted += weak;
        }
        assertThat(l.get("合计")).containsEntry("目标已报（个）", "" + goals).containsEntry("目标已批准（个）", "" + goals)
                .containsEntry("整改事项（项）", "" + items).containsEntry("整改中（项）", "" + open)
                .containsEntry("已销号（项）", "" + (items - open)).containsEntry("逾期未销号（项）", "" + overdue)
                .containsEntry("后进（个）", "" + lagging).containsEntry("已转化（个）", "" + converted)
                .containsEntry("后进无帮扶（个）", "" + unassisted);
        Map<String, Map<String, String>> weak = lines(table(b, "尚无帮扶的后进党组织"));
        assertThat(weak.keySet()).containsExactly(village("春风村"));
    }

    @Test
    void pledgesCountItemsFulfilmentAndSatisfaction() throws Exception {
        JsonNode b = townBlock("pledges");
        Map<String, Map<String, String>> l = lines(b.get("tables").get(0));
        // the bootstrap's organisation pledge: three items and the suggestion taken, four in all; drawn with 0 every item
        // is fulfilled and 20 rate it, all 满意; drawn with 9 none is fulfilled and 29 rate it: 5 基本满意, 2 不满意
        assertThat(l.get(village("安宁村"))).containsEntry("承诺事项（项）", "4").containsEntry("已兑现（项）", "4")
                .containsEntry("兑现率（%）", "100.00").containsEntry("测评（人次）", "20").containsEntry("满意率（%）", "100.00");
        assertThat(l.get(village("白鹤村"))).containsEntry("承诺事项（项）", "4").containsEntry("已兑现（项）", "0")
                .containsEntry("未兑现（项）", "4").containsEntry("兑现率（%）", "0.00").containsEntry("测评（人次）", "29")
                .containsEntry("满意", "22").containsEntry("基本满意", "5").containsEntry("不满意", "2")
                .containsEntry("满意率（%）", pct(27, 29));
        assertThat(l.get(village("春风村"))).containsEntry("承诺事项（项）", "0").containsEntry("测评（人次）", "0");
        assertThat(l.get("合计")).containsEntry("公开承诺书（份）", "2").containsEntry("承诺事项（项）", "8")
                .containsEntry("已兑现（项）", "4").containsEntry("兑现率（%）", pct(4, 8)).containsEntry("测评（人次）", "49")
                .containsEntry("满意率（%）", pct(47, 49));
    }

    @Test
    void yearEndRatesAreJudgedAgainstTheTargets() throws Exception {
        JsonNode b = townBlock("year-end");
        Map<String, Map<String, String>> byUnit = new LinkedHashMap<>();
        JsonNode t = b.get("tables").get(0);
        for (JsonNode row : t.get("rows")) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < t.get("columns").size(); i++) {
                cells.put(t.get("columns").get(i).asText(), text(row.get("cells").get(i)));
            }
            byUnit.put(cells.get("单位"), cells);
        }
        long start = 0, end = 0, endAdvanced = 0, average = 0, upgraded = 0, lagging = 0, converted = 0;
        for (Spec s : SPECS) {
            if (s.start() == null) {
                assertThat(byUnit).doesNotContainKey(village(s.name()));
                continue;
            }
            start++;
            end++;
            endAdvanced += s.end() == ADVANCED ? 1 : 0;
            average += s.start() == AVERAGE ? 1 : 0;
            upgraded += s.start() == AVERAGE && s.end() == ADVANCED ? 1 : 0;
            lagging += s.start() == LAGGING ? 1 : 0;
            converted += s.start() == LAGGING && s.end() != LAGGING ? 1 : 0;
        }
        Map<String, String> total = byUnit.get("合计");
        assertThat(total).containsEntry("领域", "村").containsEntry("年初定级（个）", "" + start).containsEntry("年末审定（个）", "" + end);
        // the notice's targets: 先进 ≥ 40%, 提升率 10%, 升级率 25%, 转化率 100%; nobody was named a 示范
        assertThat(total.get("先进占比")).isEqualTo(pct(endAdvanced, end) + "%（" + endAdvanced + "/" + end + "）"
                + "，目标 ≥40%，" + (endAdvanced * 100 >= 40 * end ? "达标" : "未达标"));
        assertThat(total.get("先进→示范提升率")).isEqualTo("0.00%（0/1），目标 ≥10%，未达标");
        assertThat(total.get("一般升级率")).isEqualTo(pct(upgraded, average) + "%（" + upgraded + "/" + average + "）"
                + "，目标 ≥25%，达标");
        assertThat(total.get("后进转化率")).isEqualTo(pct(converted, lagging) + "%（" + converted + "/" + lagging + "）"
                + "，目标 ≥100%，未达标");
        assertThat(byUnit.get(village("凤鸣村")).get("后进转化率")).startsWith("100.00%（1/1）");
    }

    // ------------------------------------------------------------------ drilling, downloads, scope

    @Test
    void drillingIntoAVillageShowsItsOwnRecordsOnly() throws Exception {
        long v = ids.get("安宁村");
        JsonNode s = block("survey", BY, v);
        assertThat(s.get("organizationId").asLong()).isEqualTo(v);
        assertThat(s.get("tables").get(0).get("rows").size()).isEqualTo(1);
        assertThat(lines(s.get("tables").get(0)).get("合计")).containsEntry("应报（份）", "1").containsEntry("已通过（份）", "1");
        JsonNode g = block("grading", BY, v);
        assertThat(lines(table(g, "各单位等次分布")).get("合计")).containsEntry("参加定级（个）", "0");
        JsonNode q = block("questionnaires", BY, v);
        assertThat(q.get("tables").get(0).get("rows").size()).isEqualTo(1);
        // the village's own account, without naming an organisation, sees the same as its own
        JsonNode own = block("survey", "kanban-cun", null);
        assertThat(own.get("organizationId").asLong()).isEqualTo(v);
        assertThat(own.get("tables")).isEqualTo(s.get("tables"));
    }

    @Test
    void eachBlockDownloadsAsAWorkbookWithChineseHeaders() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/dashboard/survey/export.xlsx").param("campaign", "" + campaign)
                .param("org", "" + town.id).with(users.as(BY))).andReturn().getResponse();
        assertThat(r.getHeader("Content-Disposition")).contains("attachment");
        XlsxSheetReader.SheetContent sheet = town.xlsx(r, "单位");
        assertThat(sheet.headers()).contains("单位", "应报（份）", "已报（份）", "已通过（份）", "逾期未报（份）", "报送率（%）");
        for (String kind : List.of("calendar", "questionnaires", "grading", "upgrade", "pledges", "year-end")) {
            MockHttpServletResponse x = mvc.perform(get("/api/dashboard/" + kind + "/export.xlsx").param("campaign", "" + campaign)
                    .param("org", "" + town.id).with(users.as(BY))).andReturn().getResponse();
            assertThat(x.getStatus()).as(kind).isEqualTo(200);
            assertThat(x.getContentType()).contains("spreadsheetml");
        }
    }

    @Test
    void aNeighbourAndAVillageAskingForItsTownAreRefused() throws Exception {
        for (String kind : List.of("calendar", "survey", "questionnaires", "grading", "upgrade", "pledges", "year-end")) {
            assertThat(call(kind, "kanban-lin", town.id).getStatus()).as("neighbour, " + kind).isEqualTo(403);
            assertThat(call(kind, "kanban-cun", town.id).getStatus()).as("village, " + kind).isEqualTo(403);
            assertThat(call(kind, "kanban-lin", ids.get("安宁村")).getStatus()).as("neighbour's village, " + kind).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/api/dashboard/survey/export.xlsx").param("campaign", "" + campaign)
                .param("org", "" + town.id).with(users.as("kanban-lin"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/dashboard").param("campaign", "" + campaign).param("org", "" + town.id)
                .with(users.as("kanban-cun"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(call("no-such-block", BY, town.id).getStatus()).isEqualTo(404);
    }

    @Test
    void thePagesFrameTheBlocksWithTheTrailBackToTheUsersOwnOrganisation() throws Exception {
        String page = mvc.perform(get("/dashboard").param("campaign", "" + campaign).param("org", "" + ids.get("白鹤村"))
                .with(users.as(BY))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String kind : List.of("calendar", "survey", "questionnaires", "grading", "upgrade", "pledges", "year-end")) {
            assertThat(page).contains("id=\"block-" + kind + "\"");
        }
        assertThat(page).contains("/dashboard?campaign=" + campaign + "&amp;org=" + town.id).contains(village("白鹤村"));
        String screen = mvc.perform(get("/dashboard/screen").param("campaign", "" + campaign).with(users.as(BY)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(screen).contains("data-screen").contains("data-refresh=\"3\"").doesNotContain("id=\"sidebar\"");
    }
}
