package cn.tierup.station;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.time.LocalDate;
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
 * The station pages as a village's secretary and the town's would use them, in a town of this test's own: the village
 * registers its station (a refusal first, with what was typed kept), records two learning sessions (one refused for its
 * attendance), and the town sees them in its usage figures; at 1440 px and 390 px.
 * Screenshots: target/screenshots/station-NN-*.png.
 */
@IntegrationTest
class StationBrowserIT {

    static final String PASSWORD = "Check2026pass";
    static final String TOWN = "中共彭州市站点页面测试镇委员会";
    static final String VILLAGE = "中共彭州市站点页面测试镇桃源村支部委员会";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @Test
    void aVillageRegistersItsStationRecordsSessionsAndTheTownSeesThem() throws Exception {
        StationTown town = new StationTown(mvc, users, jdbc, json, TOWN);
        long village = town.org(town.id, VILLAGE, "BRANCH", "VILLAGE");
        town.org(town.id, "中共彭州市站点页面测试镇杏林社区支部委员会", "BRANCH", "COMMUNITY");
        town.account("zdym-cun", "桃源村书记", village, "BRANCH");
        town.account("zdym-zhen", "站点页面测试镇书记", town.id, "SUPERVISOR");
        LocalDate today = LocalDate.now();
        LocalDate first = today.withDayOfMonth(1);
        LocalDate second = today;

        browser.baseUrl("http://localhost:" + port);
        browser.wide();
        browser.login("zdym-cun", PASSWORD);
        browser.open("/stations");
        assertThat(browser.text(By.cssSelector("h1"))).contains("远程教育站点名册");
        browser.clickAndWaitForNewPage(browser.find(By.id("station-new")));

        // without a host: refused with the reason, what was typed kept
        browser.type(By.id("name"), "桃源村远程教育站点");
        browser.type(By.id("address"), "桃源村党群服务中心二楼");
        new Select(browser.find(By.id("terminalKind"))).selectByValue("INTERNET");
        new Select(browser.find(By.id("equipmentCondition"))).selectByValue("GOOD");
        browser.type(By.id("equipment"), "55 英寸电视机 1 台、电脑 2 台、投影仪 1 台");
        browser.type(By.id("managerName"), "何晓梅");
        browser.js("document.getElementById('managerTrainedOn').value = arguments[0];", "2024-04-16");
        browser.type(By.id("openingHours"), "周一至周六 9:00—17:00");
        browser.type(By.id("yearlyFunding"), "3600");
        browser.type(By.id("fundingSource"), "镇财政补助、村集体经济");
        browser.js("document.getElementById('openedOn').value = arguments[0];", "2011-06-20");
        submit(By.id("station-submit"));
        assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("请选择依托单位");
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("桃源村远程教育站点");
        browser.shot("station-01-refused-no-host");

        new Select(browser.find(By.id("hostOrganizationId"))).selectByValue("" + village);
        submit(By.id("station-submit"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已登记站点“桃源村远程教育站点”");
        assertThat(browser.text(By.id("station-facts"))).contains("何晓梅", "互联网/IPTV", VILLAGE);

        // two sessions; one with too many people refused first
        session(first, "学习贯彻党的二十届三中全会精神", "GROUP_STUDY", "18", "1200");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("1 至 1000 人");
        assertThat(browser.find(By.id("topic")).getAttribute("value")).isEqualTo("学习贯彻党的二十届三中全会精神");
        session(first, "学习贯彻党的二十届三中全会精神", "GROUP_STUDY", "18", "12");
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已记录学习活动");
        session(second, "猕猴桃种植技术培训", "SKILL_TRAINING", "6", "35");
        assertThat(browser.text(By.id("session-list"))).contains("学习活动（2 次，71 人次）", "猕猴桃种植技术培训", "技能培训");
        browser.shot("station-02-station-1440");

        browser.phone();
        browser.open(browser.path());
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-03-station-390");
        browser.wide();

        // the town reads its figures: the village's line, 本级 and 合计
        browser.login("zdym-zhen", PASSWORD);
        browser.open("/stations");
        assertThat(browser.text(By.id("station-list"))).contains("桃源村远程教育站点", VILLAGE);
        browser.shot("station-04-list-1440");
        browser.open("/stations/usage");
        String figures = browser.text(By.id("usage-table"));
        assertThat(figures).contains(VILLAGE, "本级", "合计");
        assertThat(browser.text(By.cssSelector("#usage-table tr[data-line=TOTAL]"))).contains("合计 1 2 24 47 71");
        assertThat(browser.text(By.id("usage-explain"))).contains("统计口径");
        // both sessions fall in this month: its bar is the longest, the other months have none
        assertThat(browser.text(By.cssSelector("#usage-chart [data-month='" + today.getMonthValue() + "']")))
                .contains(today.getMonthValue() + "月", "2 次 · 71 人次");
        assertThat(browser.find(By.cssSelector("#usage-chart [data-month='" + today.getMonthValue() + "'] .progress-bar"))
                .getAttribute("class")).contains("w-100");
        assertThat(browser.all(By.cssSelector("#usage-chart .progress-bar.w-0"))).hasSize(11);
        browser.shot("station-05-usage-1440");
        browser.phone();
        browser.open("/stations/usage");
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-06-usage-390");
        browser.open("/stations");
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-07-list-390");
    }

    void session(LocalDate on, String topic, String kind, String members, String publicCount) {
        browser.js("document.getElementById('heldOn').value = arguments[0];", on.toString());
        new Select(browser.find(By.id("kind"))).selectByValue(kind);
        browser.type(By.id("topic"), topic);
        browser.type(By.id("partyMembers"), members);
        browser.type(By.id("publicAttendees"), publicCount);
        submit(By.id("session-submit"));
    }

    /** Sends a form by its button, scrolled into view first (forms low on a long page sit below the fold). */
    void submit(By button) {
        browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.find(button));
        browser.clickAndWaitForNewPage(browser.find(button));
    }

    long overflow() {
        return ((Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }
}
