package cn.tierup.upgrade;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.testsupport.DemoCity.CITY;
import static cn.tierup.testsupport.DemoCity.LICHUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 晋位升级 through the real pages, as new users would walk it. Set up quickly (the city's campaign of a
 * past year of this class's own ({@link CampaignFixture}) with the notice's calendar, opened through the
 * API; the village of the demo account {@code cun} graded 后进 and a neighbour 先进 through the five steps without a user); then the village
 * ({@code cun}) finds its goal from the campaign page, hands it in without measures (refused, the statement
 * kept) and with a measure lacking its owner (refused, the row kept), then complete; the town ({@code zhen})
 * approves it; the village puts two lines in its ledger and uploads a PDF (from a temp directory) as
 * evidence on one; the town tries to close the other without evidence (refused), closes the first, and
 * sees the second 已逾期; the town records a pairing with the 先进 village and a visit; the overview shows
 * the figures this journey made. Screenshots: target/screenshots/upgrade-NN-*.png, desktop and phone.
 *
 * <p>The campaign year lies in the past, so every open line is past its deadline (a deadline must be in the
 * campaign's year or the next): the line still open is the overdue one, the closed one is not.
 */
@IntegrationTest
class UpgradeBrowserIT {

    static final String PASSWORD = "tierup2026";
    static final String STATEMENT = "针对班子软弱涣散、“三会一课”不正常的问题，年内完成整顿转化，年底达到一般以上。";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DemoCity demo;
    @Autowired CampaignFixture campaignFixture;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired PlatformTransactionManager transactions;

    final LocalDate today = OfficeDay.today();
    /** This class's own campaign year, from the fixture (set before each test). */
    int year;

    @BeforeEach
    void connect() {
        year = campaignFixture.yearFor(getClass());
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    @Test
    void aLaggingVillageSetsItsGoalKeepsItsLedgerAndIsHelped() throws Exception {
        long town = demo.orgId(LICHUN);
        long village = demo.orgOf("cun");
        long helper = jdbc.sql("select id from organization where parent_id = :t and field = 'VILLAGE' and kind = 'BRANCH'"
                + " and retired = false and id <> :v order by path limit 1").param("t", town).param("v", village)
                .query(Long.class).single();
        String villageName = demo.orgName(village);
        String helperName = demo.orgName(helper);

        long campaign = setUp(village, helper, town);
        String goalPath = "/upgrade/goal?campaign=" + campaign + "&org=" + village;

        villageWritesItsGoal(campaign, villageName);
        townApprovesTheGoal(campaign, villageName, goalPath);
        villageKeepsItsLedger(campaign, village);
        townClosesOnEvidence(campaign, village);
        townArrangesAPairing(campaign, village, helperName);
        townReadsTheOverview(campaign, town, villageName);
    }

    /** The campaign through the API, the two grades through the five steps walked without a user. */
    long setUp(long village, long helper, long town) throws Exception {
        var r = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("rootOrganizationId", demo.orgId(CITY), "year", year))))
                .andExpect(status().isCreated()).andReturn();
        long campaign = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
        for (var g : Map.of(village, Grade.LAGGING, helper, Grade.ADVANCED).entrySet()) {
            long members = jdbc.sql("select count(*) from member where organization_id = :o and status = 'ACTIVE'"
                    + " and category in ('FULL', 'PROBATIONARY')").param("o", g.getKey()).query(Long.class).single();
            new TransactionTemplate(transactions).executeWithoutResult(t -> grading.graded(campaign, year, g.getKey(), "VILLAGE",
                    members, g.getValue(), town, "cun", "zhen"));
        }
        return campaign;
    }

    /** 1. cun: campaign page → 晋位升级 → 本组织争创目标; refused twice (what was typed kept), then handed in. */
    void villageWritesItsGoal(long campaign, String villageName) {
        browser.login("cun", PASSWORD);
        browser.open("/campaigns/" + campaign);
        click(By.cssSelector("main a[href$='/upgrade?campaign=" + campaign + "']"));
        browser.await().until(d -> browser.path().equals("/upgrade?campaign=" + campaign));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo("晋位升级");
        browser.shot("upgrade-01-branch-overview");

        click(By.linkText("本组织争创目标"));
        browser.await().until(d -> browser.path().startsWith("/upgrade/goal?campaign=" + campaign));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(villageName + " 争创目标");
        assertThat(browser.text(By.id("goal-status"))).isEqualTo("未制定");
        assertThat(browser.text(By.cssSelector("main"))).contains("上级评定等次：后进", "本年度方向：整顿转化", "审核单位：" + LICHUN);
        assertThat(browser.find(By.id("statement")).getAttribute("placeholder")).contains("整顿转化");
        browser.shot("upgrade-02-branch-goal-empty");

        // The same form on the secretary's phone: each measure a card, its boxes on the screen.
        browser.phone();
        try {
            browser.open("/upgrade/goal?campaign=" + campaign);
            browser.visible(By.id("goal-form"));
            browser.shot("upgrade-03-phone-branch-goal-form");
            assertThat(scrollWidth()).as("goal form width on a phone").isLessThanOrEqualTo(390);
            assertNoSidewaysScroll(By.cssSelector("#goal-form .table-wrap"));
            browser.all(By.cssSelector("#goal-form .measure-table input")).forEach(this::assertOnScreen);
        } finally {
            browser.desktop();
        }
        browser.open("/upgrade/goal?campaign=" + campaign);

        // No measure at all: refused, the statement as typed.
        browser.type(By.id("statement"), STATEMENT);
        click(By.id("goal-submit"));
        acceptConfirm("审核期间不能修改");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("请至少填写一条工作措施。");
        assertThat(value(By.id("statement"))).isEqualTo(STATEMENT);
        assertThat(browser.text(By.id("goal-status"))).isEqualTo("未制定");
        browser.shot("upgrade-04-branch-goal-refused-no-measures");

        // A measure without its owner: refused, the row kept.
        browser.type(By.name("m0text"), "选优配强村党支部书记，补齐班子成员");
        setDate("m0due", LocalDate.of(year, 6, 30));
        click(By.id("goal-submit"));
        acceptConfirm("审核期间不能修改");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("第 1 条措施请填写责任人。");
        assertThat(value(By.id("statement"))).isEqualTo(STATEMENT);
        assertThat(value(By.name("m0text"))).isEqualTo("选优配强村党支部书记，补齐班子成员");
        assertThat(value(By.name("m0due"))).isEqualTo(year + "-06-30");
        browser.shot("upgrade-05-branch-goal-refused-owner");

        browser.type(By.name("m0owner"), "镇党委组织委员");
        browser.type(By.name("m1text"), "恢复“三会一课”，每月开展主题党日");
        browser.type(By.name("m1owner"), "张支书");
        setDate("m1due", LocalDate.of(year, 9, 30));
        click(By.id("goal-submit"));
        acceptConfirm("审核期间不能修改");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("争创目标已提交，等待上级审核。");
        assertThat(browser.text(By.id("goal-status"))).isEqualTo("待上级审核");
        assertThat(browser.all(By.id("goal-form"))).as("handed in, no longer editable").isEmpty();
        assertThat(browser.all(By.id("goal-review"))).as("the village does not review its own goal").isEmpty();
        List<WebElement> rows = browser.all(By.cssSelector("#goal-text tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("选优配强村党支部书记", "镇党委组织委员", year + "-06-30");
        assertThat(browser.text(By.id("goal-text"))).contains(STATEMENT, "提交：张志强");
        browser.shot("upgrade-06-branch-goal-submitted");

        browser.phone();
        try {
            browser.open("/upgrade/goal?campaign=" + campaign);
            browser.visible(By.id("goal-text"));
            browser.shot("upgrade-07-phone-branch-goal");
            assertThat(scrollWidth()).as("goal page width on a phone").isLessThanOrEqualTo(390);
        } finally {
            browser.desktop();
        }
    }

    /** 2. zhen: the overview lists the village 待上级审核; its goal page; 审核同意. */
    void townApprovesTheGoal(long campaign, String villageName, String goalPath) {
        browser.login("zhen", PASSWORD);
        browser.open("/upgrade?campaign=" + campaign);
        WebElement row = browser.visible(By.xpath("//table[@id='upgrade-table']/tbody/tr[td[1]/a[normalize-space()='" + villageName + "']]"));
        assertThat(row.getText()).contains("后进", "待上级审核");
        click(row.findElement(By.linkText(villageName)));
        browser.await().until(d -> browser.path().equals(goalPath));
        browser.visible(By.id("goal-review"));
        assertThat(browser.all(By.id("goal-convert"))).as("a 后进 village can be marked converted by its town").hasSize(1);
        browser.shot("upgrade-08-town-goal-review");
        click(By.id("goal-approve"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已审核同意争创目标。");
        assertThat(browser.text(By.id("goal-status"))).isEqualTo("已审核同意");
        assertThat(browser.text(By.id("goal-text"))).contains("审核同意：李镇书");
        assertThat(browser.all(By.id("goal-review"))).isEmpty();
        browser.shot("upgrade-09-town-goal-approved");
    }

    /** 3. cun: two lines in the ledger; progress on the first with a PDF from a temp directory as evidence. */
    void villageKeepsItsLedger(long campaign, long village) throws Exception {
        browser.login("cun", PASSWORD);
        browser.open("/upgrade/goal?campaign=" + campaign);
        click(By.partialLinkText("整改台账"));
        browser.await().until(d -> browser.path().startsWith("/upgrade/ledger?campaign=" + campaign));
        assertThat(browser.text(By.id("ledger-counts"))).isEqualTo("共 0 项，整改中 0，已销号 0");

        addItem("支部班子不健全，组织委员空缺", "召开党员大会补选组织委员", "张支书", LocalDate.of(year, 6, 30));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已列入整改台账第 1 项。");
        addItem("“三会一课”记录不全，主题党日不经常", "建立组织生活记录本，镇党委每季度检查", "张支书", LocalDate.of(year, 9, 30));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已列入整改台账第 2 项。");
        assertThat(browser.text(By.id("ledger-counts"))).isEqualTo("共 2 项，整改中 2，已销号 0");
        browser.shot("upgrade-10-branch-ledger-two-items");

        Path dir = Files.createTempDirectory("tierup-upgrade-evidence-");
        Path pdf = dir.resolve("补选会议记录.pdf");
        Files.write(pdf, UpgradeApiIT.pdf("Minutes: organisation committee member elected"));
        WebElement first = item("支部班子不健全");
        String firstId = first.getAttribute("id").substring("item-".length());
        browser.type(By.id("note-" + firstId), "已召开党员大会补选组织委员，附会议记录。");
        browser.find(By.id("file-" + firstId)).sendKeys(pdf.toAbsolutePath().toString());
        click(first.findElement(By.xpath(".//button[normalize-space()='记录进展']")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("进展和佐证材料已上传。");
        // read once the redirected page has settled (an element caught mid-load goes stale)
        String evidence = browser.await().ignoring(StaleElementReferenceException.class)
                .until(d -> item("支部班子不健全").findElement(By.partialLinkText("佐证：")).getText());
        assertThat(evidence).isEqualTo("佐证：补选会议记录.pdf");
        String line = browser.await().ignoring(StaleElementReferenceException.class).until(d -> item("支部班子不健全").getText());
        assertThat(line).contains("张志强：已召开党员大会补选组织委员");
        // the village may not close its own lines
        assertThat(browser.all(By.xpath("//div[@id='item-" + firstId + "']//button[normalize-space()='销号']"))).isEmpty();
        browser.shot("upgrade-11-branch-ledger-evidence");
        Files.deleteIfExists(pdf);
        Files.deleteIfExists(dir);
        assertThat(jdbc.sql("select count(*) from rectification_note n join rectification_item i on i.id = n.item_id"
                        + " where i.campaign_id = :c and i.organization_id = :o and n.storage_key is not null")
                .param("c", campaign).param("o", village).query(Long.class).single()).isEqualTo(1);
    }

    /** 4. zhen: closing the second line without evidence refused; the first closed on its evidence; the second 已逾期. */
    void townClosesOnEvidence(long campaign, long village) {
        browser.login("zhen", PASSWORD);
        browser.open("/upgrade/ledger?campaign=" + campaign + "&org=" + village);
        WebElement second = item("三会一课");
        click(second.findElement(By.xpath(".//button[normalize-space()='销号']")));
        acceptConfirm("确认该事项已整改到位并销号吗");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("尚无佐证材料：请先在进展记录中上传佐证材料，再申请销号。");
        assertThat(browser.text(By.id("ledger-counts"))).isEqualTo("共 2 项，整改中 2，已销号 0");

        WebElement first = item("支部班子不健全");
        first.findElement(By.name("remark")).sendKeys("经核实已补选到位");
        click(first.findElement(By.xpath(".//button[normalize-space()='销号']")));
        acceptConfirm("确认该事项已整改到位并销号吗");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("第 1 项已销号。");
        assertThat(browser.text(By.id("ledger-counts"))).isEqualTo("共 2 项，整改中 1，已销号 1");
        first = item("支部班子不健全");
        assertThat(first.getText()).contains("已销号", "李镇书，" + today + "：经核实已补选到位").doesNotContain("已逾期");
        assertThat(first.getAttribute("class")).doesNotContain("item-overdue");
        second = item("三会一课");
        assertThat(second.getText()).contains("整改中", "已逾期（时限 " + year + "-09-30）");
        assertThat(second.getAttribute("class")).contains("item-overdue");
        assertThat(browser.text(By.cssSelector("main"))).contains("逾期 1 项");
        browser.shot("upgrade-12-town-ledger-closed-and-overdue");

        browser.phone();
        try {
            browser.open("/upgrade/ledger?campaign=" + campaign + "&org=" + village);
            browser.visible(By.id("ledger-counts"));
            browser.shot("upgrade-13-phone-town-ledger");
            assertThat(scrollWidth()).as("ledger width on a phone").isLessThanOrEqualTo(390);
        } finally {
            browser.desktop();
        }
    }

    /** 5. zhen: 帮扶情况 → 城乡结对帮扶 with the 先进 village (refused once without it), then a visit. */
    void townArrangesAPairing(long campaign, long village, String helperName) {
        browser.open("/upgrade/goal?campaign=" + campaign + "&org=" + village);
        click(By.linkText("帮扶情况"));
        browser.await().until(d -> browser.path().startsWith("/upgrade/assistance?campaign=" + campaign));
        assertThat(browser.text(By.id("no-assistance"))).isEqualTo("尚未安排帮扶。");
        new Select(browser.visible(By.id("kind"))).selectByValue("PAIRING");
        setDate("startedOn", LocalDate.of(year, 5, 1));
        browser.type(By.id("note"), "先进村帮带后进村，支部共建、产业共谋");
        click(By.id("assist-submit"));
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("城乡结对帮扶请选择结对的党组织。");
        assertThat(value(By.id("note"))).isEqualTo("先进村帮带后进村，支部共建、产业共谋");
        assertThat(value(By.id("startedOn"))).isEqualTo(year + "-05-01");

        new Select(browser.find(By.id("helperOrganizationId"))).selectByVisibleText(helperName);
        click(By.id("assist-submit"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("帮扶已登记。");
        WebElement panel = browser.visible(By.cssSelector(".panel.assistance"));
        assertThat(panel.getText()).contains("城乡结对帮扶", helperName, "自 " + year + "-05-01 起");

        String id = panel.findElement(By.name("visitedOn")).getAttribute("id");
        setDate(id, LocalDate.of(year, 6, 12));
        panel.findElement(By.name("visitor")).sendKeys("结对村王书记");
        panel.findElement(By.name("what")).sendKeys("交流集体经济发展经验，帮助制定合作社章程");
        click(panel.findElement(By.xpath(".//button[normalize-space()='记录走访']")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("走访已记录。");
        WebElement visit = browser.visible(By.cssSelector(".panel.assistance tbody tr"));
        assertThat(visit.getText()).contains(year + "-06-12", "结对村王书记", "帮助制定合作社章程");
        browser.shot("upgrade-14-town-assistance-visit");

        browser.phone();
        try {
            browser.open(browser.path());
            browser.visible(By.cssSelector(".panel.assistance"));
            browser.shot("upgrade-15-phone-town-assistance");
            assertThat(scrollWidth()).as("assistance page width on a phone").isLessThanOrEqualTo(390);
        } finally {
            browser.desktop();
        }
    }

    /** 6. zhen: the overview's figures are what this journey made (nothing else happens in this campaign). */
    void townReadsTheOverview(long campaign, long town, String villageName) {
        long organizations = jdbc.sql("select count(*) from organization o join organization t on t.id = :t"
                + " where o.retired = false and o.path like t.path || '%' and o.id <> t.id").param("t", town).query(Long.class).single();
        browser.open("/upgrade?campaign=" + campaign);
        assertThat(stat("已定级")).isEqualTo("2/" + organizations);
        assertThat(stat("争创目标已审核")).isEqualTo("1");
        assertThat(stat("后进已转化")).isEqualTo("0/1");
        assertThat(stat("整改事项已销号")).isEqualTo("1/2");
        assertThat(stat("整改逾期")).isEqualTo("1");
        assertThat(stat("后进未落实帮扶")).isEqualTo("0");
        assertThat(browser.all(By.id("unassisted"))).isEmpty();
        WebElement overdue = browser.visible(By.xpath("//div[@id='overdue-orgs']//tbody/tr"));
        assertThat(overdue.getText()).contains(villageName, "1 / 1");
        List<String> unit = browser.find(By.xpath("//table[@id='unit-table']/tbody/tr[td[1][normalize-space()='" + villageName + "']]"))
                .findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        // 单位 党组织 已定级 目标已审核 后进 已转化 整改事项 已销号 逾期 未帮扶后进
        assertThat(unit).containsExactly(villageName, "1", "1", "1", "1", "0", "2", "1", "1", "0");
        WebElement line = browser.find(By.xpath("//table[@id='upgrade-table']/tbody/tr[td[1]/a[normalize-space()='" + villageName + "']]"));
        assertThat(line.getText()).contains("后进", "已审核同意", "1 / 2", "逾期 1", "1 项");
        browser.shot("upgrade-16-town-overview");

        // only the organisations with overdue lines, through the page's own filter
        click(By.id("overdue"));
        click(By.xpath("//div[@id='all']//button[normalize-space()='筛选']"));
        browser.await().until(d -> browser.path().contains("overdue=true"));
        List<WebElement> rows = browser.all(By.cssSelector("#upgrade-table tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(villageName);

        browser.phone();
        try {
            browser.open("/upgrade?campaign=" + campaign);
            browser.visible(By.id("upgrade-counts"));
            browser.shot("upgrade-17-phone-town-overview");
            assertThat(scrollWidth()).as("overview width on a phone").isLessThanOrEqualTo(390);
            // the lists read as cards; only the statistics table by unit scrolls sideways
            assertNoSidewaysScroll(By.xpath("//table[@id='upgrade-table']/parent::div"));
            assertNoSidewaysScroll(By.cssSelector("#overdue-orgs .table-wrap"));
        } finally {
            browser.desktop();
        }
    }

    // --- helpers ---

    void addItem(String problem, String measure, String responsible, LocalDate deadline) {
        browser.type(By.id("problem"), problem);
        browser.type(By.id("measure"), measure);
        browser.type(By.id("responsible"), responsible);
        setDate("deadline", deadline);
        click(By.id("item-submit"));
        browser.await().until(d -> !browser.all(By.cssSelector(".alert-success, .alert-danger")).isEmpty());
    }

    /** The ledger panel of the line whose problem contains {@code text}. */
    WebElement item(String text) {
        return browser.visible(By.xpath("//div[contains(@class,'item') and starts-with(@id,'item-')][.//dd[contains(., '" + text + "')]]"));
    }

    String stat(String label) {
        return browser.text(By.xpath("//div[@id='upgrade-counts']//div[@class='stat'][div[@class='stat-label' and normalize-space()='"
                + label + "']]/div[@class='stat-value']"));
    }

    void acceptConfirm(String contains) {
        browser.acceptConfirm(contains);
    }

    String value(By by) {
        return browser.find(by).getAttribute("value");
    }

    /** Date inputs are set as the browser stores them (typing into them depends on the locale). */
    void setDate(String idOrName, LocalDate date) {
        browser.js("var e = document.getElementById(arguments[0]) || document.getElementsByName(arguments[0])[0];"
                + " e.value = arguments[1];", idOrName, date.toString());
    }

    void click(By by) {
        click(browser.visible(by));
    }

    void click(WebElement e) {
        browser.click(e);
    }

    void assertNoSidewaysScroll(By wrap) {
        WebElement w = browser.find(wrap);
        assertThat(((Number) browser.js("return arguments[0].scrollWidth - arguments[0].clientWidth", w)).intValue())
                .as("sideways scrolling of %s", wrap).isLessThanOrEqualTo(1);
    }

    void assertOnScreen(WebElement e) {
        Number right = (Number) browser.js("return arguments[0].getBoundingClientRect().right;", e);
        assertThat(right.doubleValue()).as("right edge of %s", e.getAttribute("name")).isLessThanOrEqualTo(390);
    }

    int scrollWidth() {
        return ((Number) browser.js("return document.documentElement.scrollWidth")).intValue();
    }
}
