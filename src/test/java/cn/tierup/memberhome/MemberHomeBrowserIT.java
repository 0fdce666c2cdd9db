package cn.tierup.memberhome;

import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.pledge.PledgeBootstrap;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.tierup.testsupport.DemoCity.CITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The party member {@code dangyuan} signs in on a 390 px phone and lands on their home: their village branch in the
 * campaign year, its grade, approved goal, published pledges and their own 党员公开承诺书 with its items' states — all
 * on the screen, nothing to scroll sideways, no form to change anything (that another branch is refused and every
 * write answers 403 is {@link MemberHomeIT}'s). Screenshots: target/screenshots/member-*.png.
 */
@IntegrationTest
class MemberHomeBrowserIT {

    @RegisterExtension
    static final BrowserSupport phone = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DemoCity demo;
    @Autowired CampaignFixture campaignFixture;
    @Autowired CampaignBootstrap campaigns;
    @Autowired GradingBootstrap grading;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired PledgeBootstrap pledging;
    @Autowired TransactionTemplate tx;

    @Test
    void aPartyMemberReadsTheirBranchOnAPhone() {
        int year = campaignFixture.yearFor(getClass());
        BranchYear branches = new BranchYear(campaigns, grading, upgrade, pledging, tx, jdbc);
        long village = demo.orgOf("dangyuan");
        long campaign = branches.campaign(demo.orgId(CITY), year, year + "年度三分类三升级活动（党员之家）");
        branches.seed(campaign, year, village, branches.partyMembers(village, 2));
        String me = jdbc.sql("select m.name from member m join account a on a.member_id = m.id where a.username = 'dangyuan'")
                .query(String.class).single();

        phone.baseUrl("http://localhost:" + port);
        phone.phone();
        phone.login("dangyuan", "tierup2026");
        phone.visible(By.id("member-home"));
        assertThat(phone.text(By.cssSelector("#member-home .page-title"))).isEqualTo(demo.orgName(village));
        assertThat(phone.text(By.cssSelector("#member-home"))).doesNotContain("还没有开启任何年度的活动");
        phone.shot("member-01-phone-home-latest");

        phone.open("/?campaign=" + campaign);
        phone.visible(By.id("member-own-pledge"));
        assertThat(phone.text(By.id("member-phase"))).contains("活动已结束", "总结验收", "已结束");
        assertThat(phone.text(By.id("member-grade"))).contains("上级评定等次：", "先进", "巩固提高，争创市级先进基层党组织");
        assertThat(phone.text(By.cssSelector("#member-home > p"))).contains(me);
        assertThat(phone.text(By.id("member-own-pledge"))).contains("我的党员公开承诺书", "已公开").containsPattern("共 \\d+ 项，已兑现 \\d+ 项");
        assertThat(phone.text(By.id("member-pledges"))).contains("围绕争创目标，为群众办好实事", "党员公开承诺（2 份）");
        // read-only: not a field, button or form that changes anything (the year switcher only reads)
        assertThat(phone.all(By.cssSelector("#member-home form[method=post], #member-home textarea, #member-home button")))
                .isEmpty();
        // on the screen: nothing runs off a 390 px phone
        assertThat(((Number) phone.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        for (WebElement e : phone.all(By.cssSelector("#member-home .panel"))) {
            Number right = (Number) phone.js("return arguments[0].getBoundingClientRect().right;", e);
            assertThat(right.doubleValue()).as("right edge of %s", e.getAttribute("id")).isLessThanOrEqualTo(390);
        }
        phone.shot("member-02-phone-home-year");

        // the members' pledges open one by one
        List<WebElement> members = phone.all(By.cssSelector("#member-pledges details summary"));
        assertThat(members).hasSize(2);
        phone.click(members.get(0));
        phone.shot("member-03-phone-member-pledge-open");
    }
}
