package cn.tierup.acceptance;

import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.Grade.ADVANCED;
import static cn.tierup.grading.Grade.AVERAGE;
import static cn.tierup.grading.Grade.LAGGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 表彰 and 等次变化 through the real pages, as a town's secretary would use them, in a town of this test's own (last
 * year's and this year's campaigns rooted at it): an honour for a village whose 年末审定 is 后进 refused with the reason
 * and what was typed kept; a 先进 village and a member (named on the roll) honoured; the list filtered by kind; one
 * honour withdrawn after the confirmation; then the transition page with its heat maps and tables, at 1440 px and 390 px.
 * Screenshots: target/screenshots/commendation-NN-*.png.
 */
@IntegrationTest
class CommendationBrowserIT {

    static final String PASSWORD = "Check2026pass";
    static final String PREFIX = "中共表彰页面测试镇";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aTownHonoursWithdrawsAndReadsItsGradeTransitions() throws Exception {
        int year = CampaignFixture.OWN_TOWN_YEAR;
        TransitionTown town = new TransitionTown(mvc, users, jdbc, json, grading, transactions, PREFIX + year + "委员会");
        long good = town.add(PREFIX + year + "红星村支部委员会", "BRANCH", "VILLAGE", null);
        long weak = town.add(PREFIX + year + "石岭村支部委员会", "BRANCH", "VILLAGE", null);
        long rising = town.add(PREFIX + year + "新民村支部委员会", "BRANCH", "VILLAGE", null);
        long previous = town.campaign(year - 1);
        long campaign = town.campaign(year);
        town.end(previous, good, "一般", AVERAGE);
        town.end(previous, weak, "后进", LAGGING);
        town.end(previous, rising, "后进", LAGGING);
        town.start(campaign, year, good, "VILLAGE", ADVANCED);
        town.start(campaign, year, weak, "VILLAGE", LAGGING);
        town.start(campaign, year, rising, "VILLAGE", LAGGING);
        town.end(campaign, good, "先进", ADVANCED);
        town.end(campaign, weak, "后进", LAGGING);
        town.end(campaign, rising, "一般", AVERAGE);
        town.admin(post("/api/orgs/{id}/members", good), Map.of("name", "陈志远", "sex", "MALE", "category", "PROBATIONARY",
                "activistOn", (year - 4) + "-03-01", "developmentTargetOn", (year - 3) + "-03-01", "joinedOn", (year - 1) + "-06-01",
                "retired", false, "floating", false, "inDifficulty", false), 201);
        String account = "biaozhangym" + year;
        town.admin(post("/api/accounts"), Map.of("username", account, "displayName", "周书记", "organizationId", town.id,
                "role", "SUPERVISOR", "password", PASSWORD, "enabled", true), 201);

        browser.baseUrl("http://localhost:" + port);
        browser.wide();
        browser.login(account, PASSWORD);
        browser.open("/acceptance/commendations?campaign=" + campaign + "&org=" + town.id);
        assertThat(browser.text(By.cssSelector("h1"))).contains(year + "年度表彰");

        // a village 后进 at year end: refused with the reason, the form kept as typed
        fill("ADVANCED_ORGANIZATION", weak, "", year + "-07-01", "表彰页面〔" + year + "〕3号", "年末审定后进的村");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("年末审定为“后进”（后进类），不能表彰");
        assertThat(browser.find(By.id("citation")).getAttribute("value")).isEqualTo("年末审定后进的村");
        browser.shot("commendation-01-refused-lagging");

        fill("EXCELLENT_BRANCH", good, "", year + "-07-01", "表彰页面〔" + year + "〕3号", "带领群众发展集体经济，党支部战斗堡垒作用明显。");
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已记录");
        fill("EXCELLENT_MEMBER", good, "陈志远", year + "-07-01", "表彰页面〔" + year + "〕3号", "带头践行公开承诺。");
        fill("ADVANCED_ORGANIZATION", rising, "", year + "-07-01", "表彰页面〔" + year + "〕3号", "整顿转化成效明显。");
        assertThat(browser.text(By.id("commendation-list"))).contains("陈志远", "优秀党支部", PREFIX + year + "新民村支部委员会");
        browser.shot("commendation-02-list-1440");

        new Select(browser.find(By.id("filter-kind"))).selectByValue("EXCELLENT_MEMBER");
        browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#commendation-filter button[type=submit]")));
        assertThat(browser.text(By.id("commendation-list"))).contains("陈志远").doesNotContain("新民村");

        // withdrawn after the confirmation
        browser.open("/acceptance/commendations?campaign=" + campaign + "&org=" + town.id);
        browser.click(browser.find(By.linkText(PREFIX + year + "新民村支部委员会")));
        browser.type(By.id("withdraw-reason"), "文件重复印发，予以撤销");
        browser.click(browser.find(By.id("withdraw-submit")));
        browser.acceptConfirm("确定撤销");
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已撤销");
        assertThat(browser.text(By.id("withdrawn-tag"))).isEqualTo("已撤销");
        browser.shot("commendation-03-withdrawn");

        browser.phone();
        browser.open("/acceptance/commendations?campaign=" + campaign + "&org=" + town.id);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("commendation-04-list-390");

        // the grade transitions of the town
        browser.wide();
        browser.open("/acceptance/transitions?campaign=" + campaign + "&org=" + town.id);
        browser.await().until(d -> !browser.all(By.cssSelector("#start-end-class .transition-chart svg")).isEmpty());
        assertThat(browser.text(By.cssSelector("#start-end-class .total-cell"))).isEqualTo("3");
        assertThat(browser.text(By.id("lagging-twice"))).contains(PREFIX + year + "石岭村支部委员会")
                .doesNotContain("新民村");
        browser.shot("commendation-05-transitions-1440");
        browser.phone();
        browser.open("/acceptance/transitions?campaign=" + campaign + "&org=" + town.id);
        browser.await().until(d -> !browser.all(By.cssSelector("#last-start-class .transition-chart svg")).isEmpty());
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("commendation-06-transitions-390");
    }

    /** Fills the form of a new commendation and sends it. */
    void fill(String kind, long org, String member, String date, String document, String citation) {
        new Select(browser.find(By.id("kind"))).selectByValue(kind);
        new Select(browser.find(By.id("organizationId"))).selectByValue("" + org);
        browser.type(By.id("memberName"), member);
        new Select(browser.find(By.id("level"))).selectByValue("TOWNSHIP");
        browser.js("document.getElementById('awardedOn').value = arguments[0];", date);
        browser.type(By.id("documentNumber"), document);
        browser.type(By.id("citation"), citation);
        browser.clickAndWaitForNewPage(browser.find(By.id("commendation-submit")));
    }

    long overflow() {
        return ((Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }
}
