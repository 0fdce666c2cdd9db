package cn.tierup.web;

import cn.tierup.campaign.Campaign;
import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseDates;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year a user works in, as a new user meets it. 红岩镇's account ({@code hongyan}) signs in: its home page lists,
 * beside the current phase, what an earlier year left open in its villages — a 整改 line past its deadline, grades
 * never decided — and says which phase comes next and when. The overdue line opens last year's ledger with that year
 * chosen in the year switcher; the menu and bare addresses keep that year until another is chosen; a link with
 * {@code ?year=} opens the same year for someone else. Bare addresses open for the user's own organisation; the city's
 * account on a branch's page is asked which organisation; its home page shows the city-wide totals of every phase and
 * its own 专题调研报告. Screenshots at 1440 and 390 px: target/screenshots/year-*.png.
 */
@IntegrationTest
class YearSwitchBrowserIT {

    private static final String TOWN = "中共彭州市红岩镇委员会";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DemoCity demo;
    @Autowired CampaignFixture years;
    @Autowired CampaignBootstrap campaigns;
    @Autowired GradingBootstrap grading;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired TransactionTemplate tx;

    @Test
    void theYearIsChosenKeptAndSharedAndHomePagesShowEarlierYearsAndWhatComesNext() {
        int year = years.yearFor(getClass());
        long town = demo.orgId(TOWN);
        long city = demo.orgId(DemoCity.CITY);
        List<Long> villages = jdbc.sql("select id from organization where parent_id = :t and field = 'VILLAGE' and retired = false"
                + " order by id").param("t", town).query(Long.class).list();
        long village = villages.get(0);
        String villageName = demo.orgName(village);
        // an earlier year: the first village graded 一般, its goal approved, one 整改 line left open past its deadline
        long earlier = tx.execute(s -> {
            long c = campaigns.open(city, year, year + "年度三分类三升级活动", Campaign.noticeSchedule(year)).getId();
            grading.graded(c, year, village, "VILLAGE", 20, Grade.AVERAGE, town, "cun", "hongyan");
            upgrade.year(c, year, village, "一般", Grade.AVERAGE, null, "cun", "hongyan", false);
            return c;
        });
        long current = currentCampaign(town);

        browser.baseUrl("http://localhost:" + port);
        browser.wide();
        browser.login("hongyan", "tierup2026");
        browser.visible(By.id("desk"));
        assertThat(browser.find(By.id("desk")).getAttribute("data-campaign")).isEqualTo(String.valueOf(current));

        // what comes next: the first phase of the current campaign still to start, its dates, what the town will owe
        Phase next = nextPhase(current);
        String nextStep = browser.text(By.id("next-step"));
        if (next != null) {
            PhaseDates d = dates(current).get(next);
            assertThat(nextStep).contains(phaseName(next), d.startsOn() + " 开始", "材料截止 " + d.dueOn());
        } else {
            assertThat(nextStep).containsAnyOf("已于", "最后一个阶段");
        }

        // earlier years' open work: the overdue 整改 line and the villages never graded, each linking to that year
        WebElement block = browser.find(By.cssSelector("#earlier-open .open-work-block[data-campaign='" + earlier + "']"));
        assertThat(block.getText()).contains(year + "年度三分类三升级活动", "逾期未销号的整改事项（1 项）",
                villageName + "：第 2 项：部分党员长期不参加组织生活", "时限 " + year + "-09-30", "未评定等次的党组织");
        browser.shot("year-01-town-home-1440");
        browser.phone();
        browser.open("/");
        browser.visible(By.id("earlier-open"));
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        browser.shot("year-02-town-home-390");
        browser.wide();
        browser.open("/");

        // the overdue line opens that year's ledger of the village, with that year chosen in the switcher
        WebElement line = browser.find(By.cssSelector("#earlier-open .open-work-block[data-campaign='" + earlier
                + "'] ul[data-kind='LEDGER_OVERDUE'] a"));
        browser.click(line);
        browser.await().until(d -> browser.path().startsWith("/upgrade/ledger"));
        assertThat(browser.path()).contains("campaign=" + earlier, "org=" + village);
        assertThat(activeYear()).isEqualTo(String.valueOf(year));
        assertThat(browser.text(By.tagName("main"))).contains("部分党员长期不参加组织生活");
        browser.shot("year-03-ledger-of-the-earlier-year-1440");

        // the menu's links and bare addresses keep the chosen year
        browser.click(browser.find(By.xpath("//nav[@id='sidebar']//a[normalize-space()='对标定级']")));
        browser.await().until(d -> browser.path().startsWith("/grading"));
        assertThat(browser.path()).contains("campaign=" + earlier);
        assertThat(activeYear()).isEqualTo(String.valueOf(year));
        for (String bare : List.of("/pledges/overview", "/survey", "/upgrade", "/grading/tables", "/survey/summary")) {
            browser.open(bare);
            assertThat(browser.path()).as(bare).contains("campaign=" + earlier);
            assertThat(activeYear()).as(bare).isEqualTo(String.valueOf(year));
        }
        browser.shot("year-04-bare-address-keeps-the-year-1440");

        // choosing the current year in the switcher: this same page in that year, and the choice is kept
        int currentYear = jdbc.sql("select campaign_year from campaign where id = :id").param("id", current).query(Integer.class).single();
        browser.click(browser.find(By.cssSelector("#year-switch a.year-choice[data-year='" + currentYear + "']")));
        browser.await().until(d -> browser.path().contains("campaign=" + current));
        assertThat(browser.path()).startsWith("/survey/summary");
        browser.open("/upgrade");
        assertThat(browser.path()).contains("campaign=" + current);
        assertThat(activeYear()).isEqualTo(String.valueOf(currentYear));

        // a shared link names the year: another user opening it sees that year
        browser.login("zhen", "tierup2026");
        browser.open("/upgrade?year=" + year);
        assertThat(browser.path()).contains("campaign=" + earlier).doesNotContain("year=");
        assertThat(activeYear()).isEqualTo(String.valueOf(year));
        browser.phone();
        browser.open("/grading?campaign=" + earlier);
        browser.visible(By.id("year-switch"));
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        // however many years there are, the newest four and the one shown are in sight; the rest fold under 更早年度
        List<WebElement> chips = browser.all(By.cssSelector("#year-switch a.year-choice"));
        assertThat(chips.stream().filter(WebElement::isDisplayed).count()).isLessThanOrEqualTo(5);
        assertThat(browser.find(By.cssSelector("#year-switch a.year-choice.active")).isDisplayed()).isTrue();
        if (chips.size() > 5) {
            browser.click(browser.find(By.cssSelector("#year-switch details.year-more > summary")));
            assertThat(chips).allMatch(WebElement::isDisplayed);
        }
        browser.shot("year-05-switcher-390");

        // bare addresses of a village's pages open for the village itself
        browser.wide();
        browser.login("cun", "tierup2026");
        for (String bare : List.of("/upgrade/ledger", "/upgrade/goal", "/grading/case", "/survey/report", "/pledges")) {
            browser.open(bare);
            assertThat(browser.path()).as(bare).contains("campaign=");
            assertThat(browser.all(By.id("address-help"))).as(bare).isEmpty();
            assertThat(browser.text(By.tagName("main"))).as(bare).doesNotContain("提交的内容有误");
        }
        browser.shot("year-06-village-bare-address-1440");

        // the city's account: on a branch's page it is asked which organisation; its own report is the city-wide one
        browser.login("admin", "tierup2026");
        browser.open("/upgrade/goal");
        browser.visible(By.id("address-help"));
        assertThat(browser.text(By.id("address-help"))).contains("请选择", "晋位升级总览").doesNotContain("提交的内容有误");
        assertThat(browser.all(By.cssSelector("#choose-org select[name=org]"))).hasSize(1);
        browser.shot("year-07-city-asked-which-organisation-1440");
        browser.phone();
        browser.shot("year-08-city-asked-which-organisation-390");
        browser.wide();
        browser.open("/survey/report");
        assertThat(browser.path()).contains("campaign=");
        assertThat(browser.text(By.tagName("main"))).contains("专题调研报告", DemoCity.CITY);

        // its home page: the city-wide totals of every phase, counted from the records
        browser.open("/");
        WebElement totals = browser.visible(By.id("city-totals"));
        assertThat(totals.findElements(By.cssSelector("tbody tr"))).hasSize(4);
        assertThat(totals.getText()).contains("现状大调查", "对标定级", "晋位升级", "总结验收", "应报事项", "逾期未报", "统计口径");
        long surveyOwed = Long.parseLong(browser.find(By.cssSelector("#city-totals tr[data-phase='SURVEY'] td:nth-child(5)")).getText());
        long organisations = jdbc.sql("select count(*) from organization where retired = false and path like"
                + " (select path from organization where id = :c) || '%'").param("c", city).query(Long.class).single();
        assertThat(surveyOwed).as("every organisation owes one survey report, the city its own 专题调研报告")
                .isEqualTo(organisations);
        browser.shot("year-09-city-home-1440");
        browser.phone();
        browser.open("/");
        browser.visible(By.id("city-totals"));
        browser.shot("year-10-city-home-390");
    }

    private String activeYear() {
        return browser.find(By.cssSelector("#year-switch a.year-choice.active")).getAttribute("data-year");
    }

    /**
     * The campaign the town's home page shows: this year's of the city if one is open (the running campaign's
     * journeys open it), else one of the town's own this year, opened here, with its survey running.
     */
    private long currentCampaign(long town) {
        int thisYear = LocalDate.now().getYear();
        List<Long> city = jdbc.sql("select id from campaign where campaign_year = :y and root_organization_id = :r")
                .param("y", thisYear).param("r", demo.orgId(DemoCity.CITY)).query(Long.class).list();
        if (!city.isEmpty()) {
            return city.get(0);
        }
        List<Long> own = jdbc.sql("select id from campaign where campaign_year = :y and root_organization_id = :r")
                .param("y", thisYear).param("r", town).query(Long.class).list();
        if (!own.isEmpty()) {
            return own.get(0);
        }
        LocalDate today = LocalDate.now();
        Map<Phase, PhaseDates> schedule = new EnumMap<>(Phase.class);
        schedule.put(Phase.SURVEY, new PhaseDates(today.minusDays(10), today.plusDays(20), today.plusDays(15)));
        schedule.put(Phase.GRADING, new PhaseDates(today.plusDays(21), today.plusDays(40), today.plusDays(35)));
        schedule.put(Phase.UPGRADE, new PhaseDates(today.plusDays(41), today.plusDays(200), today.plusDays(190)));
        schedule.put(Phase.ACCEPTANCE, new PhaseDates(today.plusDays(201), today.plusDays(260), today.plusDays(240)));
        return tx.execute(s -> campaigns.open(town, thisYear, thisYear + "年度红岩镇三分类三升级活动", schedule).getId());
    }

    private Map<Phase, PhaseDates> dates(long campaign) {
        Map<Phase, PhaseDates> out = new EnumMap<>(Phase.class);
        jdbc.sql("select phase, starts_on, ends_on, due_on from campaign_phase where campaign_id = :c").param("c", campaign)
                .query(rs -> {
                    out.put(Phase.valueOf(rs.getString(1)), new PhaseDates(rs.getDate(2).toLocalDate(),
                            rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()));
                });
        return out;
    }

    private Phase nextPhase(long campaign) {
        Map<Phase, PhaseDates> d = dates(campaign);
        LocalDate today = LocalDate.now();
        for (Phase p : Phase.values()) {
            if (today.isBefore(d.get(p).startsOn())) {
                return p;
            }
        }
        return null;
    }

    private static String phaseName(Phase p) {
        return switch (p) {
            case SURVEY -> "现状大调查";
            case GRADING -> "对标定级";
            case UPGRADE -> "晋位升级";
            case ACCEPTANCE -> "总结验收";
        };
    }
}
