package cn.tierup.reporting;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.pledge.PledgeBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.YearEndGrades;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The cockpit's early warnings over a town of this test's own, in a year long past (so every deadline and window of it
 * is over, and the 晋位升级 phase began far more than 30 days ago): five villages, each set up so that some rules name it
 * and the others must not — a 后进 nobody assists with an open ledger line, 后进 the year before too; a 后进 assisted,
 * its ledger closed and 一般 at year end (though 后进 the year before); a 一般 with an open ledger line and a low
 * satisfaction over enough ratings; a 先进 with a low satisfaction over too few ratings and its 书记's term ended; and
 * an ungraded one whose 书记 was replaced, with a questionnaire short of its quota. Then 一键提醒 puts the reminder on the
 * named villages' desks (and not on the others'), and a neighbour town's secretary is refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningsApiIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired PledgeBootstrap pledges;
    @Autowired PlatformTransactionManager transactions;

    static final String TOWN = "中共预警测试镇委员会";
    static final String NEIGHBOUR = "中共预警测试邻镇委员会";
    static final String BY = "yujing-zhen";

    int year;
    long campaign;
    WarningTown town;
    WarningTown neighbour;
    final Map<String, Long> ids = new LinkedHashMap<>();

    String village(String name) {
        return "中共预警测试镇" + name + "支部委员会";
    }

    long id(String name) {
        return ids.get(name);
    }

    @BeforeAll
    void town() throws Exception {
        year = CampaignFixture.OWN_TOWN_YEAR;
        town = new WarningTown(mvc, users, jdbc, json, TOWN);
        neighbour = new WarningTown(mvc, users, jdbc, json, NEIGHBOUR);
        for (String v : List.of("甲村", "乙村", "丙村", "丁村", "戊村")) {
            ids.put(v, town.village(village(v)));
        }
        long neighbourVillage = neighbour.village("中共预警测试邻镇庚村支部委员会");
        town.account(BY, "预警镇书记", town.id, "SUPERVISOR");
        town.account("yujing-jia", "甲村书记", id("甲村"), "BRANCH");
        town.account("yujing-yi", "乙村书记", id("乙村"), "BRANCH");
        neighbour.account("yujing-lin", "预警邻镇书记", neighbour.id, "SUPERVISOR");
        long previous = town.campaign(year - 1);
        campaign = town.campaign(year);
        YearEndGrades yearEnd = new YearEndGrades(jdbc);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(t -> {
            // 甲村: 后进, nobody assists, its second ledger line open since 30 September
            graded("甲村", LAGGING, null, false);
            // 乙村: 后进, assisted, its ledger closed and converted
            graded("乙村", LAGGING, town.id, true);
            // 丙村: 一般, its second ledger line open since 30 September; pledges rated
            graded("丙村", AVERAGE, null, false);
            pledges.year(campaign, year, id("丙村"), List.of(), List.of(), "yujing-cun", BY, DashboardApiIT.draws(0));
            // 丁村: 先进 (no ledger), pledges rated
            graded("丁村", ADVANCED, null, false);
            pledges.year(campaign, year, id("丁村"), List.of(), List.of(), "yujing-cun", BY, DashboardApiIT.draws(0));
        });
        // the year before: 甲村 and 乙村 后进 at year end; this year 乙村 is 一般 at year end, 甲村 still undecided
        yearEnd.decided(previous, id("甲村"), town.id, "后进", LAGGING, BY);
        yearEnd.decided(previous, id("乙村"), town.id, "后进", LAGGING, BY);
        yearEnd.decided(previous, id("丙村"), town.id, "一般", AVERAGE, BY);
        yearEnd.decided(campaign, id("乙村"), town.id, "一般", AVERAGE, BY);
        // 丙村: 25 ratings, 19 satisfied or fairly: 76.00%, below 80% over enough ratings
        town.ratings(campaign, id("丙村"), 15, 4, 6);
        // 丁村: 19 ratings, 9 satisfied: far below, but over too few ratings to warn
        town.ratings(campaign, id("丁村"), 5, 4, 10);
        // 丁村's 书记 left and nobody followed; 戊村's was replaced; the neighbour's village has none left either
        long ding = town.secretary(id("丁村"), "丁书记", LocalDate.of(2015, 3, 1));
        town.end(ding, LocalDate.of(2020, 6, 30), "调任镇机关");
        town.secretary(id("戊村"), "戊前任", LocalDate.of(2012, 3, 1));
        town.secretary(id("戊村"), "戊现任", LocalDate.of(2019, 3, 1));
        long geng = neighbour.secretary(neighbourVillage, "庚书记", LocalDate.of(2014, 3, 1));
        neighbour.end(geng, LocalDate.of(2021, 6, 30), "退休");
        // 戊村's questionnaire: 30 answered of at least 100 over a window long over; the town's own met its 50
        long behind = town.questionnaire(campaign, year, id("戊村"), 100);
        town.answered(behind, 20, 10);
        long met = town.questionnaire(campaign, year, town.id, 50);
        town.answered(met, 35, 15);
    }

    void graded(String v, Grade level, Long helper, boolean closed) {
        grading.graded(campaign, year, id(v), "VILLAGE", 5, level, town.id, "yujing-cun", BY);
        upgrade.year(campaign, year, id(v), DashboardApiIT.className(level), level, helper, "yujing-cun", BY, closed);
    }

    // ------------------------------------------------------------------ reading

    MockHttpServletResponse call(String as, Long org) throws Exception {
        var r = get("/api/dashboard/warnings").param("campaign", "" + campaign);
        if (org != null) {
            r.param("org", "" + org);
        }
        return mvc.perform(r.with(users.as(as))).andReturn().getResponse();
    }

    JsonNode report(String as, Long org) throws Exception {
        MockHttpServletResponse r = call(as, org);
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(200);
        return json.readTree(text);
    }

    JsonNode warning(JsonNode report, String rule) {
        for (JsonNode w : report.get("warnings")) {
            if (w.get("rule").asText().equals(rule)) {
                return w;
            }
        }
        throw new AssertionError("no warning " + rule + " in " + report);
    }

    /** The names a warning gives, in its order. */
    static List<String> names(JsonNode warning) {
        List<String> out = new ArrayList<>();
        warning.get("organizations").forEach(n -> out.add(n.get("name").asText()));
        assertThat(warning.get("count").asInt()).isEqualTo(out.size());
        return out;
    }

    static String detail(JsonNode warning, String name) {
        for (JsonNode n : warning.get("organizations")) {
            if (n.get("name").asText().equals(name)) {
                return n.get("detail").asText();
            }
        }
        throw new AssertionError(name + " not named");
    }

    // ------------------------------------------------------------------ the rules

    @Test
    void everyRuleIsListedWithItsWording() throws Exception {
        JsonNode r = report(BY, town.id);
        List<String> rules = new ArrayList<>();
        r.get("warnings").forEach(w -> rules.add(w.get("rule").asText()));
        assertThat(rules).containsExactly("overdue-work", "ledger-overdue", "lagging-unsupported", "quota-behind",
                "low-satisfaction", "lagging-twice", "no-secretary");
        assertThat(warning(r, "ledger-overdue").get("title").asText()).isEqualTo("整改事项逾期超过 30 天");
        assertThat(warning(r, "ledger-overdue").get("definition").asText()).contains("30 天以上");
        assertThat(warning(r, "low-satisfaction").get("definition").asText()).contains("至少 20 人次", "低于 80%", "基本满意计为满意");
        assertThat(warning(r, "lagging-twice").get("definition").asText()).startsWith((year - 1) + " 年年末审定为后进");
        assertThat(r.get("organizationName").asText()).isEqualTo(TOWN);
    }

    @Test
    void ledgerLinesOverdueMoreThanThirtyDaysNameTheirVillages() throws Exception {
        JsonNode w = warning(report(BY, town.id), "ledger-overdue");
        // 甲村 and 丙村 left their second line open since 30 September of a year long past; 乙村 closed its ledger
        assertThat(names(w)).containsExactlyInAnyOrder(village("甲村"), village("丙村"));
        assertThat(detail(w, village("甲村"))).isEqualTo("逾期超过 30 天未销号 1 项（未销号共 1 项）");
        // in pinyin order, each a link to its ledger
        assertThat(names(w)).containsExactly(village("丙村"), village("甲村"));
        assertThat(w.get("organizations").get(1).get("href").asText())
                .isEqualTo("/upgrade/ledger?campaign=" + campaign + "&org=" + id("甲村"));
    }

    @Test
    void aLaggingVillageWithoutAssistanceIsNamedThirtyDaysIntoTheUpgradePhase() throws Exception {
        JsonNode w = warning(report(BY, town.id), "lagging-unsupported");
        // the phase began in a year long past: the rule applies; 乙村 is assisted and its goal approved
        assertThat(w.hasNonNull("note")).isFalse();
        assertThat(names(w)).containsExactly(village("甲村"));
        assertThat(detail(w, village("甲村"))).isEqualTo("尚无帮扶");
    }

    @Test
    void aQuestionnaireShortOfItsQuotaWhenItsWindowIsOverIsBehind() throws Exception {
        JsonNode w = warning(report(BY, town.id), "quota-behind");
        // 戊村's 30 of 100 is behind; the town's own 50 of 50 is met
        assertThat(names(w)).containsExactly(village("戊村"));
        assertThat(detail(w, village("戊村"))).contains("已答 30 人，配额至少 100 人，开放期已过 100%");
    }

    @Test
    void satisfactionBelowEightyPercentCountsOnlyOverTwentyRatings() throws Exception {
        JsonNode w = warning(report(BY, town.id), "low-satisfaction");
        // 丙村 19 of 25 (76.00%); 丁村 9 of 19 is lower but over fewer than 20 ratings
        assertThat(names(w)).containsExactly(village("丙村"));
        assertThat(detail(w, village("丙村"))).isEqualTo("满意率 76.00%（满意及基本满意 19 / 测评 25 人次）");
    }

    @Test
    void laggingTwoYearsRunningTakesThisYearsLatestGrade() throws Exception {
        JsonNode w = warning(report(BY, town.id), "lagging-twice");
        // 甲村 后进 last year and this year (年初定级, no year end yet); 乙村 后进 last year but 一般 at this year's end
        assertThat(names(w)).containsExactly(village("甲村"));
    }

    @Test
    void aSecretaryPostEndedAndNotFilledAgainIsNamed() throws Exception {
        JsonNode w = warning(report(BY, town.id), "no-secretary");
        // 戊村's first term ended when the second began; villages that never recorded a 书记 are not named; the
        // neighbour's village is beyond the town
        assertThat(names(w)).containsExactly(village("丁村"));
        assertThat(detail(w, village("丁村"))).isEqualTo("最近一任书记 丁书记 于 2020-06-30 卸任，至今空缺");
    }

    @Test
    void overdueWorkNamesEveryVillageThatHandedInNothingDue() throws Exception {
        JsonNode w = warning(report(BY, town.id), "overdue-work");
        // nobody handed in a 自查报告 by its due date in that year: every village owes it still
        assertThat(names(w)).contains(village("甲村"), village("乙村"), village("丙村"), village("丁村"), village("戊村"))
                .doesNotContain("中共预警测试邻镇庚村支部委员会");
        assertThat(detail(w, village("戊村"))).contains("自查报告");
        assertThat(w.get("organizations").get(0).get("href").asText()).startsWith("/dashboard?campaign=" + campaign + "&org=");
    }

    @Test
    void drillingIntoAVillageNamesOnlyThatVillage() throws Exception {
        JsonNode jia = report(BY, id("甲村"));
        assertThat(names(warning(jia, "overdue-work"))).containsExactly(village("甲村"));
        assertThat(names(warning(jia, "no-secretary"))).isEmpty();
        JsonNode ding = report(BY, id("丁村"));
        assertThat(names(warning(ding, "no-secretary"))).containsExactly(village("丁村"));
        // the figures of 晋位升级 and 公开承诺 count the organisations a unit oversees, as the cockpit's blocks do: a
        // village oversees none
        assertThat(names(warning(jia, "ledger-overdue"))).isEmpty();
    }

    @Test
    void theBlockDownloadsAsAWorkbookWithASheetPerRule() throws Exception {
        var r = mvc.perform(get("/api/dashboard/warnings/export.xlsx").param("campaign", "" + campaign)
                .param("org", "" + town.id).with(users.as(BY))).andReturn().getResponse();
        var sheet = town.xlsx(r, "党组织");
        assertThat(sheet.headers()).contains("党组织", "预警情况");
        assertThat(sheet.rows()).anyMatch(row -> village("甲村").equals(row.cells().get("党组织")));
    }

    // ------------------------------------------------------------------ 一键提醒 and refusals

    @Test
    void oneClickRemindsEveryNamedVillageOnItsDesk() throws Exception {
        JsonNode sent = town.as(BY, post("/api/dashboard/warnings/{rule}/remind", "ledger-overdue")
                .param("campaign", "" + campaign).param("org", "" + town.id), null, 200);
        assertThat(sent.get("sent").asInt()).isEqualTo(2);
        JsonNode jia = town.as("yujing-jia", get("/api/campaigns/{id}/reminders", campaign), null, 200);
        List<String> texts = new ArrayList<>();
        jia.forEach(m -> texts.add(m.get("message").asText()));
        assertThat(texts).contains("【预警提醒】本组织整改台账有事项逾期超过 30 天仍未销号，请抓紧整改并上传佐证材料。");
        // 乙村 is named by no ledger warning: no such reminder
        JsonNode yi = town.as("yujing-yi", get("/api/campaigns/{id}/reminders", campaign), null, 200);
        yi.forEach(m -> assertThat(m.get("message").asText()).doesNotContain("整改台账"));
        // the sending is audited, one entry per village
        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'Reminder' and organization_id in (:a, :b)"
                        + " and summary like '%整改台账有事项逾期%'")
                .param("a", id("甲村")).param("b", id("丙村")).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aNeighbourTownAndAVillageAreRefused() throws Exception {
        assertThat(call("yujing-lin", town.id).getStatus()).isEqualTo(403);
        assertThat(town.send(post("/api/dashboard/warnings/{rule}/remind", "ledger-overdue").param("campaign", "" + campaign)
                .param("org", "" + town.id), "yujing-lin", null).getStatus()).isEqualTo(403);
        // a village reads its own warnings but not its town's, and sends nothing for its town
        assertThat(call("yujing-jia", town.id).getStatus()).isEqualTo(403);
        assertThat(town.send(post("/api/dashboard/warnings/{rule}/remind", "ledger-overdue").param("campaign", "" + campaign)
                .param("org", "" + town.id), "yujing-jia", null).getStatus()).isEqualTo(403);
        // an unknown rule is not found
        assertThat(town.send(post("/api/dashboard/warnings/{rule}/remind", "no-such-rule").param("campaign", "" + campaign)
                .param("org", "" + town.id), BY, null).getStatus()).isEqualTo(404);
    }
}
