package cn.tierup.acceptance;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.ObligationSource;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.campaign.Phase;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.YearEndGrades;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.Grade.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 工作总结 through the JSON API, for 九尺镇 (account {@code jiuchi}) in a past campaign of this class's own: its
 * villages and communities graded at the start of the year by the town and again at its end (the year-end grades
 * written by {@link YearEndGrades}), 示范 recognitions recorded by the town, a
 * school inside the town graded by 教育局, and four health branches graded by 卫生局. Every count, rate and verdict
 * is checked against this test's own tally of what it did; then the hand-in / return / accept loop with its
 * refusals, the home-page obligations, and the .docx and .xlsx read back with the same figures.
 */
@IntegrationTest
class SummaryApiIT {

    static final String CITY = "中共彭州市委员会";
    static final String JIUCHI = "中共彭州市九尺镇委员会";
    static final String LICHUN = "中共彭州市丽春镇委员会";
    static final String EDUCATION = "中共彭州市教育局委员会";
    static final String HEALTH = "中共彭州市卫生局委员会";

    private static Long campaignId;
    private static final List<Covered> did = new ArrayList<>();
    private static long town;
    private static long school;

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired PlatformTransactionManager transactions;
    @Autowired CampaignFixture campaignFixture;
    @Autowired CampaignService campaigns;
    @Autowired List<ObligationSource> obligationSources;

    int year;

    /** One organisation as this test graded it: field, unit it counts in, start and end class, named a counted 示范. */
    record Covered(long id, String name, String field, long authority, Grade start, Grade end, boolean named) {
    }

    @BeforeEach
    void setUp() throws Exception {
        year = campaignFixture.yearFor(SummaryApiIT.class);
        synchronized (SummaryApiIT.class) {
            if (campaignId == null) {
                build();
            }
        }
    }

    /** The campaign, the gradings at both ends, and the recognitions: once for the class. */
    void build() throws Exception {
        JsonNode c = ok(send(post("/api/campaigns"), "admin", Map.of("rootOrganizationId", id(CITY), "year", year)), 201);
        assertThat(c.get("modelLevels")).extracting(JsonNode::asText).containsExactly("NATIONAL", "PROVINCIAL", "CITY");
        long campaign = c.get("id").asLong();
        town = id(JIUCHI);
        List<long[]> villages = children(town, "VILLAGE");
        List<long[]> communities = children(town, "COMMUNITY");
        assertThat(villages).hasSizeGreaterThanOrEqualTo(7);
        // villages: 先进 kept (one named a city 示范, one only a county one), 一般 up and not, 后进 converted and not
        Grade[][] plan = {{ADVANCED, ADVANCED}, {ADVANCED, ADVANCED}, {ADVANCED, AVERAGE}, {AVERAGE, ADVANCED}, {AVERAGE, AVERAGE},
                {LAGGING, AVERAGE}, {LAGGING, LAGGING}};
        for (int i = 0; i < plan.length; i++) {
            graded(campaign, villages.get(i)[0], "VILLAGE", town, "jiuchi", plan[i][0], plan[i][1], i == 0);
        }
        // communities: one still without its 年末审定, one 后进 now 先进
        graded(campaign, communities.get(0)[0], "COMMUNITY", town, "jiuchi", AVERAGE, null, false);
        graded(campaign, communities.get(1)[0], "COMMUNITY", town, "jiuchi", LAGGING, ADVANCED, false);
        // a school inside the town, graded by 教育局: in 教育局's summary, never in the town's
        long education = id(EDUCATION);
        // (made first, then given its authority: creating it with one is refused while the new branch is unflushed)
        JsonNode s = ok(send(post("/api/orgs"), "admin", Map.of("parentId", town,
                "organization", Map.of("name", "中共彭州市九尺镇中心小学支部委员会" + year, "kind", "BRANCH", "field", "SCHOOL"))), 201);
        school = s.get("id").asLong();
        ok(send(put("/api/orgs/" + school + "/authority"), "admin", Map.of("gradingAuthorityId", education,
                "version", s.get("version").asLong())));
        graded(campaign, school, "SCHOOL", education, "jiaoyu", AVERAGE, ADVANCED, false);
        // four hospitals graded by 卫生局: 1 of 4 一般 upgraded is 25%, which a village meets and a hospital does not
        long health = id(HEALTH);
        List<long[]> hospitals = children(health, "HEALTH");
        for (int i = 0; i < 4; i++) {
            graded(campaign, hospitals.get(i)[0], "HEALTH", health, "weisheng", AVERAGE, i == 0 ? ADVANCED : AVERAGE, false);
        }
        // the town records the 示范: a city one in the year counts; a county one does not, nor one of the year before
        long first = villages.get(0)[0];
        ok(send(post("/api/acceptance/recognitions"), "jiuchi", recognition(first, "CITY", LocalDate.of(year, 7, 1), null)), 201);
        ok(send(post("/api/acceptance/recognitions"), "jiuchi", recognition(villages.get(1)[0], "COUNTY", LocalDate.of(year, 7, 1), null)), 201);
        ok(send(post("/api/acceptance/recognitions"), "jiuchi", recognition(villages.get(2)[0], "PROVINCIAL", LocalDate.of(year - 1, 12, 31), null)), 201);
        campaignId = campaign;
    }

    void graded(long campaign, long org, String field, long authority, String decider, Grade start, Grade end, boolean named) {
        new TransactionTemplate(transactions).executeWithoutResult(t -> grading.graded(campaign, year, org, field, 10, start,
                authority, "system", decider));
        if (end != null) {
            new YearEndGrades(jdbc).decided(campaign, org, authority, name(end), end, decider,
                    LocalDate.of(year, 11, 25).atTime(10, 0));
        }
        did.add(new Covered(org, orgName(org), field, authority, start, end, named));
    }

    static String name(Grade g) {
        return switch (g) {
            case ADVANCED -> "先进";
            case AVERAGE -> "一般";
            case LAGGING -> "后进";
        };
    }

    // ------------------------------------------------------------------ the figures against this test's own count

    @Test
    void theTownsFiguresCountItsOwnGradingsPerFieldAndUnitWithEveryRateAndVerdict() throws Exception {
        JsonNode s = ok(send(get("/api/acceptance/summaries/" + campaignId + "/" + town), "jiuchi", null));
        JsonNode f = s.get("figures");
        assertThat(f.get("wholeCampaign").asBoolean()).isFalse();
        List<String> fields = new ArrayList<>();
        f.get("fields").forEach(x -> fields.add(x.get("field").asText()));
        assertThat(fields).containsExactly("VILLAGE", "COMMUNITY");
        for (JsonNode ff : f.get("fields")) {
            String field = ff.get("field").asText();
            List<Covered> mine = did.stream().filter(d -> d.authority() == town && d.field().equals(field)).toList();
            assertLine(ff.get("total"), mine, field);
            // each village is a unit of the town: its line holds exactly itself
            for (JsonNode line : ff.get("units")) {
                List<Covered> one = mine.stream().filter(d -> d.name().equals(line.get("unit").asText())).toList();
                assertThat(one).as(line.get("unit").asText()).hasSize(1);
                assertLine(line, one, field);
            }
            assertThat(ff.get("units")).hasSize(mine.size());
        }
        // the village totals, spelt out: 3 先进 of whom 1 named a city 示范; 2 一般, 1 up; 2 后进, 1 converted
        JsonNode village = f.get("fields").get(0).get("total");
        assertThat(village.get("advancedShare").get("rate").get("numerator").asLong()).isEqualTo(3);
        assertThat(village.get("advancedShare").get("rate").get("denominator").asLong()).isEqualTo(7);
        assertThat(village.get("modelRate").get("verdict").asText()).isEqualTo("MET");
        assertThat(village.get("conversionRate").get("verdict").asText()).isEqualTo("NOT_MET");
        // the community without a year-end grade is listed, and counts in no rate
        JsonNode community = f.get("fields").get(1).get("total");
        assertThat(community.get("upgradeRate").get("rate").get("denominator").asLong()).isZero();
        assertThat(community.get("upgradeRate").get("verdict").asText()).isEqualTo("NONE");
        assertThat(f.get("lacking")).hasSize(1);
        assertThat(f.get("lacking").get(0).get("organizationId").asLong())
                .isEqualTo(did.stream().filter(d -> d.end() == null).findFirst().orElseThrow().id());
    }

    @Test
    void aSchoolInsideTheTownGradedByEducationCountsInEducationsSummaryOnlyAndOnceInTheCitys() throws Exception {
        JsonNode edu = ok(send(get("/api/acceptance/summaries/" + campaignId + "/" + id(EDUCATION)), "jiaoyu", null)).get("figures");
        assertThat(edu.get("fields")).hasSize(1);
        JsonNode schools = edu.get("fields").get(0);
        assertThat(schools.get("field").asText()).isEqualTo("SCHOOL");
        assertThat(schools.get("units")).singleElement().satisfies(u -> assertThat(u.get("unit").asText()).isEqualTo(orgName(school)));
        assertThat(schools.get("total").get("upgradeRate").get("rate").get("numerator").asLong()).isEqualTo(1);
        // the city's summary covers the whole campaign: every graded organisation once
        JsonNode city = ok(send(get("/api/acceptance/summaries/" + campaignId + "/" + id(CITY)), "admin", null)).get("figures");
        assertThat(city.get("wholeCampaign").asBoolean()).isTrue();
        long total = 0;
        for (JsonNode ff : city.get("fields")) {
            total += ff.get("total").get("counts").get("startAdvanced").asLong() + ff.get("total").get("counts").get("startAverage").asLong()
                    + ff.get("total").get("counts").get("startLagging").asLong();
            List<Covered> inField = did.stream().filter(d -> d.field().equals(ff.get("field").asText())).toList();
            assertLine(ff.get("total"), inField, ff.get("field").asText());
        }
        assertThat(total).isEqualTo(did.size());
        // the town's units in the city's summary: the town's line holds the town's gradings and the school inside it
        JsonNode cityVillages = city.get("fields").get(0);
        assertThat(cityVillages.get("units")).anySatisfy(u -> {
            assertThat(u.get("unit").asText()).isEqualTo(JIUCHI);
            assertThat(u.get("counts").get("startAdvanced").asLong()).isEqualTo(3);
        });
        // the town may not read 教育局's summary, nor the city's
        send(get("/api/acceptance/summaries/" + campaignId + "/" + id(EDUCATION)), "jiuchi", null).andExpect(status().isForbidden());
        send(get("/api/acceptance/summaries/" + campaignId + "/" + id(CITY)), "jiuchi", null).andExpect(status().isForbidden());
    }

    @Test
    void fieldsOtherThanVillagesMustExceedTheVillageTargetsSoAQuarterUpgradedMissesIt() throws Exception {
        JsonNode f = ok(send(get("/api/acceptance/summaries/" + campaignId + "/" + id(HEALTH)), "weisheng", null)).get("figures");
        JsonNode total = f.get("fields").get(0).get("total");
        assertThat(f.get("fields").get(0).get("mustExceed").asBoolean()).isTrue();
        JsonNode upgrade = total.get("upgradeRate");
        assertThat(upgrade.get("rate").get("numerator").asLong()).isEqualTo(1);
        assertThat(upgrade.get("rate").get("denominator").asLong()).isEqualTo(4);
        assertThat(upgrade.get("target").asInt()).isEqualTo(25);
        assertThat(upgrade.get("mustExceed").asBoolean()).isTrue();
        assertThat(upgrade.get("verdict").asText()).isEqualTo("NOT_MET");
        // the 先进 share is judged by reaching its target, not exceeding it: 1 of 4 is below 40%
        assertThat(total.get("advancedShare").get("mustExceed").asBoolean()).isFalse();
        assertThat(total.get("advancedShare").get("verdict").asText()).isEqualTo("NOT_MET");
    }

    /** A line's counts and judged rates against what this test did. */
    void assertLine(JsonNode line, List<Covered> covered, String field) {
        JsonNode c = line.get("counts");
        assertThat(c.get("startAdvanced").asLong()).isEqualTo(covered.stream().filter(d -> d.start() == ADVANCED).count());
        assertThat(c.get("startAverage").asLong()).isEqualTo(covered.stream().filter(d -> d.start() == AVERAGE).count());
        assertThat(c.get("startLagging").asLong()).isEqualTo(covered.stream().filter(d -> d.start() == LAGGING).count());
        assertThat(c.get("endAdvanced").asLong()).isEqualTo(covered.stream().filter(d -> d.end() == ADVANCED).count());
        assertThat(c.get("endAverage").asLong()).isEqualTo(covered.stream().filter(d -> d.end() == AVERAGE).count());
        assertThat(c.get("endLagging").asLong()).isEqualTo(covered.stream().filter(d -> d.end() == LAGGING).count());
        List<Covered> both = covered.stream().filter(d -> d.end() != null).toList();
        long endAll = both.size();
        long startAdv = both.stream().filter(d -> d.start() == ADVANCED).count();
        long startAvg = both.stream().filter(d -> d.start() == AVERAGE).count();
        long startLag = both.stream().filter(d -> d.start() == LAGGING).count();
        rate(line.get("advancedShare"), both.stream().filter(d -> d.end() == ADVANCED).count(), endAll, 40, false);
        rate(line.get("modelRate"), both.stream().filter(d -> d.start() == ADVANCED && d.named()).count(), startAdv, 10,
                !isVillageLike(field));
        rate(line.get("upgradeRate"), both.stream().filter(d -> d.start() == AVERAGE && d.end() == ADVANCED).count(), startAvg, 25,
                !isVillageLike(field));
        rate(line.get("conversionRate"), both.stream().filter(d -> d.start() == LAGGING && d.end() != LAGGING).count(), startLag,
                100, false);
    }

    static boolean isVillageLike(String field) {
        return field.equals("VILLAGE") || field.equals("COMMUNITY");
    }

    /** A judged rate: its fraction, and the verdict worked out here with exact integers. */
    static void rate(JsonNode judged, long n, long of, int target, boolean strict) {
        assertThat(judged.get("rate").get("numerator").asLong()).isEqualTo(n);
        assertThat(judged.get("rate").get("denominator").asLong()).isEqualTo(of);
        assertThat(judged.get("target").asInt()).isEqualTo(target);
        String expected = of == 0 ? "NONE" : (strict ? n * 100 > target * of : n * 100 >= target * of) ? "MET" : "NOT_MET";
        assertThat(judged.get("verdict").asText()).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ recognitions

    @Test
    void recognitionsAreRecordedForTheSubtreeOnlyWithEveryDetailAndCorrectedAgainstTheVersion() throws Exception {
        long village = did.stream().filter(d -> d.authority() == town && d.field().equals("VILLAGE")).toList().get(4).id();
        long before = count("acceptance_recognition");
        refused(send(post("/api/acceptance/recognitions"), "jiuchi", recognition(village, "CITY", LocalDate.of(year, 5, 1), "")), 422,
                "文号");
        refused(send(post("/api/acceptance/recognitions"), "jiuchi", recognition(village, null, LocalDate.of(year, 5, 1), null)), 422,
                "级别");
        refused(send(post("/api/acceptance/recognitions"), "jiuchi", recognition(village, "CITY", LocalDate.now().plusDays(3), null)),
                422, "不能晚于今天");
        // another town's village, and the town itself: out of its reach
        long lichunVillage = children(id(LICHUN), "VILLAGE").get(0)[0];
        send(post("/api/acceptance/recognitions"), "jiuchi", recognition(lichunVillage, "CITY", LocalDate.of(year, 5, 1), null))
                .andExpect(status().isForbidden());
        send(post("/api/acceptance/recognitions"), "jiuchi", recognition(town, "CITY", LocalDate.of(year, 5, 1), null))
                .andExpect(status().isForbidden());
        assertThat(count("acceptance_recognition")).isEqualTo(before);

        JsonNode r = ok(send(post("/api/acceptance/recognitions"), "jiuchi", recognition(village, "TOWN", LocalDate.of(year, 5, 1), null)), 201);
        assertThat(r.get("title").asText()).isEqualTo("先进（示范）党组织");
        assertThat(r.get("recordedBy").asText()).isNotEqualTo("jiuchi");
        long id = r.get("id").asLong();
        Map<String, Object> fix = recognition(village, "TOWN", LocalDate.of(year, 5, 2), null);
        fix.put("version", r.get("version").asLong() + 7);
        send(put("/api/acceptance/recognitions/" + id), "jiuchi", fix).andExpect(status().isConflict());
        fix.put("version", r.get("version").asLong());
        JsonNode fixed = ok(send(put("/api/acceptance/recognitions/" + id), "jiuchi", fix));
        assertThat(fixed.get("recognizedOn").asText()).isEqualTo(year + "-05-02");
        send(put("/api/acceptance/recognitions/" + id), "zhen", fix).andExpect(status().isForbidden());
        assertThat(audits("Recognition", id)).isEqualTo(2);
        // the list: the town sees it, 丽春镇 does not
        JsonNode mine = ok(send(get("/api/acceptance/recognitions").param("year", "" + year), "jiuchi", null));
        assertThat(mine).anySatisfy(x -> assertThat(x.get("id").asLong()).isEqualTo(id));
        JsonNode theirs = ok(send(get("/api/acceptance/recognitions").param("year", "" + year), "zhen", null));
        assertThat(theirs).noneSatisfy(x -> assertThat(x.get("id").asLong()).isEqualTo(id));
    }

    @Test
    void theCampaignsModelLevelsAreASettingFrozenLikeTheTargets() throws Exception {
        JsonNode c = ok(send(get("/api/campaigns/" + campaignId), "admin", null));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("rootOrganizationId", id(CITY));
        form.put("year", year);
        form.put("name", c.get("name").asText());
        form.put("version", c.get("version").asLong());
        form.put("modelLevels", List.of("NATIONAL", "PROVINCIAL", "CITY", "COUNTY"));
        refused(send(put("/api/campaigns/" + campaignId), "admin", form), 422, "不能再修改");
        assertThat(ok(send(get("/api/campaigns/" + campaignId), "admin", null)).get("modelLevels")).hasSize(3);
    }

    // ------------------------------------------------------------------ hand-in, return, accept

    @Test
    void theTownWritesHandsInIsReturnedHandsInAgainAndTheCityAccepts() throws Exception {
        String base = "/api/acceptance/summaries/" + campaignId + "/" + town;
        JsonNode s = ok(send(get(base), "jiuchi", null));
        assertThat(s.get("status").asText()).isEqualTo("DRAFT");
        assertThat(s.get("canWrite").asBoolean()).isTrue();

        // figures are never typed: a request carrying one is refused and stores nothing
        Map<String, Object> typed = text("全镇先进党组织明显增加。", "个别村班子偏弱。", "继续抓好后进转化。", null);
        typed.put("advancedShare", 99);
        refused(send(put(base), "jiuchi", typed), 422, "不能填写");
        assertThat(count("acceptance_work_summary where campaign_id = " + campaignId + " and authority_organization_id = " + town)).isZero();
        // nor may another town write it, or the city
        send(put(base), "zhen", text("代写", "代写", "代写", null)).andExpect(status().isForbidden());
        refused(send(put(base), "admin", text("代写", "代写", "代写", null)), 422, "评定组织本级");

        // a hand-in needs every part
        s = ok(send(put(base), "jiuchi", text("全镇先进党组织明显增加。", null, null, null)));
        refused(send(post(base + "/hand-in"), "jiuchi", null), 422, "存在问题");
        s = ok(send(put(base), "jiuchi", text("全镇先进党组织明显增加。", "个别村班子偏弱。", "继续抓好后进转化。", s.get("version").asLong())));
        s = ok(send(post(base + "/hand-in"), "jiuchi", null));
        assertThat(s.get("status").asText()).isEqualTo("SUBMITTED");
        // the campaign is past its due date: taken, and marked late
        assertThat(s.get("handedInLate").asBoolean()).isTrue();
        assertThat(s.get("handedInBy").asText()).isNotEqualTo("jiuchi");
        refused(send(put(base), "jiuchi", text("改", "改", "改", s.get("version").asLong())), 422, "审核前不能修改");

        // only the city's organisation department reviews it
        send(post(base + "/accept"), "jiuchi", null).andExpect(status().isForbidden());
        send(post(base + "/accept"), "zhen", null).andExpect(status().isForbidden());
        refused(send(post(base + "/return"), "admin", Map.of("reason", " ")), 422, "原因");
        assertThat(ok(send(get(base), "admin", null)).get("status").asText()).isEqualTo("SUBMITTED");
        s = ok(send(post(base + "/return"), "admin", Map.of("reason", "请补充后进村转化的具体措施。")));
        assertThat(s.get("status").asText()).isEqualTo("RETURNED");
        assertThat(s.get("returnedReason").asText()).contains("后进村");
        assertThat(obligation(town).status()).isEqualTo(ObligationStatus.RETURNED);

        s = ok(send(post(base + "/hand-in"), "jiuchi", text(null, null, "继续抓好后进转化，年底前全部销号。", s.get("version").asLong())));
        assertThat(s.get("handIns").asInt()).isEqualTo(2);
        assertThat(s.get("plans").asText()).contains("全部销号");
        Obligation review = obligations(id(CITY)).stream().filter(o -> o.what().contains(JIUCHI)).findFirst().orElseThrow();
        assertThat(review.status()).isEqualTo(ObligationStatus.NOT_STARTED);
        s = ok(send(post(base + "/accept"), "admin", null));
        assertThat(s.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(obligation(town).status()).isEqualTo(ObligationStatus.ACCEPTED);
        assertThat(obligations(id(CITY)).stream().filter(o -> o.what().contains(JIUCHI)).findFirst().orElseThrow().status())
                .isEqualTo(ObligationStatus.ACCEPTED);
        refused(send(post(base + "/accept"), "admin", null), 422, "尚未报送");
        // the city's own summary goes to nobody
        refused(send(post("/api/acceptance/summaries/" + campaignId + "/" + id(CITY) + "/hand-in"), "admin", null), 422, "无需报送");
        long id = s.get("id").asLong();
        assertThat(audits("WorkSummary", id)).isEqualTo(6);
    }

    // ------------------------------------------------------------------ documents

    @Test
    void theDocxAndTheXlsxReadBackWithTheSameFiguresAsThePage() throws Exception {
        String base = "/acceptance/summaries/" + campaignId + "/" + town;
        JsonNode f = ok(send(get("/api/acceptance/summaries/" + campaignId + "/" + town), "jiuchi", null)).get("figures");
        JsonNode village = f.get("fields").get(0).get("total");
        JsonNode counts = village.get("counts");

        byte[] docx = mvc.perform(get(base + "/summary.docx").with(users.as("jiuchi"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("中共彭州市委组织部：").contains(year + "年度基层党组织“三分类三升级”活动工作总结")
                    .contains("一、主要成绩和经验").contains("三、存在问题").contains("四、下步打算");
            // table 1: the villages' counts, the 合计 line last; table 2: their rates with verdicts
            XWPFTable countTable = doc.getTables().get(0);
            XWPFTableRow total = countTable.getRow(countTable.getNumberOfRows() - 1);
            assertThat(total.getCell(0).getText()).isEqualTo("合计");
            assertThat(total.getCell(1).getText()).isEqualTo(counts.get("startAdvanced").asText());
            assertThat(total.getCell(2).getText()).isEqualTo(counts.get("startAverage").asText());
            assertThat(total.getCell(3).getText()).isEqualTo(counts.get("startLagging").asText());
            assertThat(total.getCell(5).getText()).isEqualTo(counts.get("endAdvanced").asText());
            XWPFTable rateTable = doc.getTables().get(1);
            XWPFTableRow rates = rateTable.getRow(rateTable.getNumberOfRows() - 1);
            assertThat(rates.getCell(1).getText()).contains(rateText(village.get("advancedShare"))).contains("达标");
            assertThat(rates.getCell(4).getText()).contains(rateText(village.get("conversionRate"))).contains("未达标");
        }

        byte[] xlsx = mvc.perform(get(base + "/figures.xlsx").with(users.as("jiuchi"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("年度数据");
            DataFormatter fmt = new DataFormatter();
            Row total = null;
            for (Row r : sheet) {
                if ("村".equals(fmt.formatCellValue(r.getCell(0))) && "合计".equals(fmt.formatCellValue(r.getCell(1)))) {
                    total = r;
                }
            }
            assertThat(total).as("村 合计 row").isNotNull();
            assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(counts.get("startAdvanced").asLong());
            assertThat((long) total.getCell(6).getNumericCellValue()).isEqualTo(counts.get("endAdvanced").asLong());
            // 先进占比: percent, numerator, denominator, verdict
            assertThat(total.getCell(10).getNumericCellValue())
                    .isEqualTo(village.get("advancedShare").get("percent").asDouble());
            assertThat((long) total.getCell(11).getNumericCellValue()).isEqualTo(village.get("advancedShare").get("rate").get("numerator").asLong());
            assertThat((long) total.getCell(12).getNumericCellValue()).isEqualTo(village.get("advancedShare").get("rate").get("denominator").asLong());
            assertThat(fmt.formatCellValue(total.getCell(13))).isEqualTo("达标");
            assertThat(fmt.formatCellValue(total.getCell(25))).isEqualTo("未达标");
            Sheet lacking = wb.getSheet("未审定");
            assertThat(fmt.formatCellValue(lacking.getRow(lacking.getLastRowNum()).getCell(1)))
                    .isEqualTo(f.get("lacking").get(0).get("name").asText());
            // the town's part of the 分类管理台账, handed in with the summary: every organisation it graded, both grades
            Map<String, String> yearEnd = new LinkedHashMap<>();
            for (Row r : wb.getSheet("分类管理台账")) {
                if (fmt.formatCellValue(r.getCell(0)).matches("\\d+")) {
                    yearEnd.put(fmt.formatCellValue(r.getCell(1)), fmt.formatCellValue(r.getCell(5)));
                }
            }
            List<Covered> own = did.stream().filter(c -> c.authority() == town).toList();
            assertThat(yearEnd.keySet()).containsExactlyInAnyOrderElementsOf(own.stream().map(Covered::name).toList());
            for (Covered c : own) {
                assertThat(yearEnd.get(c.name())).as(c.name()).isEqualTo(c.end() == null ? "未审定" : name(c.end()));
            }
        }
        // another town may not download them
        mvc.perform(get(base + "/summary.docx").with(users.as("zhen"))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/figures.xlsx").with(users.as("zhen"))).andExpect(status().isForbidden());
    }

    /** The rate as printed, from its fraction: two decimals, half up. */
    static String rateText(JsonNode judged) {
        JsonNode r = judged.get("rate");
        long n = r.get("numerator").asLong();
        long d = r.get("denominator").asLong();
        String percent = java.math.BigDecimal.valueOf(n * 100).divide(java.math.BigDecimal.valueOf(d), 2,
                java.math.RoundingMode.HALF_UP).toPlainString();
        assertThat(judged.get("display").asText()).isEqualTo(percent + "%（" + n + "/" + d + "）");
        return percent + "%（" + n + "/" + d + "）";
    }

    // ------------------------------------------------------------------ helpers

    Obligation obligation(long org) {
        return obligations(org).stream().filter(o -> o.what().equals("工作总结")).findFirst().orElseThrow();
    }

    List<Obligation> obligations(long org) {
        var admin = users.principal("admin");
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
        try {
            var c = campaigns.get(campaignId);
            return obligationSources.stream().filter(s -> s.phase() == Phase.ACCEPTANCE)
                    .flatMap(s -> s.obligations(c, List.of(org)).stream()).toList();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    Map<String, Object> recognition(long org, String level, LocalDate on, String document) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organizationId", org);
        m.put("level", level);
        m.put("recognizedOn", on.toString());
        m.put("issuedBy", "中共成都市委组织部");
        m.put("documentNumber", document == null ? "成组通〔" + year + "〕12号" : document);
        return m;
    }

    static Map<String, Object> text(String achievements, String problems, String plans, Long version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("achievements", achievements);
        m.put("problems", problems);
        m.put("plans", plans);
        m.put("version", version);
        return m;
    }

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    String orgName(long id) {
        return jdbc.sql("select name from organization where id = :id").param("id", id).query(String.class).single();
    }

    /** Children of a field still in the tree, in the order they were made: {id}. */
    List<long[]> children(long parent, String field) {
        return jdbc.sql("select id from organization where parent_id = :p and field = :f and retired = false order by id")
                .param("p", parent).param("f", field).query(Long.class).list().stream().map(i -> new long[] {i}).toList();
    }

    long count(String tableAndWhere) {
        return jdbc.sql("select count(*) from " + tableAndWhere).query(Long.class).single();
    }

    long audits(String type, long id) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = :t and entity_id = :id").param("t", type)
                .param("id", String.valueOf(id)).query(Long.class).single();
    }

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

    void refused(ResultActions r, int status, String text) throws Exception {
        JsonNode p = ok(r, status);
        assertThat(p.get("detail").asText()).contains(text);
    }
}
