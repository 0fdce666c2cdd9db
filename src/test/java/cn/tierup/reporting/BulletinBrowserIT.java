package cn.tierup.reporting;

import cn.tierup.grading.GradingBootstrap;
import cn.tierup.survey.SurveyBootstrap;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.upgrade.UpgradeBootstrap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 情况通报 and 历年对比 through the real pages, over a town of this class's own: its secretary goes from the cockpit to
 * the bulletins, presses 签发本期通报, reads the confirmation and confirms, and finds 第1期 listed with their name and a
 * download; then the trends, drawn and tabled. At 1440 px and on a 390 px phone. Screenshots:
 * target/screenshots/bulletins-NN-*.png.
 */
@IntegrationTest
class BulletinBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    static final String BY = "tongbao-ye";
    static final String BY_NAME = "钱通报";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired SurveyBootstrap survey;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void connect() {
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    @Test
    void theTownIssuesABulletinAfterConfirmingAndReadsTheTrends() throws Exception {
        BulletinTown town = new BulletinTown(mvc, users, jdbc, json, "通报页面测试", BY, BY_NAME, "tongbao-ye-cun");
        town.seed(grading, survey, upgrade, transactions);
        browser.login(BY, OwnTown.PASSWORD);
        browser.wide();

        // from the cockpit to the bulletins: none yet
        browser.open("/dashboard?campaign=" + town.campaign);
        browser.click(browser.find(By.id("bulletins-link")));
        browser.await().until(d -> browser.path().startsWith("/dashboard/bulletins"));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).contains(town.name, "情况通报");
        assertThat(browser.all(By.id("bulletin-list"))).isEmpty();
        // the button opens the confirmation, which says what will be issued; confirming issues it
        assertThat(browser.all(By.id("bulletin-issue-confirm")).get(0).isDisplayed()).isFalse();
        browser.click(browser.find(By.id("bulletin-issue-open")));
        assertThat(browser.visible(By.id("bulletin-confirm-text")).getText()).contains("第1期", "签发后不能修改");
        browser.shot("bulletins-01-confirm-1440");
        browser.click(browser.find(By.id("bulletin-issue-confirm")));
        browser.await().until(d -> !browser.all(By.id("bulletin-list")).isEmpty());
        String list = browser.text(By.id("bulletin-list"));
        assertThat(list).contains("第1期", BY_NAME, "自活动开始", "下载 Word").doesNotContain(BY);
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已签发第1期");
        assertThat(browser.find(By.cssSelector("#bulletin-list a")).getAttribute("href")).contains("/api/dashboard/bulletins/")
                .endsWith(".docx");
        browser.shot("bulletins-02-issued-1440");

        // the trends: both years drawn and tabled
        browser.open("/dashboard?campaign=" + town.campaign);
        browser.click(browser.find(By.id("trends-link")));
        browser.await().until(d -> browser.path().startsWith("/dashboard/trends"));
        loaded();
        assertThat(browser.all(By.cssSelector("#block-trends .cockpit-chart svg"))).hasSize(2);
        assertThat(browser.text(By.id("block-trends"))).contains((town.year - 1) + "年度", town.year + "年度", "尚未审定",
                "一般升级率");
        browser.shot("bulletins-03-trends-1440");

        // a phone: nothing wider than the screen
        browser.phone();
        try {
            browser.open("/dashboard/bulletins?campaign=" + town.campaign);
            assertThat(width()).as("bulletins on a phone").isLessThanOrEqualTo(390);
            browser.shot("bulletins-04-list-phone-390");
            browser.open("/dashboard/trends?campaign=" + town.campaign);
            loaded();
            assertThat(width()).as("trends on a phone").isLessThanOrEqualTo(390);
            browser.shot("bulletins-05-trends-phone-390");
        } finally {
            browser.desktop();
        }
    }

    void loaded() {
        browser.await().until(d -> browser.js("var c = document.getElementById('cockpit');"
                + " return c && c.getAttribute('data-loaded');") != null);
    }

    int width() {
        return ((Number) browser.js("return document.documentElement.scrollWidth")).intValue();
    }
}
