package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.YearEndGrades;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import static cn.tierup.grading.Grade.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 工作总结 through the real pages: 丽春镇 ({@code zhen}) finds its summary from the menu, reads its figures with
 * verdicts and definitions (at 1440 px and on a 390 px phone), is refused a hand-in with a part missing (what it
 * typed kept), hands it in; the city ({@code admin}) returns it with a reason, the town hands it in again, the city
 * accepts it; the 示范 list. The campaign is a past year of this class's own, so the hand-in is marked 逾期. The
 * year-end grades are written by {@link YearEndGrades}. Screenshots:
 * target/screenshots/summary-NN-*.png.
 */
@IntegrationTest
class SummaryBrowserIT {

    static final String PASSWORD = "tierup2026";

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

    int year;

    @BeforeEach
    void connect() {
        year = campaignFixture.yearFor(getClass());
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    @Test
    void theTownWritesItsSummaryBesideTheFiguresAndTheCityAcceptsIt() throws Exception {
        long town = demo.orgId(DemoCity.LICHUN);
        long campaign = setUp(town);
        String page = "/acceptance/summaries/" + campaign + "/" + town;

        // 1. zhen: menu → 工作总结 → its own summary
        browser.login("zhen", PASSWORD);
        browser.open("/acceptance/summaries?campaign=" + campaign);
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo("工作总结");
        assertThat(browser.text(By.id("summary-table"))).contains(DemoCity.LICHUN, "未开始", "逾期");
        browser.shot("summary-01-list");
        browser.click(browser.find(By.linkText("本组织总结")));
        browser.await().until(d -> browser.path().equals(page));
        String figures = browser.text(By.id("figures"));
        // 7 villages graded: 2 of 3 先进 kept, 1 named a city 示范; 1 of 2 一般 up; 1 of 2 后进 converted
        assertThat(figures).contains("村领域", "合计", "42.86%（3/7）", "50.00%（1/2）", "达标", "未达标");
        assertThat(browser.text(By.id("definitions"))).contains("先进占比 = 年末审定为先进的党组织 ÷ 年末已审定的党组织",
                "全国、省级、市（州）级示范");
        assertThat(browser.text(By.id("lacking"))).contains("尚未完成年末审定的党组织（1）");
        browser.wide();
        browser.open(page);
        browser.shot("summary-02-town-figures-1440");
        browser.phone();
        try {
            browser.open(page);
            browser.visible(By.id("figures"));
            browser.shot("summary-03-phone-town-figures-390");
            assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
                    .as("summary page width on a phone").isLessThanOrEqualTo(390);
        } finally {
            browser.desktop();
        }

        // a hand-in with a part missing: refused, what was typed kept
        browser.open(page);
        browser.type(By.id("achievements"), "全镇村级党组织班子得到加强，先进党组织增加，一个后进村实现转化。");
        browser.type(By.id("problems"), "个别村党组织书记年龄偏大，后备力量不足。");
        browser.click(browser.find(By.id("summary-hand-in")));
        browser.acceptConfirm("确定报送吗");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("报送前请填写“下步打算”。");
        assertThat(browser.find(By.id("achievements")).getAttribute("value")).contains("一个后进村实现转化");
        browser.shot("summary-04-refused-plans-missing");
        browser.type(By.id("plans"), "继续抓好后进村整顿转化，开展城乡结对帮扶。");
        browser.click(browser.find(By.id("summary-hand-in")));
        browser.acceptConfirm("确定报送吗");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已报送，等待审核");
        assertThat(browser.text(By.id("summary-status"))).isEqualTo("已报送");
        assertThat(browser.all(By.id("summary-late"))).hasSize(1);
        assertThat(browser.all(By.id("summary-form"))).as("no longer editable").isEmpty();
        assertThat(browser.all(By.id("review"))).as("the town does not review its own").isEmpty();
        browser.shot("summary-05-handed-in");

        // 2. admin returns it with a reason (none refused first)
        browser.login("admin", PASSWORD);
        browser.open(page);
        browser.click(browser.find(By.id("summary-return")));
        browser.acceptConfirm("退回");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("退回时请写明原因。");
        browser.type(By.id("reason"), "请补充后进村转化的具体做法。");
        browser.click(browser.find(By.id("summary-return")));
        browser.acceptConfirm("退回");
        assertThat(browser.text(By.id("summary-status"))).isEqualTo("已退回");
        browser.shot("summary-06-returned");

        // 3. zhen hands it in again; admin accepts
        browser.login("zhen", PASSWORD);
        browser.open(page);
        assertThat(browser.text(By.id("returned-reason"))).contains("请补充后进村转化的具体做法。");
        browser.type(By.id("achievements"), "全镇村级党组织班子得到加强，先进党组织增加；后进村通过选优配强班子、结对帮扶实现转化。");
        browser.click(browser.find(By.id("summary-hand-in")));
        browser.acceptConfirm("确定报送吗");
        assertThat(browser.text(By.id("summary-status"))).isEqualTo("已报送");
        browser.login("admin", PASSWORD);
        browser.open(page);
        browser.click(browser.find(By.id("summary-accept")));
        browser.acceptConfirm("确定通过");
        assertThat(browser.text(By.id("summary-status"))).isEqualTo("已通过");
        assertThat(browser.text(By.id("summary-text"))).contains("结对帮扶实现转化");
        browser.shot("summary-07-accepted");

        // 4. the 示范 list, as the town sees it
        browser.login("zhen", PASSWORD);
        browser.open("/acceptance/recognitions?year=" + year);
        assertThat(browser.text(By.id("recognition-table"))).contains("市（州）级", "中共成都市委组织部");
        browser.shot("summary-08-recognitions");
        browser.phone();
        try {
            browser.open("/acceptance/recognitions?year=" + year);
            browser.shot("summary-09-phone-recognitions");
            assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        } finally {
            browser.desktop();
        }
    }

    /** The campaign; seven villages and one community of the town graded at both ends (one community lacking); a 示范. */
    long setUp(long town) throws Exception {
        var r = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("rootOrganizationId", demo.orgId(DemoCity.CITY), "year", year))))
                .andExpect(status().isCreated()).andReturn();
        long campaign = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
        List<Long> villages = jdbc.sql("select id from organization where parent_id = :t and field = 'VILLAGE' and kind = 'BRANCH'"
                + " and retired = false order by id").param("t", town).query(Long.class).list();
        List<Long> communities = jdbc.sql("select id from organization where parent_id = :t and field = 'COMMUNITY'"
                + " and retired = false order by id").param("t", town).query(Long.class).list();
        Grade[][] plan = {{ADVANCED, ADVANCED}, {ADVANCED, ADVANCED}, {ADVANCED, AVERAGE}, {AVERAGE, ADVANCED}, {AVERAGE, AVERAGE},
                {LAGGING, AVERAGE}, {LAGGING, LAGGING}};
        YearEndGrades yearEnd = new YearEndGrades(jdbc);
        for (int i = 0; i < plan.length; i++) {
            graded(campaign, villages.get(i), "VILLAGE", town, plan[i][0]);
            yearEnd.decided(campaign, villages.get(i), town, name(plan[i][1]), plan[i][1], "zhen", LocalDate.of(year, 11, 25).atTime(10, 0));
        }
        graded(campaign, communities.get(0), "COMMUNITY", town, AVERAGE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organizationId", villages.get(0));
        m.put("level", "CITY");
        m.put("recognizedOn", LocalDate.of(year, 7, 1).toString());
        m.put("issuedBy", "中共成都市委组织部");
        m.put("documentNumber", "成组通〔" + year + "〕36号");
        mvc.perform(post("/api/acceptance/recognitions").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(m))).andExpect(status().isCreated());
        return campaign;
    }

    void graded(long campaign, long org, String field, long town, Grade level) {
        new TransactionTemplate(transactions).executeWithoutResult(t -> grading.graded(campaign, year, org, field, 10, level, town,
                "system", "zhen"));
    }

    static String name(Grade g) {
        return switch (g) {
            case ADVANCED -> "先进";
            case AVERAGE -> "一般";
            case LAGGING -> "后进";
        };
    }
}
