package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A village writes its 自查初评 against its approved goal and proposes a grade at its member meeting, then hands it in;
 * its town opens its list, decides the year-end grade other than proposed — refused without a reason, taken with
 * one — and the register shows it. At 1440 px and again at 390 px; screenshots go to target/screenshots/review-*.png.
 */
@IntegrationTest
class ReviewBrowserIT {

    /** A town no other class roots a campaign at in {@link CampaignFixture#OWN_TOWN_YEAR} (ReviewFlowIT has 磁峰镇). */
    static final String TOWN = "中共彭州市新兴镇委员会";
    static final String TOWN_LOGIN = "xinxing";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired GradingBootstrap grading;
    @Autowired UpgradeBootstrap upgrade;

    @Test
    void aVillageProposesAtItsMemberMeetingAndTheTownDecidesOtherwiseWithAReason() throws Exception {
        ReviewFixture f = new ReviewFixture(mvc, json, users, jdbc, tx, grading, upgrade);
        int year = CampaignFixture.OWN_TOWN_YEAR;
        long town = f.id(TOWN);
        long campaign = f.campaign(town, year);
        long village = f.villages(town).get(3);
        f.graded(campaign, year, village, town, TOWN_LOGIN, Grade.AVERAGE, "一般");
        String clerk = f.account("review-browser-cun", "钱村书", village, "BRANCH");
        String villageName = jdbc.sql("select name from organization where id = :id").param("id", village).query(String.class).single();
        String page = "/acceptance/review?campaign=" + campaign + "&org=" + village;

        browser.baseUrl("http://localhost:" + port);
        browser.wide();
        browser.login(clerk, ReviewFixture.PASSWORD);
        browser.open(page);
        assertThat(browser.text(By.id("review-figures"))).contains("年初定级", "一般", "整改台账");
        List<WebElement> measures = browser.all(By.cssSelector("textarea[id^=result]"));
        assertThat(measures).isNotEmpty();
        for (WebElement m : measures) {
            browser.type(By.id(m.getAttribute("id")), "已按期完成，群众认可，资料已归档。");
        }
        browser.type(By.id("report"), "一年来，支部对照争创目标逐项落实，村集体经济收入稳步增长，整改台账事项按期销号。");
        browser.js("document.getElementById('meetingHeldOn').value = arguments[0];", LocalDate.of(year, 11, 10).toString());
        browser.type(By.id("meetingPlace"), "村党员活动室");
        browser.type(By.id("meetingExpected"), "20");
        browser.type(By.id("meetingAttendance"), "17");
        browser.type(By.id("votes0"), "12");
        browser.type(By.id("votes1"), "4");
        browser.shot("review-01-self-review-1440");
        browser.click(browser.find(By.id("submit-btn")));
        browser.acceptConfirm("审评");
        assertThat(browser.text(By.id("review-status"))).isEqualTo("待审评");
        assertThat(browser.text(By.id("meeting-summary"))).contains("实到 17 人", "先进 12 票", "初评等次：先进");
        browser.shot("review-02-handed-in-1440");

        // the town: its list, then the decision page side by side
        browser.login(TOWN_LOGIN, DemoDataLoader.DEMO_PASSWORD);
        browser.open("/acceptance/reviews?campaign=" + campaign);
        assertThat(browser.text(By.id("reviews-table"))).contains(villageName, "待审评", "先进");
        browser.shot("review-03-town-list-1440");
        browser.open("/acceptance/review/decision?campaign=" + campaign + "&org=" + village);
        assertThat(browser.text(By.id("grade-compare"))).contains("年初定级", "党员大会初评", "先进");
        new Select(browser.find(By.id("grade"))).selectByVisibleText("一般");
        browser.click(browser.find(By.id("decide-btn")));
        browser.acceptConfirm("审定");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("审定理由");
        assertThat(browser.text(By.id("decided-grade"))).isEqualTo("—");
        browser.shot("review-04-reason-required-1440");
        browser.type(By.id("decision-reason"), "整改台账尚有一项逾期未销号，维持一般等次。");
        browser.click(browser.find(By.id("decide-btn")));
        browser.acceptConfirm("审定");
        assertThat(browser.text(By.id("decided-grade"))).isEqualTo("一般");
        browser.shot("review-05-decided-1440");

        browser.open("/grading/register?year=" + year + "&name=" + villageName);
        assertThat(browser.text(By.id("register-table"))).contains("年末审定", "维持一般等次");
        browser.shot("review-06-register-1440");

        // the same pages on a phone
        browser.phone();
        browser.open("/acceptance/review/decision?campaign=" + campaign + "&org=" + village);
        browser.shot("review-07-decided-390");
        browser.open("/acceptance/reviews?campaign=" + campaign);
        browser.shot("review-08-town-list-390");
        browser.login(clerk, ReviewFixture.PASSWORD);
        browser.open(page);
        assertThat(browser.text(By.id("decided"))).contains("一般", "维持一般等次");
        browser.shot("review-09-village-390");
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("nothing runs off the side of a 390 px screen").isTrue();
    }
}
