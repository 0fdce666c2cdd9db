package cn.tierup.upgrade;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 后进 远程教育站点 rectified through the real pages. Set up over the API in a town of this class's own
 * ({@link LedgerTown}, 凤栖镇): a village registers a station, self-assesses it and the town grades it 后进. Then the
 * village finds 争创目标/整改台账 on the station's classification page, writes and hands in the 整顿转化 goal (the page
 * headed by the station and its host); the town approves it; the village puts a line in the station's ledger; the
 * town's 销号 without evidence is refused with the reason; the village adds a note with a PDF (the host has no 销号
 * button); the town closes the line and marks the station converted. The village's own ledger stays empty.
 * Screenshots: target/screenshots/station-ledger-NN-*.png, desktop and phone.
 */
@IntegrationTest
class StationLedgerBrowserIT {

    static final String TOWN = "中共彭州市凤栖镇委员会";
    static final String VILLAGE = "中共凤栖镇河西村支部委员会";
    static final String STATION = "河西村远教站点";
    static final String TOWN_USER = "fengqi-zhen";
    static final String HOST_USER = "fengqi-hexi";
    static final String STATEMENT = "年内恢复站点正常运行，每月组织集中学习，实现整顿转化。";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    final int year = CampaignFixture.OWN_TOWN_YEAR;

    @BeforeEach
    void connect() {
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    @Test
    void theVillageRectifiesItsLaggingStationAndTheTownClosesIt() throws Exception {
        LedgerTown town = new LedgerTown(mvc, users, jdbc, json, TOWN, TOWN_USER, "郑凤栖");
        long village = town.village(VILLAGE, HOST_USER, "何河西");
        long station = town.station(village, STATION);
        long campaign = town.campaign();
        town.grade(station, HOST_USER, "后进");
        String heading = "站点：" + STATION + "（" + VILLAGE + "）";

        villageWritesTheGoal(campaign, station, heading);
        townApproves(campaign, station);
        villageAddsALine(campaign, station, heading);
        townClosesOnlyOnEvidence(campaign, station);
        villageUploadsEvidence(campaign, station);
        townClosesAndConverts(campaign, station);

        // the village's own ledger counts none of it
        browser.login(HOST_USER, LedgerTown.PASSWORD);
        browser.open("/upgrade/ledger?campaign=" + campaign + "&org=" + village);
        assertThat(browser.text(By.id("ledger-counts"))).isEqualTo("共 0 项，整改中 0，已销号 0");
    }

    /** 1. The village: the station's classification page → 争创目标/整改台账 → the goal, handed in. */
    void villageWritesTheGoal(long campaign, long station, String heading) {
        browser.login(HOST_USER, LedgerTown.PASSWORD);
        browser.open("/stations/grading/" + campaign + "/" + station);
        assertThat(browser.text(By.id("decided-grade"))).isEqualTo("后进");
        browser.shot("station-ledger-01-grading-link");
        click(By.id("station-upgrade-link"));
        browser.await().until(d -> browser.path().startsWith("/upgrade/stations/" + station + "/goal"));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(heading + " 争创目标");
        assertThat(browser.text(By.id("goal-status"))).isEqualTo("未制定");
        assertThat(browser.text(By.cssSelector("main"))).contains("上级评定等次：后进", "本年度方向：整顿转化", "审核单位：" + TOWN)
                .doesNotContain("上年等次").doesNotContain("帮扶情况");
        assertThat(browser.text(By.id("station-goal-note"))).contains(VILLAGE, TOWN);

        browser.type(By.id("statement"), STATEMENT);
        browser.type(By.name("m0text"), "落实站点管理员，参加县里组织的操作培训");
        browser.type(By.name("m0owner"), "何河西");
        setDate("m0due", LocalDate.of(year, 6, 30));
        browser.shot("station-ledger-02-goal-form");

        browser.phone();
        try {
            browser.open("/upgrade/stations/" + station + "/goal?campaign=" + campaign);
            browser.visible(By.id("goal-form"));
            browser.shot("station-ledger-03-phone-goal-form");
            assertThat(scrollWidth()).as("station goal form on a phone").isLessThanOrEqualTo(390);
        } finally {
            browser.desktop();
        }
        browser.open("/upgrade/stations/" + station + "/goal?campaign=" + campaign);
        browser.type(By.id("statement"), STATEMENT);
        browser.type(By.name("m0text"), "落实站点管理员，参加县里组织的操作培训");
        browser.type(By.name("m0owner"), "何河西");
        setDate("m0due", LocalDate.of(year, 6, 30));
        click(By.id("goal-submit"));
        acceptConfirm("审核期间不能修改");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("争创目标已提交，等待上级审核。");
        assertThat(browser.text(By.id("goal-status"))).isEqualTo("待上级审核");
        assertThat(browser.text(By.id("goal-text"))).contains(STATEMENT, "落实站点管理员");
        assertThat(browser.all(By.id("goal-review"))).as("the host does not review its station's goal").isEmpty();
        browser.shot("station-ledger-04-goal-submitted");
    }

    /** 2. The town approves the station's goal. */
    void townApproves(long campaign, long station) {
        browser.login(TOWN_USER, LedgerTown.PASSWORD);
        browser.open("/upgrade/stations/" + station + "/goal?campaign=" + campaign);
        browser.visible(By.id("goal-review"));
        assertThat(browser.all(By.id("goal-convert"))).hasSize(1);
        click(By.id("goal-approve"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已审核同意争创目标。");
        assertThat(browser.text(By.id("goal-status"))).isEqualTo("已审核同意");
        browser.shot("station-ledger-05-town-approved");
    }

    /** 3. The village: from the goal page to the station's ledger, one line put in. */
    void villageAddsALine(long campaign, long station, String heading) {
        browser.login(HOST_USER, LedgerTown.PASSWORD);
        browser.open("/upgrade/stations/" + station + "/goal?campaign=" + campaign);
        click(By.id("goal-ledger-link"));
        browser.await().until(d -> browser.path().startsWith("/upgrade/stations/" + station + "/ledger"));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(heading + " 整改台账");
        browser.type(By.id("problem"), "站点设备长期未开机，学习活动中断");
        browser.type(By.id("measure"), "请县网络公司检修设备，落实每周两次开放");
        browser.type(By.id("responsible"), "何河西");
        setDate("deadline", LocalDate.of(year, 9, 30));
        click(By.id("item-submit"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已列入整改台账第 1 项。");
        assertThat(browser.text(By.id("ledger-counts"))).isEqualTo("共 1 项，整改中 1，已销号 0");
        browser.shot("station-ledger-06-village-line");
    }

    /** 4. The town: 销号 without evidence refused, with the reason. */
    void townClosesOnlyOnEvidence(long campaign, long station) {
        browser.login(TOWN_USER, LedgerTown.PASSWORD);
        browser.open("/upgrade/stations/" + station + "/ledger?campaign=" + campaign);
        click(item("设备长期未开机").findElement(By.xpath(".//button[normalize-space()='销号']")));
        acceptConfirm("确认该事项已整改到位并销号吗");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("尚无佐证材料：请先在进展记录中上传佐证材料，再申请销号。");
        assertThat(browser.path()).startsWith("/upgrade/stations/" + station + "/ledger");
        assertThat(browser.text(By.id("ledger-counts"))).isEqualTo("共 1 项，整改中 1，已销号 0");
        browser.shot("station-ledger-07-town-close-refused");
    }

    /** 5. The village: progress with a PDF as evidence; it has no 销号 button on its own station's line. */
    void villageUploadsEvidence(long campaign, long station) throws Exception {
        browser.login(HOST_USER, LedgerTown.PASSWORD);
        browser.open("/upgrade/stations/" + station + "/ledger?campaign=" + campaign);
        Path dir = Files.createTempDirectory("tierup-station-evidence-");
        Path pdf = dir.resolve("站点检修记录.pdf");
        Files.write(pdf, UpgradeApiIT.pdf("Station repaired, open twice a week"));
        WebElement line = item("设备长期未开机");
        String id = line.getAttribute("id").substring("item-".length());
        browser.type(By.id("note-" + id), "设备已修复，恢复每周二、五开放。");
        browser.find(By.id("file-" + id)).sendKeys(pdf.toAbsolutePath().toString());
        click(line.findElement(By.xpath(".//button[normalize-space()='记录进展']")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("进展和佐证材料已上传。");
        assertThat(browser.path()).startsWith("/upgrade/stations/" + station + "/ledger");
        String evidence = browser.await().ignoring(StaleElementReferenceException.class)
                .until(d -> item("设备长期未开机").findElement(By.partialLinkText("佐证：")).getText());
        assertThat(evidence).isEqualTo("佐证：站点检修记录.pdf");
        assertThat(browser.all(By.xpath("//div[@id='item-" + id + "']//button[normalize-space()='销号']"))).isEmpty();
        browser.shot("station-ledger-08-village-evidence");
        Files.deleteIfExists(pdf);
        Files.deleteIfExists(dir);
    }

    /** 6. The town closes the line on its evidence and marks the station converted. */
    void townClosesAndConverts(long campaign, long station) {
        browser.login(TOWN_USER, LedgerTown.PASSWORD);
        browser.open("/upgrade/stations/" + station + "/ledger?campaign=" + campaign);
        WebElement line = item("设备长期未开机");
        line.findElement(By.name("remark")).sendKeys("经实地查看，站点已恢复运行");
        click(line.findElement(By.xpath(".//button[normalize-space()='销号']")));
        acceptConfirm("确认该事项已整改到位并销号吗");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("第 1 项已销号。");
        assertThat(browser.text(By.id("ledger-counts"))).isEqualTo("共 1 项，整改中 0，已销号 1");
        browser.shot("station-ledger-09-town-closed");
        browser.phone();
        try {
            browser.open("/upgrade/stations/" + station + "/ledger?campaign=" + campaign);
            browser.visible(By.id("ledger-counts"));
            browser.shot("station-ledger-10-phone-ledger");
            assertThat(scrollWidth()).as("station ledger on a phone").isLessThanOrEqualTo(390);
        } finally {
            browser.desktop();
        }

        click(By.id("ledger-goal-link"));
        browser.await().until(d -> browser.path().startsWith("/upgrade/stations/" + station + "/goal"));
        assertThat(browser.text(By.id("goal-ledger-link"))).contains("1 项", "未销号 0 项");
        click(By.id("goal-convert-submit"));
        acceptConfirm("确认该站点已完成整顿转化吗");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已确认整顿转化完成。");
        assertThat(browser.text(By.cssSelector("main"))).contains("已整顿转化");
        assertThat(browser.all(By.id("goal-convert"))).isEmpty();
        browser.shot("station-ledger-11-town-converted");
        browser.phone();
        try {
            browser.open("/upgrade/stations/" + station + "/goal?campaign=" + campaign);
            browser.visible(By.id("goal-text"));
            browser.shot("station-ledger-12-phone-goal");
            assertThat(scrollWidth()).as("station goal on a phone").isLessThanOrEqualTo(390);
        } finally {
            browser.desktop();
        }
    }

    // --- helpers ---

    /** The ledger panel of the line whose problem contains {@code text}. */
    WebElement item(String text) {
        return browser.visible(By.xpath("//div[contains(@class,'item') and starts-with(@id,'item-')][.//dd[contains(., '" + text + "')]]"));
    }

    void acceptConfirm(String contains) {
        browser.acceptConfirm(contains);
    }

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

    int scrollWidth() {
        return ((Number) browser.js("return document.documentElement.scrollWidth")).intValue();
    }
}
