package cn.tierup.station;

import cn.tierup.station.internal.StationRepository;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A station's classification through the real pages, in a town of this test's own: the village fills the station's
 * score sheet and hands it in, the town decides a grade other than the self-assessed one with its reason, then reads
 * 附件6 and 附件7 on screen and downloads both as .xlsx — at 1440 px and 390 px.
 * Screenshots: target/screenshots/station-grading-NN-*.png.
 */
@IntegrationTest
class StationGradingBrowserIT {

    static final String TOWN = "中共彭州市星河镇委员会";
    static final String VILLAGE = "中共星河镇青石村支部委员会";
    static final String STATION = "青石村远教站点";

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
    void aVillageSelfAssessesItsStationTheTownDecidesAndReadsTheTables() throws Exception {
        GradingTown town = new GradingTown(mvc, users, jdbc, json, stations, transactions, TOWN);
        long village = town.village(VILLAGE);
        town.village("中共星河镇白沙村支部委员会");
        town.account("xinghe-zhen", "冯星河", town.id, "SUPERVISOR");
        town.account("xinghe-qingshi", "郑青石", village, "BRANCH");
        long station = town.station(village, STATION, LocalDate.of(CampaignFixture.OWN_TOWN_YEAR - 1, 4, 1));
        long campaign = town.campaign(CampaignFixture.OWN_TOWN_YEAR);

        browser.baseUrl("http://localhost:" + port);
        browser.wide();
        browser.login("xinghe-qingshi", OwnTown.PASSWORD);
        browser.open("/stations/grading?campaign=" + campaign);
        assertThat(browser.text(By.id("station-grading-table"))).contains(STATION, "未开始");
        browser.shot("station-grading-01-overview-1440");
        browser.click(browser.find(By.linkText(STATION)));
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo(STATION);

        // every criterion at its full points but the first aspect's first, 2 short: 98 points, 先进
        browser.js("document.querySelectorAll('.score-input').forEach(i => i.value = i.max);"
                + "document.querySelector('.score-input').value = document.querySelector('.score-input').max - 2;");
        browser.type(By.id("statement"), "站点全年正常开放，每月组织党员群众集中学习，设备运行良好。");
        browser.click(browser.find(By.id("station-sheet-save")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已保存");
        assertThat(browser.text(By.id("proposed-grade"))).isEqualTo("先进");
        assertThat(browser.text(By.id("station-score-total"))).isEqualTo("98");
        browser.shot("station-grading-02-self-assessed-1440");
        browser.click(browser.find(By.id("station-submit")));
        browser.acceptConfirm("确定上报");
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已上报");
        assertThat(browser.text(By.id("station-grading-status"))).isEqualTo("已上报待评定");
        // the village decides nothing: no decision form on its own station
        assertThat(browser.all(By.id("station-decision-form"))).isEmpty();

        // the town decides: 一般, with its reason
        browser.login("xinghe-zhen", OwnTown.PASSWORD);
        browser.open("/stations/grading/" + campaign + "/" + station);
        new Select(browser.find(By.id("grade"))).selectByValue("一般");
        browser.click(browser.find(By.id("station-decide")));
        browser.acceptConfirm("确定吗");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("请写明评定理由");
        new Select(browser.find(By.id("grade"))).selectByValue("一般");
        browser.type(By.id("reason"), "学习活动记录不完整，群众参学人数偏少，评为一般。");
        browser.click(browser.find(By.id("station-decide")));
        browser.acceptConfirm("确定吗");
        assertThat(browser.text(By.id("decided-grade"))).isEqualTo("一般");
        assertThat(browser.text(By.id("station-decision"))).contains("冯星河", "学习活动记录不完整");
        browser.shot("station-grading-03-decided-1440");

        // 附件6 and 附件7 on screen
        browser.open("/stations/tables?campaign=" + campaign);
        assertThat(browser.text(By.id("station-summary-total"))).startsWith("合计 1 1 0 0.00 1 100.00 0 0.00");
        assertThat(browser.text(By.id("station-names"))).contains(STATION, VILLAGE, "学习活动记录不完整");
        assertThat(browser.text(By.id("station-summary-note"))).contains("最大余数法");
        browser.shot("station-grading-04-tables-1440");

        // and as .xlsx, as the signed-in town downloads them from the page's links
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(By.id("station-summary-xlsx"))))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("远程教育站点分类情况汇总表");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(By.id("station-names-xlsx"))))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("远程教育站点分类名单统计表");
            assertThat(wb.getSheetAt(0).getRow(3).getCell(4).getStringCellValue()).isEqualTo(STATION);
        }

        browser.open("/stations/grading/register");
        assertThat(browser.text(By.id("station-register-table"))).contains(STATION, "一般", "冯星河");
        browser.shot("station-grading-05-register-1440");

        browser.phone();
        browser.open("/stations/tables?campaign=" + campaign);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-grading-06-tables-390");
        browser.open("/stations/grading/" + campaign + "/" + station);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-grading-07-sheet-390");
        browser.open("/stations/grading?campaign=" + campaign);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-grading-08-overview-390");
    }

    byte[] download(By link) throws Exception {
        WebElement a = browser.visible(link);
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(a.getAttribute("href")))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    long overflow() {
        return ((Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }
}
