package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import cn.tierup.testsupport.IntegrationTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static cn.tierup.acceptance.ReviewFixture.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The year-end review through the API: a village's 自查初评 handed in, returned with a reason, handed in again, decided
 * by its town (differently from the meeting's proposal, with a reason), reopened and decided again; every refusal of
 * the "bad input" that is the review's, with nothing changed; the register holding both grades; and the
 * year-end grade shown as "上年等次" in the next year's campaign.
 */
@IntegrationTest
@RecordApplicationEvents
class ReviewFlowIT {

    /** A town no other test grades in, so its register years and reviews are this class's own. */
    static final String TOWN = "中共彭州市磁峰镇委员会";
    static final String TOWN_LOGIN = "cifeng";

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired GradingBootstrap grading;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired ApplicationEvents events;

    ReviewFixture f;
    int year;
    long town;
    long campaign;
    List<Long> villages;

    @BeforeEach
    void town() throws Exception {
        f = new ReviewFixture(mvc, json, users, jdbc, tx, grading, upgrade);
        year = CampaignFixture.OWN_TOWN_YEAR;
        town = f.id(TOWN);
        villages = f.villages(town);
        campaign = f.campaign(town, year);
        synchronized (ReviewFlowIT.class) {
            long graded = jdbc.sql("select count(*) from grading_case where campaign_id = :c").param("c", campaign)
                    .query(Long.class).single();
            if (graded == 0) {
                f.graded(campaign, year, villages.get(0), town, TOWN_LOGIN, Grade.AVERAGE, "一般");
                f.graded(campaign, year, villages.get(1), town, TOWN_LOGIN, Grade.LAGGING, "后进");
                f.graded(campaign, year, villages.get(2), town, TOWN_LOGIN, Grade.AVERAGE, "一般");
            }
        }
    }

    String url(long org) {
        return "/api/acceptance/reviews/" + campaign + "/" + org;
    }

    Map<String, Object> content(JsonNode current, Map<String, Integer> votes, Integer attendance) {
        List<String> done = new java.util.ArrayList<>();
        for (JsonNode m : current.get("measures")) {
            done.add("第" + m.get("number").asInt() + "项已完成：" + m.get("text").asText().substring(0, Math.min(6, m.get("text").asText().length())) + "，群众认可。");
        }
        return map("report", "一年来，支部对照争创目标，逐项落实整改措施，村级集体经济收入稳步增长，党员先锋作用明显。",
                "measureResults", done, "meetingHeldOn", LocalDate.of(year, 11, 10), "meetingPlace", "村党员活动室",
                "meetingExpected", 20, "meetingAttendance", attendance, "votes", votes,
                "version", current.get("version").asLong());
    }

    /** JSON leaves out what is null. */
    static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    long rows(long org) {
        return jdbc.sql("select count(*) from acceptance_review where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", org).query(Long.class).single();
    }

    String status(long org) {
        return jdbc.sql("select status from acceptance_review where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", org).query(String.class).single();
    }

    @Test
    void theVillageHandsInItsSelfReviewTheTownReturnsItThenDecidesAndReopens() throws Exception {
        long village = villages.get(0);
        String clerk = f.account("review-flow-cun", "赵村书", village, "BRANCH");

        JsonNode fresh = f.ok(f.send(get(url(village)), clerk, null), 200);
        assertThat(absent(fresh, "id")).isTrue();
        assertThat(fresh.get("startGrade").asText()).isEqualTo("一般");
        assertThat(fresh.get("authorityName").asText()).isEqualTo(TOWN);
        assertThat(fresh.get("measures").size()).isPositive();
        // the figures beside the report are counted from the upgrade records, never typed
        long items = jdbc.sql("select count(*) from rectification_item where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", village).query(Long.class).single();
        long open = jdbc.sql("select count(*) from rectification_item where campaign_id = :c and organization_id = :o and status = 'OPEN'")
                .param("c", campaign).param("o", village).query(Long.class).single();
        assertThat(items).isPositive();
        assertThat(fresh.get("figures").get("ledgerItems").asLong()).isEqualTo(items);
        assertThat(fresh.get("figures").get("ledgerOpen").asLong()).isEqualTo(open);
        assertThat(fresh.get("figures").get("ledgerClosed").asLong()).isEqualTo(items - open);

        // handing in without a member meeting: refused, nothing stored
        Map<String, Object> noMeeting = content(fresh, Map.of(), null);
        noMeeting.put("meetingHeldOn", null);
        noMeeting.put("meetingPlace", null);
        noMeeting.put("meetingExpected", null);
        noMeeting.put("version", null);
        JsonNode refused = f.ok(f.send(post(url(village) + "/submit"), clerk, noMeeting), 422);
        assertThat(refused.get("detail").asText()).contains("党员大会");
        assertThat(rows(village)).isZero();

        // votes adding up to more than those present: refused, nothing stored
        Map<String, Object> tooMany = content(fresh, Map.of("先进", 12, "一般", 8), 16);
        tooMany.put("version", null);
        assertThat(f.ok(f.send(put(url(village)), clerk, tooMany), 422).get("detail").asText()).contains("超过了实到人数");
        // no quorum
        Map<String, Object> noQuorum = content(fresh, Map.of("先进", 6, "一般", 2), 9);
        noQuorum.put("version", null);
        assertThat(f.ok(f.send(put(url(village)), clerk, noQuorum), 422).get("detail").asText()).contains("超过半数");
        assertThat(rows(village)).isZero();

        // another town's account may not touch it
        Map<String, Object> good = content(fresh, Map.of("先进", 12, "一般", 4, "后进", 0), 17);
        good.put("version", null);
        f.ok(f.send(put(url(village)), "tongji", good), 403);
        assertThat(rows(village)).isZero();

        JsonNode draft = f.ok(f.send(put(url(village)), clerk, good), 200);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("proposedGrade").asText()).isEqualTo("先进");
        assertThat(draft.get("votes").get("先进").asInt()).isEqualTo(12);

        JsonNode submitted = f.ok(f.send(post(url(village) + "/submit"), clerk, content(draft, Map.of("先进", 12, "一般", 4), 17)), 200);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("handedInLate").asBoolean()).as("handed in after the phase's due date").isTrue();
        // with the authority now: the village cannot change it
        assertThat(f.ok(f.send(put(url(village)), clerk, content(submitted, Map.of("先进", 12, "一般", 4), 17)), 422)
                .get("detail").asText()).contains("等待上级审评");

        // the home pages: the town owes the 审评 of the handed-in review
        JsonNode townDesk = f.ok(f.send(get("/api/campaigns/" + campaign + "/desk"), TOWN_LOGIN, null), 200);
        assertThat(townDesk.get("own").toString()).contains("审评", "自查初评");
        f.ok(f.send(post(url(village) + "/return"), TOWN_LOGIN, map("reason", "")), 400);
        JsonNode returned = f.ok(f.send(post(url(village) + "/return"), TOWN_LOGIN,
                map("reason", "请补充集体经济收入的具体数字")), 200);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("returnedReason").asText()).contains("集体经济");

        // the village's home page shows it returned, with the reason
        JsonNode villageDesk = f.ok(f.send(get("/api/campaigns/" + campaign + "/desk"), clerk, null), 200);
        assertThat(villageDesk.get("own").toString()).contains("自查初评", "RETURNED", "集体经济");
        JsonNode again = f.ok(f.send(post(url(village) + "/submit"), clerk,
                content(returned, Map.of("先进", 13, "一般", 3), 17)), 200);
        assertThat(again.get("status").asText()).isEqualTo("SUBMITTED");
        long version = again.get("version").asLong();

        // the decision is the authority's: not the village, not the city's administrator, not another town
        f.ok(f.send(post(url(village) + "/decision"), clerk, map("grade", "先进", "version", version)), 403);
        assertThat(f.ok(f.send(post(url(village) + "/decision"), "admin", map("grade", "先进", "version", version)), 422)
                .get("detail").asText()).contains(TOWN);
        f.ok(f.send(post(url(village) + "/decision"), "tongji", map("grade", "先进", "version", version)), 403);
        // a grade other than the proposal needs a reason
        assertThat(f.ok(f.send(post(url(village) + "/decision"), TOWN_LOGIN, map("grade", "一般", "version", version)), 422)
                .get("detail").asText()).contains("先进");
        f.ok(f.send(post(url(village) + "/decision"), TOWN_LOGIN, map("grade", "优秀", "version", version)), 422);
        assertThat(status(village)).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select count(*) from year_end_grade_view where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", village).query(Long.class).single()).isZero();

        JsonNode decided = f.ok(f.send(post(url(village) + "/decision"), TOWN_LOGIN, map("grade", "一般",
                "reason", "整改台账仍有一项逾期未销号，暂不具备晋升先进的条件", "version", version)), 200);
        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("decidedGrade").asText()).isEqualTo("一般");
        assertThat(decided.get("decidedBy").asText()).isEqualTo(TOWN_LOGIN);
        assertThat(events.stream(YearEndGradeDecided.class))
                .anyMatch(e -> e.organizationId() == village && e.grade().equals("一般") && e.proposedGrade().equals("先进"));

        // the register holds both grades of the year
        JsonNode register = f.ok(f.send(get("/api/grading/register?year=" + year + "&under=" + village), TOWN_LOGIN, null), 200);
        JsonNode entry = register.get("items").get(0);
        assertThat(entry.get("grade").asText()).isEqualTo("一般");
        assertThat(entry.get("yearEnd").get("grade").asText()).isEqualTo("一般");
        assertThat(entry.get("yearEnd").get("reason").asText()).contains("逾期未销号");
        assertThat(entry.get("yearEnd").get("authorityName").asText()).isEqualTo(TOWN);

        // reopening needs a reason; it withdraws the grade from the register until decided again
        f.ok(f.send(post(url(village) + "/reopen"), TOWN_LOGIN, map("reason", " ")), 400);
        f.ok(f.send(post(url(village) + "/reopen"), "admin", map("reason", "复核")), 422);
        JsonNode reopened = f.ok(f.send(post(url(village) + "/reopen"), TOWN_LOGIN,
                map("reason", "逾期事项已于11月底销号，重新审评")), 200);
        assertThat(reopened.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(absent(reopened, "decidedGrade")).isTrue();
        assertThat(events.stream(YearEndGradeReopened.class))
                .anyMatch(e -> e.organizationId() == village && e.withdrawnGrade().equals("一般"));
        assertThat(f.ok(f.send(get("/api/grading/register?year=" + year + "&under=" + village), TOWN_LOGIN, null), 200)
                .get("items").get(0).get("yearEnd") == null).isTrue();
        JsonNode final_ = f.ok(f.send(post(url(village) + "/decision"), TOWN_LOGIN,
                map("grade", "先进", "version", reopened.get("version").asLong())), 200);
        assertThat(final_.get("decidedGrade").asText()).isEqualTo("先进");
        assertThat(absent(final_, "decisionReason")).isTrue();

        // every change is in the audit trail
        List<String> actions = jdbc.sql("select action from audit_entry where entity_type = 'YearEndReview' and entity_id = :id order by id")
                .param("id", String.valueOf(final_.get("id").asLong())).query(String.class).list();
        assertThat(actions).containsSubsequence("CREATE", "SUBMIT", "RETURN", "SUBMIT", "DECIDE", "REOPEN", "DECIDE");

        // the town's list shows it decided; the .xlsx and the page come later in the browser test
        JsonNode list = f.ok(f.send(get("/api/acceptance/reviews/" + campaign), TOWN_LOGIN, null), 200);
        JsonNode row = null;
        for (JsonNode r : list) {
            if (r.get("organizationId").asLong() == village) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("status").asText()).isEqualTo("DECIDED");
        assertThat(row.get("decidedGrade").asText()).isEqualTo("先进");
        assertThat(list.size()).isEqualTo(3);
        // and its .xlsx, under the same filter, says the same
        byte[] xlsx = mvc.perform(get("/acceptance/reviews.xlsx").param("campaign", "" + campaign).param("status", "DECIDED")
                .with(users.as(TOWN_LOGIN))).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            StringBuilder cells = new StringBuilder();
            book.getSheetAt(0).forEach(r -> r.forEach(cell -> cells.append(cell.toString()).append('|')));
            String name = jdbc.sql("select name from organization where id = :id").param("id", village).query(String.class).single();
            assertThat(cells.toString()).contains(name, "已审定", "先进");
            assertThat(cells.toString()).doesNotContain(jdbc.sql("select name from organization where id = :id")
                    .param("id", villages.get(1)).query(String.class).single());
        }
    }

    @Test
    void aSuperiorWhoHandedInOnTheVillagesBehalfDoesNotDecideIt() throws Exception {
        long village = villages.get(2);
        JsonNode fresh = f.ok(f.send(get(url(village)), TOWN_LOGIN, null), 200);
        Map<String, Object> c = content(fresh, Map.of("一般", 10, "后进", 5), 16);
        c.put("version", null);
        JsonNode submitted = f.ok(f.send(post(url(village) + "/submit"), TOWN_LOGIN, c), 200);
        assertThat(submitted.get("handedInBy").asText()).isEqualTo(TOWN_LOGIN);
        assertThat(f.ok(f.send(post(url(village) + "/decision"), TOWN_LOGIN, map("grade", "一般",
                "version", submitted.get("version").asLong())), 422).get("detail").asText()).contains("代为提交");
        assertThat(status(village)).isEqualTo("SUBMITTED");
    }

    @Test
    void anOrganisationNotGradedThisYearHasNoReview() throws Exception {
        long ungraded = villages.get(4);
        assertThat(f.ok(f.send(get(url(ungraded)), TOWN_LOGIN, null), 422).get("detail").asText()).contains("年初");
    }

    @Test
    void beforeTheAcceptancePhaseNothingIsTaken() throws Exception {
        // another town's campaign of this class's year whose 总结验收 starts in a month (only the survey must begin in the year)
        long other = f.id("中共彭州市通济镇委员会");
        LocalDate start = LocalDate.now().plusDays(30);
        long current = jdbc.sql("select id from campaign where root_organization_id = :r and campaign_year = :y")
                .param("r", other).param("y", year).query(Long.class).optional().orElse(0L);
        if (current == 0) {
            current = f.ok(f.send(post("/api/campaigns"), "admin", map("rootOrganizationId", other, "year", year,
                    "name", year + "年度三分类三升级活动（阶段测试）",
                    "surveyStartsOn", LocalDate.of(year, 1, 1), "surveyEndsOn", LocalDate.of(year, 1, 31), "surveyDueOn", LocalDate.of(year, 1, 31),
                    "gradingStartsOn", LocalDate.of(year, 2, 1), "gradingEndsOn", LocalDate.of(year, 2, 28), "gradingDueOn", LocalDate.of(year, 2, 28),
                    "upgradeStartsOn", LocalDate.of(year, 3, 1), "upgradeEndsOn", start.minusDays(1), "upgradeDueOn", start.minusDays(1),
                    "acceptanceStartsOn", start, "acceptanceEndsOn", start.plusDays(30), "acceptanceDueOn", start.plusDays(20))), 201)
                    .get("id").asLong();
        }
        long village = f.villages(other).get(0);
        f.graded(current, year, village, other, "tongji", Grade.AVERAGE, "一般");
        JsonNode refused = f.ok(f.send(put("/api/acceptance/reviews/" + current + "/" + village), "tongji",
                map("report", "提前填写", "version", null)), 422);
        assertThat(refused.get("detail").asText()).contains("开始");
        assertThat(jdbc.sql("select count(*) from acceptance_review where campaign_id = :c").param("c", current)
                .query(Long.class).single()).isZero();
        // the page shows when it starts and no form
        String page = mvc.perform(get("/acceptance/review?campaign=" + current + "&org=" + village).with(users.as("tongji")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("phase-gate").doesNotContain("id=\"review-form\"");
    }

    @Test
    void theYearEndGradeIsLastYearsGradeInTheNextCampaign() throws Exception {
        long village = villages.get(1);
        // last year: graded 后进 at the start, converted to 一般 at the year end
        long previous = f.campaign(town, year - 1);
        synchronized (ReviewFlowIT.class) {
            if (jdbc.sql("select count(*) from grading_case where campaign_id = :c and organization_id = :o")
                    .param("c", previous).param("o", village).query(Long.class).single() == 0) {
                f.graded(previous, year - 1, village, town, TOWN_LOGIN, Grade.LAGGING, "后进");
            }
        }
        String base = "/api/acceptance/reviews/" + previous + "/" + village;
        JsonNode fresh = f.ok(f.send(get(base), TOWN_LOGIN, null), 200);
        List<String> done = new java.util.ArrayList<>();
        fresh.get("measures").forEach(m -> done.add("已完成"));
        JsonNode submitted = f.ok(f.send(post(base + "/submit"), "admin", map("report", "后进转化工作总结。",
                "measureResults", done, "meetingHeldOn", LocalDate.of(year - 1, 11, 8), "meetingPlace", "村党员活动室",
                "meetingExpected", 20, "meetingAttendance", 15, "votes", Map.of("一般", 11, "后进", 4))), 200);
        f.ok(f.send(post(base + "/decision"), TOWN_LOGIN, map("grade", "一般", "version", submitted.get("version").asLong())), 200);

        JsonNode next = f.ok(f.send(get(url(village)), TOWN_LOGIN, null), 200);
        assertThat(next.get("previousYearEndGrade").asText()).isEqualTo("一般");
        // the next year's 自评 and goal pages start from it
        String casePage = mvc.perform(get("/grading/case").param("campaign", "" + campaign).param("org", "" + village)
                .with(users.as(TOWN_LOGIN))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(casePage).containsPattern("id=\"previous-year-end\"[^>]*>一般<");
        String goalPage = mvc.perform(get("/upgrade/goal").param("campaign", "" + campaign).param("org", "" + village)
                .with(users.as(TOWN_LOGIN))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(goalPage).containsPattern("id=\"previous-year-end\"[^>]*>一般<");
        JsonNode other = f.ok(f.send(get(url(villages.get(0))), TOWN_LOGIN, null), 200);
        assertThat(absent(other, "previousYearEndGrade")).isTrue();
    }
}
