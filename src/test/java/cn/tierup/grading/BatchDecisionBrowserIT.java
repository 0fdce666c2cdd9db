package cn.tierup.grading;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A town decides its villages in one page: 丽春镇 ({@code zhen}) opens 集中评定 from its 对标定级 overview, sees its four
 * villages awaiting its decision with each proposal, enters the meeting's date and record once, marks one village
 * lower than its self-grade without a reason — refused, with the line marked, what was typed kept and nothing decided —
 * writes the reason and decides three at once, leaving one for later; the case page of a village shows the meeting.
 * Then the same page on a 390 px phone. Before, a town with 20 villages opened 20 pages. Screenshots go to
 * target/screenshots/batch-decisions-*.png.
 */
@IntegrationTest
class BatchDecisionBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired CampaignFixture campaignFixture;
    @Autowired DemoCity demo;

    final LocalDate today = OfficeDay.today();

    @Test
    void aTownDecidesItsVillagesInOnePage() throws Exception {
        CaseWalker walk = new CaseWalker(mvc, json, users, jdbc);
        int year = campaignFixture.yearFor(getClass());
        long town = demo.orgId(DemoCity.LICHUN);
        long campaign = walk.campaign(town, year);
        String clerk = walk.account("lc-batch-zuzhi", "丽春镇组织委员甲", town, "SUPERVISOR");
        List<Long> villages = walk.villages(DemoCity.LICHUN);
        long a = villages.get(0);
        long b = villages.get(1);
        long c = villages.get(2);
        long d = villages.get(3);
        walk.toDecision(campaign, a, clerk, "先进", 92);
        walk.toDecision(campaign, b, clerk, "先进", 86);
        walk.toDecision(campaign, c, clerk, "一般", 72);
        walk.toDecision(campaign, d, clerk, "一般", 66);

        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
        browser.login("zhen", DemoDataLoader.DEMO_PASSWORD);
        browser.open("/grading?campaign=" + campaign);
        browser.click(browser.visible(By.id("batch-decisions")));
        browser.await().until(x -> browser.path().startsWith("/grading/decisions"));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(DemoCity.LICHUN + " 评定会议：集中评定");
        assertThat(browser.all(By.cssSelector(".decision-line"))).hasSize(4);
        assertThat(browser.text(By.id("line-" + a))).contains(demo.orgName(a), "自评等次：先进", "评分 92/100 分", "审议同意 21 票");
        assertThat(new Select(browser.find(By.cssSelector("#line-" + c + " select"))).getFirstSelectedOption().getText())
                .as("the proposal is chosen by default").isEqualTo("一般");
        browser.shot("batch-decisions-01-list");

        // the meeting once; village b lower than its self-grade, without a reason; village d left for later
        browser.js("document.getElementById('meetingOn').value = arguments[0];", today.minusDays(1).toString());
        browser.type(By.id("minutes"), "丽春镇党委会议，应到 9 人，实到 8 人；听取各村审议情况，逐一评定。");
        new Select(browser.find(By.cssSelector("#line-" + b + " select"))).selectByVisibleText("一般");
        new Select(browser.find(By.cssSelector("#line-" + d + " select"))).selectByVisibleText("暂不评定");
        browser.click(browser.find(By.id("decide-all")));
        browser.await().until(x -> !browser.all(By.id("line-errors")).isEmpty());
        assertThat(browser.text(By.cssSelector(".alert-danger[role=alert]"))).contains("有 1 行不能评定，本次没有评定任何党组织");
        // lines are numbered as the page lists them (by 排序号, then pinyin)
        List<String> order = browser.all(By.cssSelector(".decision-line")).stream().map(e -> e.getAttribute("id")).toList();
        int lineOfB = order.indexOf("line-" + b) + 1;
        assertThat(lineOfB).isPositive();
        assertThat(browser.text(By.id("line-errors"))).contains("第 " + lineOfB + " 行（" + demo.orgName(b) + "）", "请写明评定理由");
        assertThat(browser.text(By.cssSelector("#line-" + b + " .line-problem"))).contains("与自评等次“先进”不同");
        assertThat(new Select(browser.find(By.cssSelector("#line-" + b + " select"))).getFirstSelectedOption().getText())
                .as("what was typed is kept").isEqualTo("一般");
        assertThat(browser.find(By.id("minutes")).getAttribute("value")).startsWith("丽春镇党委会议");
        assertThat(jdbc.sql("select count(*) from grading_case where campaign_id = :c and step = 'DONE'").param("c", campaign)
                .query(Long.class).single()).isZero();
        browser.shot("batch-decisions-02-refused");

        browser.type(By.cssSelector("#line-" + b + " input[name^='r']"), "群众反映集体经济收益公开不及时，评定为一般。");
        browser.click(browser.find(By.id("decide-all")));
        browser.await().until(x -> !browser.all(By.cssSelector(".alert-success")).isEmpty());
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .isEqualTo("已在 " + today.minusDays(1) + " 的评定会议上评定 3 个党组织，已记入分类管理台账。");
        assertThat(browser.all(By.cssSelector(".decision-line"))).hasSize(1);
        assertThat(browser.text(By.id("line-" + d))).contains(demo.orgName(d));
        browser.shot("batch-decisions-03-decided");
        assertThat(jdbc.sql("select decided_grade from grading_case where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", b).query(String.class).single()).isEqualTo("一般");

        browser.open("/grading/case?campaign=" + campaign + "&org=" + b);
        assertThat(browser.text(By.cssSelector("main"))).contains("评定会议", today.minusDays(1).toString(), "丽春镇党委会议");

        // the same page on a phone: nothing wider than the screen
        browser.phone();
        browser.open("/grading/decisions?campaign=" + campaign);
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        browser.shot("batch-decisions-04-phone");
    }
}
