package cn.tierup.reporting;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cockpit's warnings through the real page: a town of this class's own (a 后进 village nobody assists, its ledger
 * line long overdue; another whose 书记 left) opens its cockpit, reads the 预警 block with each rule's wording and the
 * villages it names, sends 一键提醒 after confirming, and reads the same on a 390 px phone; the named village then finds
 * the reminder on its home page. Screenshots:
 * target/screenshots/warnings-NN-*.png.
 */
@IntegrationTest
class WarningsBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    static final String TOWN = "中共预警浏览测试镇委员会";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void connect() {
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    @Test
    void theTownReadsItsWarningsAndRemindsTheNamedVillage() throws Exception {
        int year = CampaignFixture.OWN_TOWN_YEAR;
        WarningTown town = new WarningTown(mvc, users, jdbc, json, TOWN);
        String lagging = "中共预警浏览测试镇青石村支部委员会";
        String vacant = "中共预警浏览测试镇白云村支部委员会";
        long village = town.village(lagging);
        long other = town.village(vacant);
        town.account("yujing-liulan", "预警浏览镇书记", town.id, "SUPERVISOR");
        long campaign = town.campaign(year);
        new TransactionTemplate(transactions).executeWithoutResult(t -> {
            grading.graded(campaign, year, village, "VILLAGE", 5, Grade.LAGGING, town.id, "qingshi-cun", "yujing-liulan");
            upgrade.year(campaign, year, village, "后进", Grade.LAGGING, null, "qingshi-cun", "yujing-liulan", false);
        });
        long post = town.secretary(other, "白书记", LocalDate.of(2016, 3, 1));
        town.end(post, LocalDate.of(2022, 9, 30), "调任");

        browser.login("yujing-liulan", OwnTown.PASSWORD);
        browser.wide();
        open("/dashboard?campaign=" + campaign);
        String block = browser.text(By.id("block-warnings"));
        assertThat(block).contains("预警", "整改事项逾期超过 30 天", "书记空缺", lagging, vacant, "统计口径");
        String ledger = "#block-warnings [data-rule='ledger-overdue']";
        assertThat(browser.text(By.cssSelector(ledger + " .warning-count"))).isEqualTo("1");
        browser.shot("warnings-01-town-1440");

        browser.click(browser.find(By.cssSelector(ledger + " .warning-remind")));
        browser.acceptConfirm("将向“整改事项逾期超过 30 天”点名的下级党组织（本组织自身除外）各发送一条提醒");
        browser.await().until(d -> browser.text(By.cssSelector(ledger + " .warning-status")).contains("已向 1 个党组织发送提醒"));
        long sent = jdbc.sql("select count(*) from reminder where campaign_id = :c and to_organization_id = :o")
                .param("c", campaign).param("o", village).query(Long.class).single();
        assertThat(sent).isEqualTo(1);
        browser.shot("warnings-02-town-reminded-1440");

        browser.phone();
        open("/dashboard?campaign=" + campaign);
        assertThat(browser.text(By.id("block-warnings"))).contains(lagging);
        int width = ((Number) browser.js("return document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("no scrolling sideways on a phone").isLessThanOrEqualTo(390);
        browser.shot("warnings-03-town-phone-390");

        // the named village reads the reminder on its home page, on its phone
        town.account("yjll-qingshi", "青石村书记", village, "BRANCH");
        browser.login("yjll-qingshi", OwnTown.PASSWORD);
        browser.open("/?campaign=" + campaign);
        assertThat(browser.text(By.id("desk"))).contains(TOWN, "提醒：", "【预警提醒】本组织整改台账有事项逾期超过 30 天仍未销号");
        browser.shot("warnings-04-village-home-reminded-390");
    }

    void open(String path) {
        browser.open(path);
        browser.await().until(d -> browser.js("var c = document.getElementById('cockpit');"
                + " return c && c.getAttribute('data-loaded');") != null);
    }
}
