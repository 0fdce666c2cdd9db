package cn.tierup.station;

import static cn.tierup.station.YearEndStationTown.START;
import static cn.tierup.station.YearEndStationTown.YEAR;
import static cn.tierup.station.YearEndStationTown.YEAR_END;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tierup.station.internal.StationRepository;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.util.List;
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

/**
 * The 年末审定 of a station and the 工作总结's 远程教育站点 section through the real pages, in a town of this test's own:
 * its stations graded at the start (over the API), a village self-assesses its station's year-end round on the page and
 * hands it in, the town decides it, records the station a 示范站点 from the station's page and reads its summary — at
 * 1440 px and 390 px. Screenshots: target/screenshots/station-year-end-NN-*.png.
 */
@IntegrationTest
class StationYearEndBrowserIT {

    static final String TOWN = "中共彭州市玉泉镇委员会";
    static final String TOWN_USER = "yuquan-zhen";
    static final String VILLAGE_USER = "yuquan-shimen";
    static final String STATION = "石门村远教站点";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired StationRepository stations;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aVillageReGradesItsStationAtYearEndAndTheTownReadsTheStationRatesInItsSummary() throws Exception {
        YearEndStationTown t = new YearEndStationTown(mvc, users, jdbc, json, stations, transactions, TOWN, TOWN_USER, "钟玉泉");
        long shimen = t.village("中共玉泉镇石门村支部委员会", VILLAGE_USER, "石建华");
        long liuxi = t.village("中共玉泉镇柳溪村支部委员会", "yuquan-liuxi", "柳文清");
        long station = t.station(shimen, STATION);
        long average = t.station(liuxi, "柳溪村远教站点");
        long lagging = t.station(liuxi, "柳溪村文化广场远教站点");
        long campaign = t.campaign(false);
        t.handIn(station, START, 92, List.of());
        t.handIn(average, START, 72, List.of());
        t.handIn(lagging, START, 70, List.of(1));
        for (long s : List.of(station, average, lagging)) {
            t.decide(s, START);
        }
        // 柳溪's two stations are re-graded over the API: 一般 → 先进, 后进 → 一般
        t.handIn(average, YEAR_END, 90, List.of());
        t.handIn(lagging, YEAR_END, 80, List.of());
        t.decide(average, YEAR_END);
        t.decide(lagging, YEAR_END);

        browser.baseUrl("http://localhost:" + port);
        browser.wide();
        browser.login(VILLAGE_USER, GradingTown.PASSWORD);
        browser.open("/stations/grading/" + campaign + "/" + station);
        assertThat(browser.text(By.id("decided-grade"))).isEqualTo("先进");
        browser.click(browser.find(By.id("round-YEAR_END")));
        assertThat(browser.text(By.id("station-start-grade"))).contains("年初定级：先进");
        assertThat(browser.text(By.id("station-grading-status"))).isEqualTo("自评中");
        browser.js("document.querySelectorAll('.score-input').forEach(i => i.value = i.max);"
                + "document.querySelector('.score-input').value = document.querySelector('.score-input').max - 1;");
        browser.type(By.id("statement"), "站点全年正常开放，新增农村电商培训 6 期，群众参学人数明显增加。");
        browser.click(browser.find(By.id("station-sheet-save")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已保存");
        assertThat(browser.text(By.id("proposed-grade"))).isEqualTo("先进");
        assertThat(browser.find(By.id("round-YEAR_END")).getAttribute("aria-current")).isEqualTo("page");
        browser.click(browser.find(By.id("station-submit")));
        browser.acceptConfirm("确定上报");
        assertThat(browser.text(By.id("station-grading-status"))).isEqualTo("已上报待评定");
        assertThat(browser.all(By.id("station-decision-form"))).isEmpty();
        browser.shot("station-year-end-01-village-handed-in-1440");

        browser.login(TOWN_USER, GradingTown.PASSWORD);
        browser.open("/stations/grading?campaign=" + campaign + "&round=YEAR_END");
        assertThat(browser.text(By.id("station-grading-table"))).contains(STATION, "已上报待评定", "柳溪村远教站点");
        browser.shot("station-year-end-02-overview-1440");
        browser.click(browser.find(By.linkText(STATION)));
        new Select(browser.find(By.id("grade"))).selectByValue("先进");
        browser.click(browser.find(By.id("station-decide")));
        browser.acceptConfirm("确定吗");
        assertThat(browser.text(By.id("decided-grade"))).isEqualTo("先进");
        assertThat(browser.text(By.id("station-decision"))).contains("钟玉泉");

        // named a 示范站点 at city level, recorded from the station's page
        browser.click(browser.find(By.id("station-recognitions-link")));
        assertThat(browser.text(By.id("recognition-station"))).contains(STATION, "石门村");
        new Select(browser.find(By.id("level"))).selectByValue("CITY");
        browser.js("document.getElementById('recognizedOn').value = arguments[0];", YEAR + "-10-20");
        browser.type(By.id("issuedBy"), "中共彭州市委组织部");
        browser.type(By.id("documentNumber"), "彭组通〔" + YEAR + "〕58号");
        browser.click(browser.find(By.id("recognition-submit")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains(STATION);
        assertThat(browser.text(By.id("recognition-table"))).contains("示范站点：" + STATION, "远程教育示范站点");
        browser.shot("station-year-end-03-recognition-1440");

        browser.open("/acceptance/summaries/" + campaign + "/" + t.town.id);
        String figures = browser.text(By.id("station-figures-table"));
        // one station of three 先进 at the start, named: 1/1; the 一般 upgraded: 1/1; the 后进 converted: 1/1
        assertThat(figures).contains("中共玉泉镇石门村支部委员会", "中共玉泉镇柳溪村支部委员会", "100.00%（1/1）", "达标");
        assertThat(browser.text(By.id("station-definitions"))).contains("站点提升率 =", "站点升级率 =", "站点转化率 =");
        browser.shot("station-year-end-04-summary-1440");

        browser.open("/stations/grading/register?year=" + YEAR);
        // each station's line carries both grades of the year
        assertThat(browser.text(By.id("station-register-table"))).contains(STATION, "年初定级", "年末审定", "柳溪村文化广场远教站点");
        browser.shot("station-year-end-05-register-1440");

        browser.phone();
        browser.open("/acceptance/summaries/" + campaign + "/" + t.town.id);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-year-end-06-summary-390");
        browser.open("/stations/grading/" + campaign + "/" + station + "?round=" + YEAR_END);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-year-end-07-sheet-390");
        browser.open("/stations/grading/register?year=" + YEAR);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-year-end-08-register-390");
    }

    long overflow() {
        return ((Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }
}
