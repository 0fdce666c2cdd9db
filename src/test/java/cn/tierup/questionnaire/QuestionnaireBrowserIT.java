package cn.tierup.questionnaire;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Questionnaires through the real pages. The admin launches the 镇、村 questionnaire for 致和镇 (a large
 * town: 200 respondents at 7:3) in open mode and in code mode and prints codes; respondents without an
 * account answer on a phone in a browser of their own — are stopped by an empty required question, see
 * the conditional question come and go, are thanked, and are refused a second time (same browser, used
 * code, forged code); the admin sees the quota progress and the statistics move, on screen, as ECharts
 * bars and as .xlsx; an evaluator answers the 民主测评 by group. Screenshots go to target/screenshots/.
 *
 * <p>The campaign is opened (through the API) on 致和镇 for the current year: the other tests use the
 * city, 丽春镇, 九尺镇 and 濛阳镇 in the shared database.
 */
@IntegrationTest
class QuestionnaireBrowserIT {

    static final String PASSWORD = "tierup2026";
    static final String ZHIHE = "中共彭州市致和镇委员会";
    static final String VILLAGE_TITLE = "镇、村党组织问卷调查表";
    static final String APPRAISAL_TITLE = "基层党建工作民主测评表";

    /** The organisation department's desktop. */
    @RegisterExtension
    static final BrowserSupport office = new BrowserSupport();
    /** A resident's phone: its own browser profile, never signed in. */
    @RegisterExtension
    static final BrowserSupport phone = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DemoCity demo;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JsonMapper json;

    @BeforeEach
    void connect() {
        office.baseUrl("http://localhost:" + port);
        office.desktop();
        phone.baseUrl("http://localhost:" + port);
        phone.phone();
    }

    @Test
    void respondentsAnswerOnAPhoneOnceEachAndTheOfficeSeesTheFiguresMove() throws Exception {
        long town = demo.orgId(ZHIHE);
        long campaign = openCampaign(town);

        Launched open = launchOpen(campaign, town);
        Launched coded = launchCodedAndPrintCodes(campaign, town);

        answerOpenOnAPhone(open);
        answerWithCodes(coded);
        officeSeesProgressAndStatistics(open, coded);
        appraisal(campaign, town);
    }

    record Launched(long id, String slug, List<String> codes, String closingKey) {
        Launched(long id, String slug, List<String> codes) {
            this(id, slug, codes, null);
        }
    }

    /** This year's campaign on 致和镇, the survey running since a few days. */
    long openCampaign(long town) throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusDays(5).getYear() == today.getYear() ? today.minusDays(5) : today;
        String body = """
                {"rootOrganizationId": %d, "year": %d,
                 "surveyStartsOn": "%s", "surveyEndsOn": "%s", "surveyDueOn": "%s",
                 "gradingStartsOn": "%s", "gradingEndsOn": "%s", "gradingDueOn": "%s",
                 "upgradeStartsOn": "%s", "upgradeEndsOn": "%s", "upgradeDueOn": "%s",
                 "acceptanceStartsOn": "%s", "acceptanceEndsOn": "%s", "acceptanceDueOn": "%s"}
                """.formatted(town, today.getYear(), start, start.plusDays(30), start.plusDays(30),
                start.plusDays(31), start.plusDays(60), start.plusDays(40), start.plusDays(61), start.plusDays(200),
                start.plusDays(200), start.plusDays(201), start.plusDays(260), start.plusDays(220));
        String out = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(out).get("id").asLong();
    }

    /** 1. admin: 问卷调查 → 发布问卷, the 镇、村 questionnaire, open mode; the link, QR code and 0 / 200. */
    Launched launchOpen(long campaign, long town) {
        office.login("admin", PASSWORD);
        office.open("/questionnaires?campaign=" + campaign + "&org=" + town);
        assertThat(office.text(By.cssSelector("h1.page-title"))).isEqualTo(ZHIHE + " 问卷调查");
        assertThat(office.text(By.id("questionnaire-table"))).contains("还没有发布问卷");
        click(office, By.linkText("发布问卷"));
        office.await().until(d -> office.path().startsWith("/questionnaires/new"));
        // The town's default is the village questionnaire, and the notice's quota for a large town.
        Select template = new Select(office.visible(By.id("templateId")));
        assertThat(template.getFirstSelectedOption().getText()).isEqualTo(VILLAGE_TITLE);
        // Left empty, the notice's default applies: 200 at 7:3 for this town's questionnaire, 50 for a 民主测评.
        assertThat(office.find(By.id("quotaMinimum")).getAttribute("value")).isEmpty();
        assertThat(office.find(By.id("quotaMinimum")).getAttribute("placeholder")).contains("200 人", "民主测评 50 人");
        assertThat(office.find(By.id("quotaMemberShare")).getAttribute("placeholder")).contains("70");
        click(office, By.id("mode-OPEN"));
        office.shot("questionnaire-01-launch-form");
        click(office, By.id("launch-btn"));

        long id = detailId();
        assertThat(office.text(By.cssSelector(".alert-success"))).contains("问卷已发布");
        assertThat(office.text(By.cssSelector("h1.page-title"))).isEqualTo(VILLAGE_TITLE);
        assertThat(office.text(By.id("quota-total"))).isEqualTo("0 人（最少 200 人）");
        assertThat(office.text(By.id("quota-panel"))).contains("党员∶群众 70∶30", "党员 0 名（至少 140 名），群众 0 名（至少 60 名）",
                "未完成 还差 140 名党员、60 名群众");
        String link = office.text(By.id("answer-link"));
        assertThat(link).startsWith("http://localhost:" + port + "/q/");
        String slug = link.substring(link.lastIndexOf('/') + 1);
        assertThat(slug).isNotBlank();
        WebElement qr = office.visible(By.cssSelector("img.qr"));
        office.await().until(d -> ((Number) office.js("return arguments[0].naturalWidth", qr)).intValue() > 0);
        assertThat(((Number) office.js("return arguments[0].naturalWidth", qr)).intValue()).isEqualTo(600);
        assertThat(office.all(By.cssSelector("#statistics .stats-chart"))).as("no bars before any answer").isEmpty();
        office.shot("questionnaire-02-open-detail");
        return new Launched(id, slug, List.of());
    }

    /** 1b. A second one in 答题码式 mode; 印制答题码 5 → the printable slips; two codes kept. */
    Launched launchCodedAndPrintCodes(long campaign, long town) {
        office.open("/questionnaires/new?campaign=" + campaign + "&org=" + town);
        new Select(office.visible(By.id("templateId"))).selectByVisibleText(VILLAGE_TITLE);
        click(office, By.id("mode-CODED"));
        click(office, By.id("launch-btn"));
        // the closing key, printed once: the answers are sealed to it until the count
        String closingKey = office.text(By.cssSelector("#closing-key .code"));
        assertThat(closingKey).matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        assertThat(office.text(By.cssSelector(".codes-note"))).contains("只显示这一次");
        office.shot("questionnaire-03a-closing-key");
        click(office, By.id("to-questionnaire"));
        long id = detailId();
        String link = office.text(By.id("answer-link"));
        String slug = link.substring(link.lastIndexOf('/') + 1);
        assertThat(office.text(By.id("quota-panel"))).contains("已印制 0 个，已使用 0 个");
        office.type(By.name("count"), "5");
        click(office, By.xpath("//button[normalize-space()='印制答题码']"));
        office.await().until(d -> !office.all(By.cssSelector(".code-slip")).isEmpty());
        List<String> codes = office.all(By.cssSelector(".code-slip .code")).stream().map(WebElement::getText).toList();
        assertThat(codes).hasSize(5).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z0-9]{4}-[A-Z0-9]{4}"));
        assertThat(office.text(By.cssSelector(".no-print"))).contains("只显示这一次");
        office.shot("questionnaire-03-printable-codes");

        office.open("/questionnaires/" + id);
        assertThat(office.text(By.id("quota-panel"))).contains("已印制 5 个，已使用 0 个");
        office.open("/questionnaires?campaign=" + campaign + "&org=" + town);
        List<WebElement> rows = office.all(By.cssSelector("#questionnaire-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(office.text(By.id("questionnaire-table"))).contains("开放", "答题码", "未完成 还差 140 名党员、60 名群众");
        office.shot("questionnaire-04-list");
        return new Launched(id, slug, codes.subList(0, 2), closingKey);
    }

    /** 2. A resident at 390 px: the form, a missing answer, the conditional question, thanks, a second try refused. */
    void answerOpenOnAPhone(Launched q) throws Exception {
        phone.open("/q/" + q.slug());
        assertThat(phone.text(By.cssSelector("main h1"))).isEqualTo(VILLAGE_TITLE);
        assertThat(phone.text(By.cssSelector("main"))).contains("本问卷不记名", "您的身份", "党员", "群众");
        assertFitsThePhone();
        // Every choice is a large touch target.
        for (WebElement choice : phone.all(By.cssSelector("label.choice"))) {
            assertThat(choice.getSize().getHeight()).as("height of %s", choice.getText()).isGreaterThanOrEqualTo(44);
        }

        // The conditional question (流动党员 problems) appears only with q6 = 否, and goes again.
        WebElement q7 = phone.find(By.id("question-q7"));
        assertThat(q7.isDisplayed()).isFalse();
        choose("q6", 2);
        phone.await().until(d -> q7.isDisplayed());
        choose("q6", 0);
        phone.await().until(d -> !q7.isDisplayed());
        choose("q6", 2);
        phone.await().until(d -> q7.isDisplayed());

        chooseCategory("MEMBER");
        fillVillage(true);
        phone.type(By.cssSelector("#question-q7 input.text"), "外出务工党员多，联系不上");
        // q9 left empty on purpose.
        uncheck("q9");
        phone.shot("questionnaire-phone-01-form");
        bottomShot("questionnaire-phone-01b-form-end");
        submit();
        assertThat(phone.text(By.cssSelector(".alert"))).startsWith("有 1 道题需要修改，请查看标红的题目；您的回答尚未提交。")
                .endsWith("请修改：第 9 题");
        assertThat(phone.find(By.cssSelector(".alert a")).getAttribute("href")).endsWith("#question-q9");
        WebElement q9 = phone.visible(By.id("question-q9"));
        assertThat(q9.getAttribute("class")).contains("has-problem");
        assertThat(q9.findElement(By.cssSelector(".problem")).getText()).isEqualTo("此题为必答题，请作答。");
        // What was answered is still there, the conditional question too.
        assertThat(phone.find(By.cssSelector("input[name=category][value=MEMBER]")).isSelected()).isTrue();
        assertThat(phone.find(By.cssSelector("#question-q1 input[value='0']")).isSelected()).isTrue();
        assertThat(phone.find(By.cssSelector("#question-q7")).isDisplayed()).isTrue();
        assertThat(phone.find(By.cssSelector("#question-q7 input.text")).getAttribute("value")).isEqualTo("外出务工党员多，联系不上");
        assertThat(responses(q.id())).isZero();
        assertFitsThePhone();
        phone.shot("questionnaire-phone-02-error");

        choose("q9", 1);
        submit();
        phone.await().until(d -> phone.path().equals("/q/" + q.slug() + "/thanks"));
        assertThat(phone.text(By.cssSelector(".done.ok"))).contains("提交成功，感谢您的参与");
        assertThat(responses(q.id())).isEqualTo(1);
        assertFitsThePhone();
        phone.shot("questionnaire-phone-03-thanks");

        // Back to the link from the same browser: it says at once that this browser has answered — no form to fill
        // in again for nothing — and nothing more is stored.
        phone.driver().navigate().back();
        phone.open("/q/" + q.slug());
        assertThat(phone.text(By.cssSelector(".done"))).contains("您已经提交过本问卷，每人只能提交一次。感谢您的参与！");
        assertThat(phone.all(By.cssSelector("button.submit"))).isEmpty();
        assertThat(responses(q.id())).isEqualTo(1);
        phone.shot("questionnaire-phone-04-already-submitted");

        // Another resident (a browser with no answering cookie) answers as 群众, q6 not 否: q7 stays hidden.
        phone.driver().manage().deleteAllCookies();
        phone.open("/q/" + q.slug());
        chooseCategory("PUBLIC");
        fillVillage(false);
        assertThat(phone.find(By.id("question-q7")).isDisplayed()).isFalse();
        submit();
        phone.await().until(d -> phone.path().equals("/q/" + q.slug() + "/thanks"));
        assertThat(responses(q.id())).isEqualTo(2);
        // The stored answers keep the conditional text only where it was asked.
        List<String> stored = jdbc.sql("select answers from questionnaire_response where questionnaire_id = :q")
                .param("q", q.id()).query(String.class).list();
        assertThat(stored.stream().filter(a -> a.contains("外出务工党员多")).count()).isEqualTo(1);
    }

    /** 3. Code mode at 390 px: a code answers once; used again or forged, it is refused. */
    void answerWithCodes(Launched q) {
        String first = q.codes().get(0);
        String second = q.codes().get(1);
        phone.open("/q/" + q.slug());
        assertThat(phone.visible(By.name("code")).getAttribute("placeholder")).isEqualTo("如 AB3D-7KQ2");
        chooseCategory("PUBLIC");
        phone.type(By.name("code"), first.toLowerCase());
        fillVillage(false);
        assertFitsThePhone();
        phone.shot("questionnaire-phone-05-coded-form");
        submit();
        // the sealed answer's receipt, shown this once on the answer to the submission
        phone.await().until(d -> !phone.all(By.id("receipt")).isEmpty());
        assertThat(phone.text(By.cssSelector(".done.ok"))).contains("提交成功");
        String receipt = phone.text(By.id("receipt")).replaceAll(".*：", "");
        assertThat(receipt).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertFitsThePhone();
        phone.shot("questionnaire-phone-05b-coded-receipt");

        phone.open("/q/" + q.slug());
        chooseCategory("PUBLIC");
        phone.type(By.name("code"), first);
        fillVillage(false);
        submit();
        assertThat(phone.text(By.cssSelector(".alert"))).contains("已经使用过");
        // The code box is marked and keeps what was typed, to check against the slip.
        assertThat(phone.find(By.name("code")).getAttribute("value")).isEqualTo(first);
        assertThat(phone.find(By.name("code")).findElement(By.xpath("./ancestor::fieldset[1]")).getAttribute("class"))
                .contains("has-problem");
        phone.shot("questionnaire-phone-06-code-used");

        phone.open("/q/" + q.slug());
        chooseCategory("MEMBER");
        phone.type(By.name("code"), "ZZZZ-ZZZZ");
        fillVillage(false);
        submit();
        assertThat(phone.text(By.cssSelector(".alert"))).contains("答题码无效");
        assertThat(sealed(q.id())).isEqualTo(1);

        phone.open("/q/" + q.slug());
        chooseCategory("MEMBER");
        phone.type(By.name("code"), second);
        fillVillage(false);
        submit();
        phone.await().until(d -> !phone.all(By.id("receipt")).isEmpty());
        assertThat(sealed(q.id())).isEqualTo(2);
        assertThat(responses(q.id())).as("nothing answered is readable before the count").isZero();
        receipts.add(receipt);
    }

    final List<String> receipts = new java.util.ArrayList<>();

    long sealed(long questionnaireId) {
        return jdbc.sql("select count(*) from questionnaire_sealed where questionnaire_id = :q").param("q", questionnaireId)
                .query(Long.class).single();
    }

    /** 4. admin: the progress moved (党员/群众), the statistics show the counts and bars, the .xlsx adds up. */
    void officeSeesProgressAndStatistics(Launched open, Launched coded) throws Exception {
        office.open("/questionnaires/" + coded.id());
        // sealed: their number only, until the organiser's key counts them
        assertThat(office.text(By.id("quota-panel"))).contains("已收到密封答卷 2 份（最少 200 份）", "已印制 5 个，已使用 2 个");
        assertThat(office.text(By.id("sealing-panel"))).contains("已收到密封答卷 2 份，等待计票");
        assertThat(office.text(By.cssSelector("#statistics .panel-title"))).isEqualTo("逐题统计（共 0 人）");
        assertThat(office.text(By.id("stats-sealed"))).contains("计票后在此显示逐题统计");
        assertThat(office.all(By.cssSelector("#statistics table"))).isEmpty();
        office.shot("questionnaire-04b-sealed");
        office.type(By.id("closingKey"), "0000-0000-0000-0000-0000-0000");
        office.click(office.visible(By.id("count-btn")));
        office.acceptConfirm("计票后本问卷即结束");
        office.await().until(d -> office.text(By.cssSelector(".alert")).contains("计票密钥不对"));
        office.type(By.id("closingKey"), coded.closingKey().toLowerCase());
        office.click(office.visible(By.id("count-btn")));
        office.acceptConfirm("计票后本问卷即结束");
        office.await().until(d -> !office.all(By.id("counted-line")).isEmpty());
        assertThat(office.text(By.cssSelector(".alert"))).contains("计票完成：计入答卷 2 份");
        assertThat(office.text(By.id("quota-total"))).isEqualTo("2 人（最少 200 人）");
        assertThat(office.text(By.id("quota-panel"))).contains("党员 1 名（至少 140 名），群众 1 名（至少 60 名）", "已印制 5 个，已使用 2 个",
                "未完成 还差 139 名党员、59 名群众");
        office.shot("questionnaire-04c-counted");
        // the link now lists the receipts counted: the resident finds theirs
        phone.open("/q/" + coded.slug());
        assertThat(phone.text(By.id("receipts"))).contains(receipts.get(0));
        assertFitsThePhone();
        phone.shot("questionnaire-phone-07-receipts");

        office.open("/questionnaires/" + open.id());
        assertThat(office.text(By.id("quota-total"))).isEqualTo("2 人（最少 200 人）");
        assertThat(office.text(By.id("quota-panel"))).contains("至少 200 人，其中党员至少 140 名、群众至少 60 名",
                "党员 1 名（至少 140 名），群众 1 名（至少 60 名）", "未完成 还差 139 名党员、59 名群众");
        assertThat(office.text(By.cssSelector("#statistics .panel-title"))).isEqualTo("逐题统计（共 2 人）");
        // q1: both chose 满意 (one 党员, one 群众).
        WebElement q1 = office.find(By.xpath("(//table[contains(@class,'stats-table')])[1]"));
        List<String> head = q1.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        assertThat(head).containsExactly("选项", "党员", "群众", "合计", "占比（%）");
        List<String> first = q1.findElements(By.cssSelector("tbody tr:first-child td")).stream().map(WebElement::getText).toList();
        assertThat(first).containsExactly("满意", "1", "1", "2", "100.00");
        // The conditional text answer is listed under its question.
        assertThat(office.text(By.id("statistics"))).contains("外出务工党员多，联系不上");
        // ECharts draws an SVG into every chart box, at once (no animation under WebDriver).
        int charts = office.all(By.cssSelector("#statistics .stats-chart")).size();
        assertThat(charts).isEqualTo(9);
        office.await().until(d -> office.all(By.cssSelector("#statistics .stats-chart svg")).size() == charts);
        assertThat(office.find(By.cssSelector("#statistics .stats-chart")).getSize().getHeight()).isGreaterThanOrEqualTo(120);
        office.shot("questionnaire-05-statistics");

        // 导出 Excel with the browser's session.
        String href = office.find(By.id("stats-xlsx")).getAttribute("href");
        String cookies = office.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> xlsx = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith("统计表");
            // the total, then the line saying how the shares are computed
            Row last = sheet.getRow(sheet.getLastRowNum() - 1);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("答卷合计");
            assertThat((long) last.getCell(1).getNumericCellValue()).as("党员").isEqualTo(1);
            assertThat((long) last.getCell(2).getNumericCellValue()).as("群众").isEqualTo(1);
            assertThat((long) last.getCell(3).getNumericCellValue()).as("合计").isEqualTo(2);
        }
        // Without a session the export is not given out.
        HttpResponse<byte[]> anonymous = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(href)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isNotEqualTo(200);
    }

    /** 5. The 基层党建工作民主测评表: launched, answered by an evaluator group on a phone, counted by group. */
    void appraisal(long campaign, long town) {
        office.open("/questionnaires/new?campaign=" + campaign + "&org=" + town);
        new Select(office.visible(By.id("templateId"))).selectByVisibleText(APPRAISAL_TITLE);
        click(office, By.id("mode-OPEN"));
        click(office, By.id("launch-btn"));
        long id = detailId();
        assertThat(office.text(By.id("quota-total"))).isEqualTo("0 人（最少 50 人）");
        String link = office.text(By.id("answer-link"));
        String slug = link.substring(link.lastIndexOf('/') + 1);

        phone.open("/q/" + slug);
        assertThat(phone.text(By.cssSelector("main h1"))).isEqualTo(APPRAISAL_TITLE);
        assertThat(phone.text(By.cssSelector("main"))).contains("您的身份类别", "基层干部", "派驻机构负责人", "企事业单位党组织负责人",
                "“两代表一委员”", "普通党员群众代表");
        assertThat(phone.all(By.cssSelector("input[name=category][value=MEMBER]"))).isEmpty();
        chooseCategory("DEPUTIES");
        for (int k = 1; k <= 7; k++) {
            choose("q" + k, k == 6 ? 1 : 0);
        }
        phone.type(By.cssSelector("#question-q8 textarea"), "希望多听取两代表一委员的意见。");
        assertFitsThePhone();
        phone.shot("questionnaire-phone-07-appraisal-form");
        submit();
        phone.await().until(d -> phone.path().equals("/q/" + slug + "/thanks"));
        phone.shot("questionnaire-phone-08-appraisal-thanks");

        office.open("/questionnaires/" + id);
        assertThat(office.text(By.id("quota-total"))).isEqualTo("1 人（最少 50 人）");
        assertThat(office.text(By.id("quota-panel"))).contains("“两代表一委员” 1 人", "基层干部 0 人", "未完成 还差 49 人");
        List<String> head = office.find(By.xpath("(//table[contains(@class,'stats-table')])[1]"))
                .findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        assertThat(head).contains("基层干部", "“两代表一委员”", "合计");
        office.await().until(d -> !office.all(By.cssSelector("#statistics .stats-chart svg")).isEmpty());
        office.shot("questionnaire-06-appraisal-detail");
    }

    // --- helpers ---

    long responses(long questionnaireId) {
        return jdbc.sql("select count(*) from questionnaire_response where questionnaire_id = :q").param("q", questionnaireId)
                .query(Long.class).single();
    }

    long detailId() {
        office.await().until(d -> office.path().matches("/questionnaires/\\d+"));
        return Long.parseLong(office.path().substring("/questionnaires/".length()));
    }

    /** A complete answer to the village questionnaire, as a finger would give it (q6 left as it is when keepQ6). */
    void fillVillage(boolean keepQ6) {
        for (String key : List.of("q1", "q2", "q3", "q4", "q5", "q9", "q10")) {
            choose(key, 0);
        }
        if (!keepQ6) {
            choose("q6", 0);
        }
        for (int option : List.of(0, 2)) {
            WebElement box = phone.find(By.cssSelector("#question-q8 input[value='" + option + "']"));
            if (!box.isSelected()) {
                tap(box);
            }
        }
    }

    void chooseCategory(String category) {
        tap(phone.find(By.cssSelector("input[name=category][value=" + category + "]")));
    }

    /** Taps the label of an option (the whole row is the touch target). */
    void choose(String key, int option) {
        tap(phone.find(By.cssSelector("#question-" + key + " input[value='" + option + "']")));
    }

    void tap(WebElement input) {
        WebElement label = input.findElement(By.xpath("./ancestor::label[1]"));
        phone.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", label);
        label.click();
    }

    /** A radio cannot be unticked by a finger; this only makes sure the test leaves the question empty. */
    void uncheck(String key) {
        phone.js("document.querySelectorAll('#question-' + arguments[0] + ' input').forEach(function (i) { i.checked = false; });", key);
    }

    void submit() {
        WebElement button = phone.visible(By.cssSelector("button.submit"));
        assertThat(button.getText()).isEqualTo("提 交");
        assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(48);
        phone.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        // A mark on the old page: gone once the browser shows the answer to the submission. A form with answers
        // missing is not sent: the page lists them itself (a list shown before is taken away first).
        phone.js("window.tierupBeforeSubmit = true; var a = document.getElementById('answer-problems'); if (a) { a.remove(); }");
        button.click();
        phone.await().ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                phone.js("return !window.tierupBeforeSubmit && document.readyState === 'complete'"
                        + " || window.tierupBeforeSubmit === true && document.getElementById('answer-problems') !== null")));
    }

    /** The screen a resident sees at the end of the form (full-page shots stop at a height limit). */
    void bottomShot(String name) throws java.io.IOException {
        phone.js("window.scrollTo(0, document.documentElement.scrollHeight)");
        byte[] png = phone.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        java.nio.file.Files.write(BrowserSupport.screenshotDir().resolve(name + ".png"), png);
    }

    void assertFitsThePhone() {
        int width = ((Number) phone.js("return document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("page width at 390 px").isLessThanOrEqualTo(390);
    }

    static void click(BrowserSupport browser, By by) {
        WebElement e = browser.visible(by);
        browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }
}
