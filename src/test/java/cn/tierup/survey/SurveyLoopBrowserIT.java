package cn.tierup.survey;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.tierup.testsupport.DemoCity.CITY;
import static cn.tierup.testsupport.DemoCity.LICHUN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole status-survey loop through the real pages, as new users would walk it: the admin opens the
 * city's campaign; the village branch writes its 自查报告, attaches a file, is stopped by an empty
 * section, hands it in; the town returns it with a reason; the branch revises and hands it in again;
 * the town accepts it; the town records its survey work and reads the 汇总表 on screen and as .xlsx,
 * both checked against an independent count from the tables. Screenshots go to target/screenshots/.
 *
 * <p>The campaign is opened on the city root (中共彭州市委员会), because the API test already opens this
 * year's campaigns on two towns in the shared database.
 */
@IntegrationTest
class SurveyLoopBrowserIT {

    static final String PASSWORD = "tierup2026";
    static final String REASON = "请补充流动党员管理和村级集体经济方面的问题。";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DemoCity demo;

    @BeforeEach
    void connect() {
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    @Test
    void theSurveyLoopFromOpeningTheCampaignToTheTownsSummary() throws Exception {
        long village = demo.orgOf("cun");
        String villageName = demo.orgName(village);
        assertThat(jdbc.sql("select parent_id from organization where id = :id").param("id", village).query(Long.class).single())
                .isEqualTo(demo.orgId(LICHUN));

        long campaign = adminOpensTheCityCampaign();
        String reportPath = "/survey/report?campaign=" + campaign + "&org=" + village;

        branchWritesAttachesAndSubmits(campaign, village, reportPath);
        townReturnsTheReport(villageName, reportPath);
        branchRevisesAndResubmits(reportPath);
        townAccepts(villageName, reportPath);
        branchCanNoLongerEdit(reportPath);
        townRecordsItsWorkAndReadsTheSummary(campaign, village);
        phonePages(campaign, reportPath);
    }

    /** 1. admin: 年度活动 → 开启新年度活动, the notice's dates prefilled; the survey moved to run now. */
    long adminOpensTheCityCampaign() {
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        browser.login("admin", PASSWORD);
        click(By.cssSelector("#sidebar a[href$='/campaigns']"));
        browser.visible(By.id("campaign-table"));
        click(By.linkText("开启新年度活动"));
        browser.await().until(d -> browser.path().startsWith("/campaigns/new"));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo("开启年度活动");

        // Prefilled with the notice's calendar for this year.
        assertThat(value("year")).isEqualTo(String.valueOf(year));
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo(year + "年度三分类三升级活动");
        assertThat(dateValue("surveyStartsOn")).isEqualTo(year + "-03-01");
        assertThat(dateValue("surveyDueOn")).isEqualTo(year + "-03-31");
        assertThat(dateValue("gradingDueOn")).isEqualTo(year + "-04-10");
        assertThat(dateValue("acceptanceDueOn")).isEqualTo(year + "-11-20");
        assertThat(browser.find(By.id("villageAdvancedShare")).getAttribute("value")).isEqualTo("40");
        browser.shot("survey-01-campaign-form");

        // The survey has started a few days ago (but this year), reports due in a few days; later phases after it.
        LocalDate start = today.minusDays(5).getYear() == year ? today.minusDays(5) : LocalDate.of(year, 1, 1);
        setDate("surveyStartsOn", start);
        setDate("surveyEndsOn", today.plusDays(12));
        setDate("surveyDueOn", today.plusDays(5));
        setDate("gradingStartsOn", today.plusDays(13));
        setDate("gradingEndsOn", today.plusDays(20));
        setDate("gradingDueOn", today.plusDays(15));
        setDate("upgradeStartsOn", today.plusDays(21));
        setDate("upgradeEndsOn", today.plusDays(40));
        setDate("upgradeDueOn", today.plusDays(40));
        setDate("acceptanceStartsOn", today.plusDays(41));
        setDate("acceptanceEndsOn", today.plusDays(60));
        setDate("acceptanceDueOn", today.plusDays(50));
        click(By.xpath("//main//form//button[@type='submit' and normalize-space()='开启活动']"));

        browser.await().until(d -> browser.path().matches("/campaigns/\\d+"));
        long campaign = Long.parseLong(browser.path().substring("/campaigns/".length()));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已开启：" + year + "年度三分类三升级活动");
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(year + "年度三分类三升级活动");
        assertThat(browser.driver().getPageSource()).contains("当前：现状大调查");
        List<String> survey = browser.all(By.cssSelector("#phase-table tbody tr:first-child td")).stream()
                .map(WebElement::getText).toList();
        assertThat(survey).containsExactly("现状大调查", start.toString(), today.plusDays(12).toString(),
                today.plusDays(5).toString(), "进行中");
        assertThat(jdbc.sql("select root_organization_id from campaign where id = :id").param("id", campaign)
                .query(Long.class).single()).isEqualTo(demo.orgId(CITY));
        browser.shot("survey-02-campaign-opened");
        return campaign;
    }

    /** 2. cun: the home page shows the report not started; writes it, saves, attaches, is stopped once, submits. */
    void branchWritesAttachesAndSubmits(long campaign, long village, String reportPath) throws Exception {
        browser.login("cun", PASSWORD);
        WebElement own = ownObligation();
        assertThat(browser.text(By.cssSelector("#desk .panel-title"))).isEqualTo(LocalDate.now().getYear() + "年度三分类三升级活动");
        assertThat(own.getText()).contains("自查报告", "未开始");
        browser.shot("survey-03-branch-home-not-started");
        click(own.findElement(By.linkText("打开")));
        browser.await().until(d -> browser.path().equals(reportPath));
        assertThat(browser.text(By.id("report-status"))).isEqualTo("未开始");

        browser.type(By.id("basicSituation"), "本村党支部现有党员，设党小组 3 个。坚持“三会一课”，村“两委”班子团结。");
        browser.type(By.id("mainProblems"), "党员老龄化，35 岁以下党员少；部分党员外出务工，参加组织生活不经常。");
        browser.type(By.id("causes"), "青年外出务工多，发展党员后继乏人；流动党员联系机制不健全。");
        browser.type(By.id("measures"), "在返乡青年和致富能手中培养入党积极分子；建立流动党员微信群，每月通报村务。");
        setDate("meetingOn", LocalDate.now());
        long roll = onRoll();
        assertThat(roll).isPositive();
        long attendance = Math.max(1, roll - 2);
        browser.type(By.id("meetingAttendance"), String.valueOf(attendance));
        // the village hosts a 远程教育站点: its part of the report, every required part written
        for (WebElement part : browser.all(By.cssSelector("#station-section textarea"))) {
            if (!part.getAttribute("id").endsWith("-extension")) {
                browser.type(By.id(part.getAttribute("id")), "站点每周开放两次，按月组织党员集中学习，设备运行良好。");
            }
        }
        click(By.id("save-btn"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("草稿已保存。");
        assertThat(browser.text(By.id("report-status"))).isEqualTo("草稿");
        assertThat(status(campaign, village)).isEqualTo("DRAFT");

        // A small real PDF: the minutes of the member meeting.
        Path dir = Files.createTempDirectory("tierup-upload-");
        Path pdf = dir.resolve("党员大会记录.pdf");
        Files.write(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes());
        browser.find(By.id("attachment-file")).sendKeys(pdf.toString());
        click(By.id("upload-btn"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("附件已上传：党员大会记录.pdf");
        assertThat(browser.text(By.id("attachment-list"))).contains("党员大会记录.pdf");
        // The draft text survived the upload.
        assertThat(browser.find(By.id("mainProblems")).getAttribute("value")).startsWith("党员老龄化");

        // Submitting with a section emptied is refused in Chinese, and nothing is handed in.
        browser.type(By.id("causes"), "");
        click(By.id("submit-btn"));
        acceptConfirm("确定提交吗");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("“问题产生的主要原因”还没有填写，请写完后再提交。");
        assertThat(status(campaign, village)).isEqualTo("DRAFT");
        // What was typed is still on the page.
        assertThat(browser.find(By.id("measures")).getAttribute("value")).startsWith("在返乡青年");
        browser.shot("survey-04-branch-submit-refused");

        browser.type(By.id("causes"), "青年外出务工多，发展党员后继乏人；流动党员联系机制不健全。");
        browser.shot("survey-05-branch-report-filled");
        click(By.id("submit-btn"));
        acceptConfirm("确定提交吗");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已提交，等待上级审核。");
        assertThat(browser.text(By.id("report-status"))).isEqualTo("已提交待审核");
        assertThat(browser.all(By.id("save-btn"))).isEmpty();
        assertThat(browser.text(By.id("report-text"))).contains("青年外出务工多", "参会 " + attendance + " 人");
        assertThat(browser.text(By.id("version-table"))).contains("第 1 版", "待审核");
        assertThat(status(campaign, village)).isEqualTo("SUBMITTED");
        browser.shot("survey-06-branch-submitted");
    }

    /** 3. zhen: the village is waiting for review on the home page; the town returns it with a reason. */
    void townReturnsTheReport(String villageName, String reportPath) {
        browser.login("zhen", PASSWORD);
        WebElement row = childRow(villageName);
        assertThat(row.getText()).contains("自查报告", "已提交待审核");
        assertThat(browser.text(By.cssSelector("#desk"))).contains("下级党组织进度");
        browser.shot("survey-07-town-home-waiting");
        click(row.findElement(By.linkText("审核")));
        browser.await().until(d -> browser.path().equals(reportPath));
        browser.visible(By.id("review-panel"));
        assertThat(browser.text(By.id("report-text"))).contains("党员老龄化");
        assertThat(browser.text(By.id("attachment-list"))).contains("党员大会记录.pdf");
        browser.type(By.id("reason"), REASON);
        browser.shot("survey-08-town-review");
        click(By.id("return-btn"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已退回，对方会在首页看到退回原因。");
        assertThat(browser.text(By.id("report-status"))).isEqualTo("已退回");
        assertThat(browser.all(By.id("review-panel"))).isEmpty();
        assertThat(browser.text(By.id("return-reason"))).contains(REASON, "等待下级修改后重新提交");
        browser.shot("survey-09-town-returned");
    }

    /** 4. cun: sees 已退回 and the reason, revises and hands in again; the record shows two versions. */
    void branchRevisesAndResubmits(String reportPath) {
        browser.login("cun", PASSWORD);
        WebElement own = ownObligation();
        assertThat(own.getText()).contains("已退回", "退回原因：" + REASON);
        browser.shot("survey-10-branch-home-returned");
        click(own.findElement(By.linkText("打开")));
        browser.await().until(d -> browser.path().equals(reportPath));
        assertThat(browser.text(By.id("report-status"))).isEqualTo("已退回");
        assertThat(browser.text(By.id("return-reason"))).contains(REASON, "请修改后重新提交");
        WebElement problems = browser.visible(By.id("mainProblems"));
        problems.sendKeys("\n流动党员 6 名，联系不畅；村级集体经济收入薄弱，服务群众缺少抓手。");
        click(By.id("submit-btn"));
        acceptConfirm("确定提交吗");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已提交，等待上级审核。");
        assertThat(browser.text(By.id("report-status"))).isEqualTo("已提交待审核");
        List<WebElement> versions = browser.all(By.cssSelector("#version-table tbody tr"));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).getText()).contains("第 2 版", "待审核");
        assertThat(versions.get(1).getText()).contains("第 1 版", "已退回", REASON);
        browser.shot("survey-11-branch-resubmitted");
    }

    /** 5. zhen accepts the revision. */
    void townAccepts(String villageName, String reportPath) {
        browser.login("zhen", PASSWORD);
        WebElement row = childRow(villageName);
        assertThat(row.getText()).contains("已提交待审核");
        click(row.findElement(By.linkText("审核")));
        browser.await().until(d -> browser.path().equals(reportPath));
        assertThat(browser.text(By.id("report-text"))).contains("村级集体经济收入薄弱");
        click(By.id("accept-btn"));
        acceptConfirm("确定通过吗");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已通过 " + villageName + " 的报告。");
        assertThat(browser.text(By.id("report-status"))).isEqualTo("已通过");
        List<WebElement> versions = browser.all(By.cssSelector("#version-table tbody tr"));
        assertThat(versions.get(0).getText()).contains("第 2 版", "已通过");
        browser.shot("survey-12-town-accepted");
        assertThat(childRow(villageName).getText()).contains("已通过");
    }

    /** cun: the accepted report is read-only, attachments too. */
    void branchCanNoLongerEdit(String reportPath) {
        browser.login("cun", PASSWORD);
        assertThat(ownObligation().getText()).contains("已通过");
        browser.open(reportPath);
        assertThat(browser.text(By.id("report-status"))).isEqualTo("已通过");
        browser.visible(By.id("report-text"));
        assertThat(browser.all(By.id("save-btn"))).isEmpty();
        assertThat(browser.all(By.id("submit-btn"))).isEmpty();
        assertThat(browser.all(By.id("attachment-file"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#attachment-list form"))).isEmpty();
        browser.shot("survey-13-branch-accepted-readonly");
    }

    /** 6. zhen records survey work and reads the 汇总表; screen and .xlsx agree with an independent count. */
    void townRecordsItsWorkAndReadsTheSummary(long campaign, long village) throws Exception {
        long town = demo.orgId(LICHUN);
        browser.login("zhen", PASSWORD);
        browser.open("/survey/activities?campaign=" + campaign);
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(LICHUN + " 调查工作记录");
        record("SYMPOSIUM", 2, null, "村党支部书记座谈会");
        record("QUESTIONNAIRE", 120, 110, "党员 84 份、群众 36 份");
        // A returned count above the issued one is refused beside the form, nothing recorded.
        record("QUESTIONNAIRE", 10, 11, null);
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("问卷回收份数应在 0 到发放份数之间。");
        List<WebElement> rows = browser.all(By.cssSelector("#activity-table tbody tr"));
        assertThat(rows).hasSize(2);
        browser.shot("survey-14-town-activities");
        // The town also records the home visits made in the village.
        browser.open("/survey/activities?campaign=" + campaign + "&org=" + village);
        record("HOME_VISIT", 15, null, "走访老党员、困难群众");
        assertThat(browser.all(By.cssSelector("#activity-table tbody tr"))).hasSize(1);

        browser.open("/survey/summary?campaign=" + campaign);
        browser.visible(By.id("summary-table"));
        List<String> total = browser.all(By.cssSelector("#summary-table tfoot td")).stream().map(WebElement::getText).toList();
        assertThat(total.get(0)).isEqualTo("合计");
        List<Long> shown = total.subList(1, total.size()).stream().map(Long::parseLong).toList();
        List<Long> expected = independentTotals(campaign, town);
        assertThat(shown).isEqualTo(expected);
        // What this journey did, in the columns the office reads.
        assertThat(shown.get(3)).as("已报").isEqualTo(1);
        assertThat(shown.get(4)).as("已通过").isEqualTo(1);
        assertThat(shown.get(5)).as("座谈会").isEqualTo(2);
        assertThat(shown.get(6)).as("入户走访").isEqualTo(15);
        assertThat(shown.get(8)).as("纸质发放").isEqualTo(120);
        assertThat(shown.get(9)).as("纸质回收").isEqualTo(110);
        assertThat(shown.get(11)).as("回收合计").isEqualTo(110 + shown.get(10));
        assertThat(browser.text(By.id("paper-online-note"))).contains("纸质为各级在调查记录中登记", "网上为党员群众", "回收合计 = 纸质回收 + 网上答卷");
        // The village's own line carries its report and visits.
        WebElement villageRow = browser.find(By.xpath("//table[@id='summary-table']/tbody/tr[td[2]/a[normalize-space()='"
                + demo.orgName(village) + "']]"));
        List<String> villageCells = villageRow.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(villageCells.subList(4, 9)).containsExactly("1", "1", "1", "0", "15");
        browser.shot("survey-15-town-summary");

        // The .xlsx through the page's own link, with the browser's session.
        String href = browser.find(By.id("summary-xlsx")).getAttribute("href");
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        Cookie session = browser.driver().manage().getCookieNamed("SESSION");
        assertThat(session != null || cookies.contains("JSESSIONID")).as("a session cookie").isTrue();
        HttpResponse<byte[]> xlsx = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("基层党组织现状大调查情况汇总表");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("单位");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("自查报告（份）");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("应报");
            assertThat(sheet.getRow(3).getCell(10).getStringCellValue()).isEqualTo("纸质发放");
            assertThat(sheet.getRow(3).getCell(11).getStringCellValue()).isEqualTo("纸质回收");
            assertThat(sheet.getRow(3).getCell(12).getStringCellValue()).isEqualTo("网上答卷");
            assertThat(sheet.getRow(3).getCell(13).getStringCellValue()).isEqualTo("回收合计");
            // the total, then the line saying what 纸质 and 网上 count
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).startsWith("注：纸质为");
            Row last = sheet.getRow(sheet.getLastRowNum() - 1);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合计");
            for (int i = 0; i < expected.size(); i++) {
                assertThat((long) last.getCell(2 + i).getNumericCellValue()).as("xlsx column %d", 2 + i).isEqualTo(expected.get(i));
            }
            // One line per village (as on screen), the town's own line, the total.
            int screenRows = browser.all(By.cssSelector("#summary-table tbody tr")).size();
            assertThat(sheet.getLastRowNum() - 4).isEqualTo(screenRows + 1);
        }
    }

    /** 7. The branch's pages and the town's table on a phone. */
    void phonePages(long campaign, String reportPath) {
        browser.phone();
        try {
            browser.login("cun", PASSWORD);
            browser.visible(By.id("desk"));
            assertThat(scrollWidth()).isLessThanOrEqualTo(390);
            // The desk reads as a card: the status and the button are on the screen, not off to the side.
            assertOnScreen(ownObligation().findElement(By.linkText("打开")));
            assertThat(ownObligation().getText()).contains("已通过");
            browser.shot("survey-phone-01-branch-home");
            browser.open(reportPath);
            browser.visible(By.id("report-text"));
            assertThat(scrollWidth()).isLessThanOrEqualTo(390);
            browser.shot("survey-phone-02-branch-report");
            browser.login("zhen", PASSWORD);
            browser.visible(By.id("desk"));
            assertThat(scrollWidth()).isLessThanOrEqualTo(390);
            List<WebElement> buttons = browser.all(By.cssSelector("#desk .child-progress a.btn"));
            assertThat(buttons).isNotEmpty();
            buttons.forEach(this::assertOnScreen);
            browser.shot("survey-phone-03-town-home");
            click(By.linkText("查看"));
            browser.visible(By.cssSelector("h1.page-title"));
            assertThat(scrollWidth()).isLessThanOrEqualTo(390);
            // The 汇总表 stays a table; it scrolls sideways inside its panel, not the page.
            browser.open("/survey/summary?campaign=" + campaign);
            browser.visible(By.id("summary-table"));
            assertThat(scrollWidth()).isLessThanOrEqualTo(390);
            browser.shot("survey-phone-04-town-summary");
        } finally {
            browser.desktop();
        }
    }

    // --- the independent count ---

    /** The 合计 row computed straight from the tables, in the table's column order after 单位. */
    List<Long> independentTotals(long campaign, long town) {
        String subtree = "o.path like (select path from organization where id = :t) || '%' and o.retired = false";
        long orgs = count("select count(*) from organization o where " + subtree, campaign, town);
        long members = count("select count(*) from member m join organization o on o.id = m.organization_id where " + subtree
                + " and m.status = 'ACTIVE' and m.category in ('FULL', 'PROBATIONARY')", campaign, town);
        String leaf = " and not exists (select 1 from organization x where x.parent_id = o.id and x.retired = false)";
        long owed = count("select count(*) from organization o where " + subtree + leaf, campaign, town);
        String reports = "select count(*) from survey_report r join organization o on o.id = r.organization_id where r.campaign_id = :c"
                + " and r.type = 'SELF_INSPECTION' and " + subtree + leaf;
        long handed = count(reports + " and r.status in ('SUBMITTED', 'ACCEPTED')", campaign, town);
        long accepted = count(reports + " and r.status = 'ACCEPTED'", campaign, town);
        String activity = "select coalesce(sum(a.amount), 0) from survey_activity a join organization o on o.id = a.organization_id"
                + " where a.campaign_id = :c and o.path like (select path from organization where id = :t) || '%' and a.kind = ";
        long returned = count("select coalesce(sum(a.returned_count), 0) from survey_activity a join organization o on o.id = a.organization_id"
                + " where a.campaign_id = :c and o.path like (select path from organization where id = :t) || '%'", campaign, town);
        // Answer sheets of online questionnaires (网上) are issued and returned at once; online 民主测评 evaluators apart.
        String sheets = "select coalesce(sum(t.n), 0) from questionnaire q join organization o on o.id = q.organization_id"
                + " join questionnaire_tally t on t.questionnaire_id = q.id and t.question_key = '*'"
                + " where q.campaign_id = :c and o.path like (select path from organization where id = :t) || '%' and q.audience ";
        long online = count(sheets + "<> 'EVALUATOR_GROUPS'", campaign, town);
        long onlineEvaluators = count(sheets + "= 'EVALUATOR_GROUPS'", campaign, town);
        long paperEvaluators = count(activity + "'APPRAISAL'", campaign, town);
        return List.of(orgs, members, owed, handed, accepted,
                count(activity + "'SYMPOSIUM'", campaign, town), count(activity + "'HOME_VISIT'", campaign, town),
                count(activity + "'INTERVIEW'", campaign, town), count(activity + "'QUESTIONNAIRE'", campaign, town), returned,
                online, returned + online, count(activity + "'CASE_STUDY'", campaign, town), paperEvaluators, onlineEvaluators,
                paperEvaluators + onlineEvaluators);
    }

    long count(String sql, long campaign, long town) {
        var spec = jdbc.sql(sql);
        if (sql.contains(":c")) {
            spec = spec.param("c", campaign);
        }
        return spec.param("t", town).query(Long.class).single();
    }

    // --- page helpers ---

    String status(long campaign, long org) {
        return jdbc.sql("select status from survey_report where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", org).query(String.class).single();
    }

    /** The home page's 自查报告 line of the user's own organisation. */
    WebElement ownObligation() {
        browser.open("/");
        return browser.visible(By.xpath("//div[@id='desk']//table[contains(@class,'own-obligations')]/tbody/tr[td[1][normalize-space()='自查报告']]"));
    }

    /** The home page's line of one child organisation under 下级党组织进度. */
    WebElement childRow(String name) {
        browser.open("/");
        return browser.visible(By.xpath("//div[@id='desk']//table[contains(@class,'child-progress')]/tbody/tr[td[1]/a[normalize-space()='"
                + name + "']]"));
    }

    void record(String kind, int amount, Integer returned, String note) {
        new Select(browser.visible(By.id("kind"))).selectByValue(kind);
        setDate("occurredOn", LocalDate.now());
        browser.type(By.id("amount"), String.valueOf(amount));
        browser.type(By.id("returnedCount"), returned == null ? "" : String.valueOf(returned));
        browser.type(By.id("note"), note == null ? "" : note);
        click(By.id("record-btn"));
        if (returned == null || returned <= amount) {
            assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已登记");
        }
    }

    /** The members on the roll, as the attendance label states it: 参会党员人数（在册 N 名）. */
    long onRoll() {
        String label = browser.text(By.cssSelector("label[for=meetingAttendance]"));
        Matcher m = Pattern.compile("在册 (\\d+) 名").matcher(label);
        assertThat(m.find()).as(label).isTrue();
        return Long.parseLong(m.group(1));
    }

    void acceptConfirm(String contains) {
        browser.acceptConfirm(contains);
    }

    String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    String dateValue(String name) {
        return browser.find(By.name(name)).getAttribute("value");
    }

    /** Date inputs are set as the browser stores them (typing into them depends on the locale). */
    void setDate(String name, LocalDate date) {
        browser.js("document.getElementsByName(arguments[0])[0].value = arguments[1];", name, date.toString());
    }

    /** Clicks like a user: the element scrolled to the middle of the screen first. */
    void click(By by) {
        click(browser.visible(by));
    }

    void click(WebElement e) {
        // Bootstrap makes scrolling smooth: scroll at once, or the click lands while the page still moves.
        browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    void assertOnScreen(WebElement e) {
        Number right = (Number) browser.js("return arguments[0].getBoundingClientRect().right;", e);
        assertThat(right.doubleValue()).as("right edge of %s", e.getText()).isLessThanOrEqualTo(390);
    }

    int scrollWidth() {
        return ((Number) browser.js("return document.documentElement.scrollWidth")).intValue();
    }
}
