package cn.tierup.reporting;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.pledge.PledgeBootstrap;
import cn.tierup.survey.ReportContent;
import cn.tierup.survey.ReportType;
import cn.tierup.survey.SurveyBootstrap;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.YearEndGrades;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.Grade.ADVANCED;
import static cn.tierup.grading.Grade.AVERAGE;
import static cn.tierup.grading.Grade.LAGGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cockpit through the real pages: the city ({@code admin}) opens it for a past year of this class's own, where
 * 丽春镇 and one other town have records, sees every block drawn, drills from the city into 丽春镇 and on into a
 * village by the units' names, and back by the breadcrumbs; 丽春镇 ({@code zhen}) finds it on its home page, is refused
 * a neighbour town, opens the wall screen at 1920×1080 and reads the cockpit on a 390 px phone; 机关工委 ({@code jggw})
 * reads its own subtree's and is refused a town's. Screenshots:
 * target/screenshots/dashboard-NN-*.png.
 */
@IntegrationTest
class DashboardBrowserIT {

    static final String PASSWORD = "tierup2026";
    static final String AGENCIES = "中共彭州市直属机关工作委员会";

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
    @Autowired SurveyBootstrap survey;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired PledgeBootstrap pledges;
    @Autowired PlatformTransactionManager transactions;

    int year;

    @BeforeEach
    void connect() {
        year = campaignFixture.yearFor(getClass());
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    @Test
    void theCityDrillsIntoATownAndAVillageAndTheTownReadsItOnTheWallAndOnAPhone() throws Exception {
        long city = demo.orgId(DemoCity.CITY);
        long lichun = demo.orgId(DemoCity.LICHUN);
        long other = jdbc.sql("select t.id from organization t where t.parent_id = :c and t.field = 'TOWN' and t.id <> :l"
                + " and t.retired = false and (select count(*) from organization v where v.parent_id = t.id and v.field = 'VILLAGE'"
                + " and v.kind = 'BRANCH' and v.retired = false) >= 2 order by t.id")
                .param("c", city).param("l", lichun).query(Long.class).list().get(0);
        String otherName = demo.orgName(other);
        long campaign = campaign(city);
        List<Long> villages = villages(lichun, 5);
        Grade[] plan = {ADVANCED, AVERAGE, LAGGING, AVERAGE, null};
        for (int i = 0; i < plan.length; i++) {
            seed(campaign, villages.get(i), lichun, plan[i], i < 3, i);
        }
        List<Long> others = villages(other, 2);
        seed(campaign, others.get(0), other, ADVANCED, true, 5);
        seed(campaign, others.get(1), other, LAGGING, false, 6);
        String village = demo.orgName(villages.get(0));

        // the city: every block drawn, 丽春镇 among the units
        browser.login("admin", PASSWORD);
        assertThat(browser.all(By.id("dashboard-link"))).as("the city's home page leads to the cockpit").hasSize(1);
        browser.wide();
        open("/dashboard?campaign=" + campaign);
        assertThat(browser.text(By.cssSelector("h1.page-title"))).contains("工作看板");
        for (String block : List.of("calendar", "survey", "grading", "upgrade", "pledges")) {
            assertThat(browser.all(By.cssSelector("#block-" + block + " .cockpit-chart svg"))).as(block + " chart").isNotEmpty();
        }
        assertThat(browser.text(By.id("block-survey"))).contains(DemoCity.LICHUN, otherName, "合计");
        assertThat(browser.text(By.id("block-grading"))).contains("先进类（个）", DemoCity.LICHUN);
        assertThat(browser.text(By.id("block-year-end"))).contains("年末比率");
        browser.shot("dashboard-01-city-1440");

        // into 丽春镇 by its bar in the grading chart, back, and again by its name in the survey table; then into a village
        browser.click(browser.find(By.xpath("//section[@id='block-grading']//*[local-name()='text'][contains(., '丽春镇')]")));
        await("org=" + lichun);
        assertThat(browser.text(By.cssSelector("h1.page-title"))).contains(DemoCity.LICHUN);
        browser.driver().navigate().back();
        browser.await().until(d -> !d.getCurrentUrl().contains("org="));
        await("campaign=" + campaign);
        browser.click(browser.find(By.xpath("//section[@id='block-survey']//a[@class='cockpit-drill'][text()='"
                + DemoCity.LICHUN + "']")));
        await("org=" + lichun);
        assertThat(browser.text(By.id("dashboard-trail"))).contains(DemoCity.CITY, DemoCity.LICHUN);
        assertThat(browser.text(By.id("block-survey"))).contains(village).doesNotContain(otherName);
        assertThat(browser.text(By.id("block-upgrade"))).contains("后进无帮扶");
        browser.shot("dashboard-02-city-in-town-1440");
        browser.click(browser.find(By.xpath("//section[@id='block-grading']//a[@class='cockpit-drill'][text()='" + village + "']")));
        await("org=" + villages.get(0));
        assertThat(browser.text(By.id("dashboard-trail"))).contains(DemoCity.CITY, DemoCity.LICHUN, village);
        browser.shot("dashboard-03-city-in-village-1440");
        browser.click(browser.find(By.xpath("//ol[@id='dashboard-trail']//a[text()='" + DemoCity.CITY + "']")));
        await("org=" + city);

        // the town: from its home page; a neighbour refused
        browser.login("zhen", PASSWORD);
        browser.click(browser.find(By.id("dashboard-link")));
        browser.await().until(d -> browser.path().startsWith("/dashboard"));
        open("/dashboard?campaign=" + campaign);
        assertThat(browser.text(By.id("dashboard-trail"))).contains(DemoCity.LICHUN).doesNotContain(DemoCity.CITY);
        browser.open("/dashboard?campaign=" + campaign + "&org=" + other);
        assertThat(browser.all(By.id("cockpit"))).as("a neighbour's cockpit").isEmpty();

        // the wall screen: no menus, every block in sight, no scrolling sideways
        browser.wallScreen();
        try {
            open("/dashboard/screen?campaign=" + campaign);
            assertThat(browser.all(By.id("sidebar"))).isEmpty();
            assertThat(browser.text(By.id("refreshed"))).isNotEqualTo("—");
            assertThat(width()).as("wall screen width").isLessThanOrEqualTo(1920);
            browser.shot("dashboard-04-town-wall-1920x1080");
        } finally {
            browser.desktop();
        }

        // a phone: cards, nothing wider than the screen
        browser.phone();
        try {
            open("/dashboard?campaign=" + campaign);
            assertThat(width()).as("cockpit width on a phone").isLessThanOrEqualTo(390);
            browser.shot("dashboard-05-town-phone-390");
        } finally {
            browser.desktop();
        }

        // 机关工委: its own subtree, neither the city nor a town in it
        browser.login("jggw", PASSWORD);
        assertThat(browser.all(By.id("dashboard-link"))).as("机关工委's home page leads to the cockpit").hasSize(1);
        browser.wide();
        open("/dashboard?campaign=" + campaign);
        assertThat(browser.text(By.id("dashboard-trail"))).contains(AGENCIES).doesNotContain(DemoCity.CITY);
        assertThat(browser.text(By.id("block-survey"))).doesNotContain(DemoCity.LICHUN, otherName);
        browser.shot("dashboard-06-agencies-1440");
        browser.open("/dashboard?campaign=" + campaign + "&org=" + lichun);
        assertThat(browser.all(By.id("cockpit"))).as("a town's cockpit, outside 机关工委's subtree").isEmpty();
    }

    /** Opens a cockpit page and waits until every block has answered. */
    void open(String path) {
        browser.open(path);
        browser.await().until(d -> browser.js("var c = document.getElementById('cockpit');"
                + " return c && c.getAttribute('data-loaded');") != null);
    }

    void await(String query) {
        browser.await().until(d -> d.getCurrentUrl().contains(query));
        browser.await().until(d -> browser.js("var c = document.getElementById('cockpit');"
                + " return c && c.getAttribute('data-loaded');") != null);
    }

    int width() {
        return ((Number) browser.js("return document.documentElement.scrollWidth")).intValue();
    }

    long campaign(long city) throws Exception {
        var r = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("rootOrganizationId", city, "year", year))))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
    }

    List<Long> villages(long town, int n) {
        return jdbc.sql("select id from organization where parent_id = :t and field = 'VILLAGE' and kind = 'BRANCH'"
                + " and retired = false order by id").param("t", town).query(Long.class).list().subList(0, n);
    }

    /** A village's year: its report handed in (or not), its grade with goal and ledger, pledges, and the year-end grade. */
    void seed(long campaign, long org, long town, Grade level, boolean report, int draw) {
        new TransactionTemplate(transactions).executeWithoutResult(t -> {
            if (report) {
                survey.report(campaign, org, ReportType.SELF_INSPECTION, new ReportContent("本村党支部现有党员 30 名。",
                                "党员队伍老龄化。", "外出务工多。", "培养青年积极分子。", LocalDate.of(year, 3, 10), 24, null, null),
                        "cun", LocalDate.of(year, 3, 20).atTime(10, 0), LocalDate.of(year, 3, 31), 30, draw % 2 == 0, "zhen");
            }
            if (level != null) {
                grading.graded(campaign, year, org, "VILLAGE", 10, level, town, "cun", "zhen");
                upgrade.year(campaign, year, org, name(level), level, null, "cun", "zhen", false);
                pledges.year(campaign, year, org, List.of(), List.of(), "cun", "zhen", new Random(7_001L + draw));
            }
        });
        if (level != null) {
            new YearEndGrades(jdbc).decided(campaign, org, town, name(level == LAGGING ? AVERAGE : level),
                    level == LAGGING ? AVERAGE : level, "zhen");
        }
    }

    static String name(Grade g) {
        return switch (g) {
            case ADVANCED -> "先进";
            case AVERAGE -> "一般";
            case LAGGING -> "后进";
        };
    }
}
