package cn.tierup.station;

import cn.tierup.station.internal.StationRepository;
import cn.tierup.station.internal.StationSessionRepository;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real pages: a village writes its stations' part of the 自查报告, is stopped while one station's effect is
 * not written, hands the report in; the town opens 附件5 from the survey's page, reads it at 1440 and 390 px and
 * downloads the .xlsx through the page's link. Screenshots: target/screenshots/station-survey-*.png.
 */
@IntegrationTest
class StationSurveyBrowserIT {

    static final int YEAR = CampaignFixture.OWN_TOWN_YEAR;

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired StationRepository stationRepository;
    @Autowired StationSessionRepository sessionRepository;

    @Test
    void aVillageReportsOnItsStationsAndTheTownReadsAttachmentFive() throws Exception {
        SurveyTown town = new SurveyTown(mvc, users, jdbc, json, stationRepository, sessionRepository, "远教浏览测试镇党委");
        long village = town.village("远教浏览测试镇红星村党支部");
        town.village("远教浏览测试镇石岭村党支部");
        long campaign = town.campaign(YEAR);
        town.account("yjll-cun", "王书记", village, "BRANCH");
        town.account("yjll-zhen", "周委员", town.id, "SUPERVISOR");
        Station satellite = town.station(village, "红星村卫星远程教育站点", TerminalKind.SATELLITE, StationStatus.IN_USE,
                "2400", LocalDate.of(YEAR - 3, 4, 1));
        Station mobile = town.station(village, "红星村移动学习站点", TerminalKind.MOBILE, StationStatus.SUSPENDED, "600.50",
                LocalDate.of(YEAR - 1, 4, 1));
        town.session(satellite, LocalDate.of(YEAR, 3, 12), 15, 22);

        browser.baseUrl("http://localhost:" + port);
        browser.phone();
        browser.login("yjll-cun", OwnTown.PASSWORD);
        String reportPath = "/survey/report?campaign=" + campaign + "&org=" + village;
        browser.open(reportPath);
        assertThat(browser.text(By.id("station-section"))).contains("红星村卫星远程教育站点", "红星村移动学习站点",
                "站点运行、管理和使用情况");
        browser.type(By.id("basicSituation"), "本村党支部现有党员 26 名，坚持“三会一课”，设有远程教育站点两个。");
        browser.type(By.id("mainProblems"), "移动学习站点设备老化，停用至今。");
        browser.type(By.id("causes"), "维修经费不足，管理员外出务工。");
        browser.type(By.id("measures"), "申请维修经费，另选一名年轻党员担任管理员。");
        browser.js("document.getElementsByName('meetingOn')[0].value = arguments[0];", LocalDate.now().toString());
        browser.type(By.id("meetingAttendance"), "5");
        fill(satellite, true);
        fill(mobile, false);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-survey-01-village-form-390");

        browser.wide();
        browser.click(browser.visible(By.id("submit-btn")));
        browser.acceptConfirm("确定提交吗");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("红星村移动学习站点", "站点作用发挥情况");
        assertThat(browser.text(By.id("report-status"))).isEqualTo("未开始");
        // what was typed stays on the page
        assertThat(browser.find(By.id("station-" + mobile.getId() + "-operation")).getAttribute("value")).startsWith("设备老化");
        browser.shot("station-survey-02-village-refused-1440");

        browser.type(By.id("station-" + mobile.getId() + "-effect"), "停用前每月组织一次流动党员在线学习。");
        browser.click(browser.visible(By.id("submit-btn")));
        browser.acceptConfirm("确定提交吗");
        // the campaign's year is long past: handed in late
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("逾期", "等待上级审核");
        assertThat(browser.text(By.id("report-text"))).contains("红星村移动学习站点", "停用前每月组织一次流动党员在线学习。");
        browser.shot("station-survey-03-village-submitted-1440");

        browser.login("yjll-zhen", OwnTown.PASSWORD);
        browser.open("/survey?campaign=" + campaign);
        browser.click(browser.visible(By.id("station-summary-link")));
        browser.await().until(d -> browser.path().startsWith("/survey/station-summary"));
        String total = browser.text(By.id("station-summary-total")).replaceAll("\\s+", " ");
        assertThat(total).startsWith("合计 2 1 0 0 1 0 1 1 2 1 1 0 0 0 1 15 22 3,000.50");
        assertThat(browser.text(By.id("station-summary-notes"))).contains("已调查站点（个）", YEAR + " 年 1 月 1 日");
        browser.shot("station-survey-04-town-summary-1440");

        String href = browser.find(By.id("station-summary-xlsx")).getAttribute("href");
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> xlsx = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row last = null;
            for (Row r : book.getSheetAt(0)) {
                if (r.getCell(0) != null && "合计".equals(r.getCell(0).toString())) {
                    last = r;
                }
            }
            assertThat(last).isNotNull();
            assertThat(last.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(last.getCell(last.getLastCellNum() - 1).getNumericCellValue()).isEqualTo(3000.50);
        }

        browser.phone();
        browser.open("/survey/station-summary?campaign=" + campaign + "&org=" + town.id);
        assertThat(overflow()).as("page wider than the phone by").isLessThanOrEqualTo(0);
        browser.shot("station-survey-05-town-summary-390");
    }

    /** Types a station's entry; without {@code effect} its 作用发挥 part is left empty. */
    void fill(Station s, boolean effect) {
        String p = "station-" + s.getId() + "-";
        boolean satellite = s.getTerminalKind() == TerminalKind.SATELLITE;
        browser.type(By.id(p + "operation"), satellite ? "每周二、四下午开放，卫星接收正常，有学用登记。" : "设备老化，去年起停用。");
        browser.type(By.id(p + "staffing"), "村文书兼任管理员，参加过县级培训。");
        browser.type(By.id(p + "resources"), "使用上级课件，自制柑橘种植课件三部。");
        browser.type(By.id(p + "funding"), "县级财政每年拨付运行维护经费。");
        browser.type(By.id(p + "assessment"), "建立学用登记和季度考核制度。");
        if (effect) {
            browser.type(By.id(p + "effect"), "组织党员群众学习种养殖技术，带动增收。");
        }
    }

    long overflow() {
        return ((Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }
}
