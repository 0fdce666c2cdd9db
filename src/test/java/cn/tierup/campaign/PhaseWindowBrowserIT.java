package cn.tierup.campaign;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.HostedStations;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.testsupport.DemoCity.LICHUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The phases by their dates, as a village branch meets them: a campaign of this class's own year on 丽春镇 whose
 * 现状大调查 ran in March and is over, and whose 对标定级 starts in ten days. Before 对标定级 and 晋位升级 start,
 * their pages (grading case, ledger) say when they start and what will be asked, with no form, and the API refuses
 * their writes with the same sentence and stores nothing; the survey's work is still taken after the phase ended,
 * marked 逾期 where it is listed. On a 390 px phone; screenshots phase-*.png.
 */
@IntegrationTest
class PhaseWindowBrowserIT {

    static final String PASSWORD = "tierup2026";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired DemoCity demo;
    @Autowired CampaignFixture campaignFixture;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    final LocalDate today = OfficeDay.today();
    final LocalDate gradingStarts = today.plusDays(10);
    final LocalDate upgradeStarts = today.plusDays(31);
    /** The class's campaign, opened by whichever test runs first. */
    static Long campaign;
    int year;
    long town;
    long village;

    @BeforeEach
    void connect() {
        year = campaignFixture.yearFor(getClass());
        town = demo.orgId(LICHUN);
        village = demo.orgOf("cun");
        browser.baseUrl("http://localhost:" + port);
        browser.phone();
    }

    @Test
    void beforeItsPhaseAPageSaysWhenItStartsAndTheApiRefusesAfterItsPhaseWorkIsTakenMarkedLate() throws Exception {
        long campaign = campaign();
        String grading = "对标定级阶段将于 " + gradingStarts + " 开始，开始后才能填写和提交。";
        String upgrade = "晋位升级阶段将于 " + upgradeStarts + " 开始，开始后才能填写和提交。";

        // The API: a grading step and a ledger line refused with the sentence the pages show, nothing stored.
        JsonNode refused = call(post("/api/grading/cases/{c}/{o}/public-review", campaign, village), "cun", """
                {"heldOn": "%s", "place": "村委会会议室", "expected": 30, "attendance": 28, "votes": {"先进": 20, "一般": 8}}
                """.formatted(today), status().isUnprocessableContent());
        assertThat(refused.get("detail").asText()).isEqualTo(grading);
        assertThat(jdbc.sql("select count(*) from grading_case where campaign_id = :c").param("c", campaign)
                .query(Long.class).single()).isZero();
        refused = call(post("/api/upgrade/ledger/{c}/{o}", campaign, village), "cun", """
                {"problem": "党员活动室设施陈旧", "measure": "更新桌椅和投影", "responsible": "张志强", "deadline": "%s"}
                """.formatted(LocalDate.of(year + 1, 6, 30)), status().isUnprocessableContent());
        assertThat(refused.get("detail").asText()).isEqualTo(upgrade);
        assertThat(jdbc.sql("select count(*) from rectification_item where campaign_id = :c").param("c", campaign)
                .query(Long.class).single()).isZero();

        // The pages on a phone: when the phase starts and what will be asked, no form.
        browser.login("cun", PASSWORD);
        browser.open("/grading/case?campaign=" + campaign + "&org=" + village);
        WebElement gate = browser.visible(By.id("phase-gate"));
        assertThat(gate.getText()).contains(grading, "届时需要填写");
        assertThat(gate.findElements(By.cssSelector(".phase-asks li")).stream().map(WebElement::getText).toList())
                .hasSize(5).allMatch(s -> s.startsWith("第 ")).anyMatch(s -> s.contains("群众初评"))
                .anyMatch(s -> s.contains("上级评定"));
        assertThat(browser.all(By.cssSelector("#review-form, #sheet-form, #self-form, #paper-form, #phone-form, #decision-form"))).isEmpty();
        assertThat(browser.all(By.cssSelector("main input:not([type=hidden]), main textarea, main select"))).isEmpty();
        assertFitsThePhone();
        browser.shot("phase-01-grading-not-started-phone");

        browser.open("/upgrade/ledger?campaign=" + campaign + "&org=" + village);
        assertThat(browser.visible(By.id("phase-gate")).getText()).contains(upgrade, "整改措施", "责任人");
        assertThat(browser.all(By.id("item-form"))).isEmpty();
        assertThat(browser.all(By.cssSelector("main input:not([type=hidden]), main textarea, main select"))).isEmpty();
        assertFitsThePhone();
        browser.shot("phase-02-ledger-not-started-phone");

        // 现状大调查 has ended: a survey record is still taken, and marked 逾期 in the list.
        browser.open("/survey/activities?campaign=" + campaign + "&org=" + village);
        assertThat(browser.all(By.id("phase-gate"))).isEmpty();
        assertThat(browser.text(By.cssSelector(".phase-late"))).isEqualTo("阶段结束后填写的记录仍会被接收，并标记为“逾期”。");
        browser.js("document.getElementsByName('occurredOn')[0].value = arguments[0];", LocalDate.of(year, 3, 20).toString());
        browser.type(By.id("amount"), "2");
        browser.type(By.id("note"), "与老党员座谈");
        click(By.id("record-btn"));
        browser.await().until(d -> !browser.all(By.cssSelector("#activity-table .late-mark")).isEmpty());
        WebElement row = browser.find(By.xpath("//table[@id='activity-table']//tr[.//span[contains(.,'与老党员座谈')]]"));
        assertThat(row.findElement(By.cssSelector(".late-mark")).getText()).isEqualTo("逾期");
        assertThat(jdbc.sql("select count(*) from survey_activity where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", village).query(Long.class).single()).isEqualTo(1);
        assertFitsThePhone();
        browser.shot("phase-03-survey-record-late-phone");
    }

    /**
     * Item 2 of the issue: a superior opening a lower branch's returned report sees it read-only, is told that the
     * report is the branch's own and that a superior may fill it in on its behalf, and gets the form only after
     * confirming; the branch itself gets its form at once.
     */
    @Test
    void aSuperiorOpeningAReturnedReportReadsItAndFillsItInOnlyAfterConfirming() throws Exception {
        long campaign = campaign();
        String villageName = demo.orgName(village);
        String path = "/survey/report?campaign=" + campaign + "&org=" + village;
        JsonNode r = call(post("/api/campaigns/{c}/orgs/{o}/report/submit", campaign, village), "cun", """
                {"basicSituation": "全村党员 35 名，其中流动党员 6 名。", "mainProblems": "组织生活不够经常。",
                 "causes": "外出务工党员多。", "measures": "建立流动党员微信群，按季度集中学习。",
                 "meetingOn": "%s", "meetingAttendance": 5, "stations": %s}
                """.formatted(LocalDate.of(year, 3, 15), HostedStations.json(jdbc, village)), status().isOk());
        // handed in after the survey ended: taken, and late
        assertThat(r.get("submittedLate").asBoolean()).isTrue();
        call(post("/api/reports/{id}/return", r.get("id").asLong()), "zhen", """
                {"reason": "请补充流动党员管理方面的问题。"}
                """, status().isOk());

        browser.desktop();
        browser.login("zhen", PASSWORD);
        browser.open(path);
        assertThat(browser.visible(By.id("on-behalf")).getText())
                .contains(villageName + "的自查报告应由" + villageName + "自己填写并提交，上级负责审核", "上级可以代为填写");
        assertThat(browser.visible(By.id("report-text")).getText()).contains("组织生活不够经常。");
        assertThat(browser.all(By.cssSelector("#save-btn, #submit-btn, #upload-btn, #attachment-list form"))).isEmpty();
        assertThat(browser.all(By.id("review-panel"))).as("a returned report awaits the branch, not a review").isEmpty();
        assertThat(browser.text(By.id("return-reason"))).contains("请补充流动党员管理方面的问题。", "等待下级修改后重新提交");
        browser.shot("review-01-returned-report-read-only");
        browser.phone();
        browser.open(path);
        assertThat(browser.visible(By.id("on-behalf-start")).getSize().getHeight()).isGreaterThanOrEqualTo(38);
        assertThat(browser.all(By.cssSelector("#save-btn, #submit-btn"))).isEmpty();
        assertFitsThePhone();
        browser.shot("review-01b-returned-report-read-only-phone");
        browser.desktop();
        browser.open(path);

        click(By.id("on-behalf-start"));
        browser.acceptConfirm("确定代" + villageName + "填写自查报告吗？");
        browser.await().until(d -> !browser.all(By.id("save-btn")).isEmpty());
        assertThat(browser.text(By.id("on-behalf"))).startsWith("您正在代" + villageName + "填写自查报告");
        assertThat(browser.find(By.id("mainProblems")).getAttribute("value")).isEqualTo("组织生活不够经常。");
        browser.shot("review-02-filling-in-on-behalf");

        // the branch itself: its form at once, no word about anyone's behalf
        browser.login("cun", PASSWORD);
        browser.open(path);
        assertThat(browser.visible(By.id("save-btn")).isDisplayed()).isTrue();
        assertThat(browser.all(By.id("on-behalf"))).isEmpty();
    }

    synchronized long campaign() throws Exception {
        if (campaign == null) {
            campaign = openCampaign();
        }
        return campaign;
    }

    /** 现状大调查 in March of the class's year (over), 对标定级 from ten days on, 晋位升级 and 总结验收 after it. */
    long openCampaign() throws Exception {
        LocalDate march = LocalDate.of(year, 3, 1);
        String body = """
                {"rootOrganizationId": %d, "year": %d, "name": "%d年度阶段测试活动",
                 "surveyStartsOn": "%s", "surveyEndsOn": "%s", "surveyDueOn": "%s",
                 "gradingStartsOn": "%s", "gradingEndsOn": "%s", "gradingDueOn": "%s",
                 "upgradeStartsOn": "%s", "upgradeEndsOn": "%s", "upgradeDueOn": "%s",
                 "acceptanceStartsOn": "%s", "acceptanceEndsOn": "%s", "acceptanceDueOn": "%s"}
                """.formatted(town, year, year, march, march.plusDays(30), march.plusDays(30),
                gradingStarts, gradingStarts.plusDays(20), gradingStarts.plusDays(10),
                upgradeStarts, upgradeStarts.plusDays(200), upgradeStarts.plusDays(200),
                upgradeStarts.plusDays(201), upgradeStarts.plusDays(260), upgradeStarts.plusDays(220));
        JsonNode c = call(post("/api/campaigns"), "admin", body, status().isCreated());
        assertThat(c.get("status").get("SURVEY").asText()).isEqualTo("ENDED");
        assertThat(c.get("status").get("GRADING").asText()).isEqualTo("NOT_STARTED");
        return c.get("id").asLong();
    }

    JsonNode call(MockHttpServletRequestBuilder request, String user, String body, ResultMatcher expected) throws Exception {
        String out = mvc.perform(request.with(users.as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(expected).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return json.readTree(out);
    }

    void click(By by) {
        WebElement e = browser.visible(by);
        browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    void assertFitsThePhone() {
        long width = ((Number) browser.js("return document.documentElement.scrollWidth;")).longValue();
        assertThat(width).as("page width at 390 px").isLessThanOrEqualTo(390);
    }

    static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
