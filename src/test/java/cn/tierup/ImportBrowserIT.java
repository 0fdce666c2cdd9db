package cn.tierup;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OwnTown;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page in headless Chromium: a spreadsheet made from the downloaded template with one bad
 * row is checked, the row and reason are shown and nothing is written; the corrected file is imported.
 */
@IntegrationTest
class ImportBrowserIT {

    static final String TOWN = "中共彭州市丽春镇委员会";
    static final String PREFIX = "中共彭州市丽春镇";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired cn.tierup.testsupport.TestUsers users;
    @Autowired tools.jackson.databind.json.JsonMapper json;
    @TempDir Path dir;

    @BeforeEach
    void connect() {
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    long imported() {
        return jdbc.sql("select count(*) from organization where name in (:names)")
                .param("names", List.of(PREFIX + "桃园村支部委员会", PREFIX + "杏花村支部委员会", PREFIX + "柏木村支部委员会",
                        PREFIX + "石桥村支部委员会"))
                .query(Long.class).single();
    }

    /** The organisation template as the signed-in user downloads it from the page's link. */
    byte[] template() throws IOException, InterruptedException {
        WebElement link = browser.visible(By.cssSelector("a[href$='/import/template/orgs.xlsx']"));
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /**
     * The template's header row with {@code rows} below it (the example row dropped), saved as an .xlsx
     * file. Each row gives values by column name, as the header reads without its "*" of a required column.
     */
    Path fill(byte[] template, String name, List<Map<String, String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet s = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            for (Cell c : s.getRow(0)) {
                header.add(c.getStringCellValue().replace("*", "").strip());
            }
            assertThat(header).contains("党组织全称", "上级党组织", "组织类别", "所属领域", "党组织书记");
            for (int r = s.getLastRowNum(); r >= 1; r--) {
                if (s.getRow(r) != null) {
                    s.removeRow(s.getRow(r));
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                Row row = s.createRow(i + 1);
                rows.get(i).forEach((column, value) -> {
                    assertThat(header).contains(column);
                    row.createCell(header.indexOf(column)).setCellValue(value);
                });
            }
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        }
    }

    static Map<String, String> branch(String village, String kind, String secretary) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("党组织全称", PREFIX + village + "支部委员会");
        row.put("上级党组织", TOWN);
        row.put("组织类别", kind);
        row.put("所属领域", "村");
        row.put("党组织书记", secretary);
        row.put("单位名称", village + "村民委员会");
        return row;
    }

    void upload(Path file) {
        browser.open("/import");
        browser.visible(By.id("kind-orgs")).click();
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.find(By.id("preview-btn")).click();
        browser.await().until(d -> browser.path().startsWith("/import/jobs/"));
        finished();
    }

    /** Waits until the job the page shows has finished (the page asks the server every second). */
    void finished() {
        // the block is swapped for the server's new one every second: an element read just before a swap is stale
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(180))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !"RUNNING".equals(d.findElement(By.id("import-job")).getAttribute("data-job-state")));
    }

    @Test
    void aFileWithOneBadRowShowsTheRowAndWritesNothingThenTheCorrectedFileIsImported() throws Exception {
        browser.login("admin", "tierup2026");
        browser.click(browser.visible(By.linkText("导入导出")));
        browser.visible(By.id("preview-btn"));
        browser.shot("desktop-10-import-upload");
        byte[] template = template();

        List<Map<String, String>> rows = new ArrayList<>(List.of(
                branch("桃园村", "党支部", "罗德明"),
                branch("杏花村", "党小组", "曾秀兰"),
                branch("柏木村", "党支部", "彭志强"),
                branch("石桥村", "党支部", "蒋春梅")));
        rows.get(0).put("成立日期", "1998-06-30");
        rows.get(0).put("最近换届日期", "2023-11-20");
        upload(fill(template, "党组织-有错误.xlsx", rows));

        assertThat(browser.text(By.cssSelector("main .alert-danger"))).contains("未导入任何数据");
        List<WebElement> errors = browser.all(By.cssSelector("table#import-errors tbody tr"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getText()).contains("第 3 行").contains("党小组");
        assertThat(browser.all(By.id("confirm-btn"))).isEmpty();
        assertThat(imported()).isZero();
        browser.shot("desktop-11-import-error");

        rows.get(1).put("组织类别", "党支部");
        upload(fill(template, "党组织-已修改.xlsx", rows));
        assertThat(browser.all(By.id("import-errors"))).isEmpty();
        assertThat(browser.all(By.cssSelector("table#import-preview tbody tr"))).hasSize(4);
        assertThat(imported()).isZero();
        browser.shot("desktop-12-import-preview");

        browser.visible(By.id("confirm-btn")).click();
        Alert confirm = browser.await().until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).isEqualTo("确认导入这 4 行吗？");
        confirm.accept();
        browser.await().until(d -> browser.path().startsWith("/import/jobs/"));
        finished();
        assertThat(browser.text(By.cssSelector("main .alert-success"))).isEqualTo("导入完成：共写入 4 行。");
        assertThat(imported()).isEqualTo(4);
        assertThat(jdbc.sql("select secretary from organization where name = :n").param("n", PREFIX + "杏花村支部委员会")
                .query(String.class).single()).isEqualTo("曾秀兰");
        browser.shot("desktop-13-import-done");

        browser.phone();
        try {
            upload(fill(template, "党组织-再次.xlsx", rows));
            // The same names again: every row is now a duplicate, and the page says so on a phone too.
            assertThat(browser.all(By.cssSelector("table#import-errors tbody tr"))).hasSize(4);
            assertThat(browser.text(By.cssSelector("table#import-errors tbody tr"))).as("says where the name exists and what to do")
                    .contains("在系统中已存在，请删去这一行或改用其他名称").doesNotContain("—");
            assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            browser.shot("phone-07-import-error");
        } finally {
            browser.desktop();
        }
        assertThat(imported()).isEqualTo(4);
    }

    /**
     * A roll of 20,000 people (a town's), as an office's own sheet: the page shows how far the check and then the
     * writing are while they run, then the result.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES,
            threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aLargeRollShowsItsProgressWhileCheckedAndWrittenThenTheResult() throws Exception {
        OwnTown town = new OwnTown(mvc, users, jdbc, json, "中共彭州市进度导入镇委员会");
        long village = town.village("进度导入村党支部");
        int n = 20_000;
        Path file = dir.resolve("党员名册-两万人.xlsx");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
             OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("党员");
            String[] header = {"姓名", "性别", "公民身份号码", "出生日期", "人员类别", "所在党组织", "入党日期", "转正日期", "联系电话"};
            Row h = s.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int i = 0; i < n; i++) {
                java.time.LocalDate born = java.time.LocalDate.of(1950, 1, 1).plusDays(i % 15000);
                String id = cn.tierup.organization.ChineseIdNumber.withCheckDigit("510198" + born.toString().replace("-", "")
                        + "7" + (i / 15000) + "1");
                String[] v = {"进度" + i, "男", id, born.toString(), "正式党员", "进度导入村党支部",
                        born.plusYears(24).toString(), born.plusYears(25).toString(), "137" + String.format("%08d", i)};
                Row r = s.createRow(i + 1);
                for (int c = 0; c < v.length; c++) {
                    r.createCell(c).setCellValue(v[c]);
                }
            }
            wb.write(out);
        }
        browser.login("admin", "tierup2026");
        // one viewport for the whole journey: the page polls while the job runs, and a change of the emulated screen
        // sent meanwhile once never came back from the driver (the phone's view of the job page is the other test's)
        browser.open("/import");
        browser.visible(By.id("kind-members")).click();
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.find(By.id("preview-btn")).click();
        browser.await().until(d -> browser.path().startsWith("/import/jobs/"));
        assertThat(browser.text(By.cssSelector("#import-job[data-job-state=RUNNING] #import-progress"))).contains("已读取").contains("已检查");
        browser.shot("desktop-20-import-progress");
        // the page asks again every second: the figures move without a reload
        String first = browser.text(By.id("import-progress"));
        browser.await().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> !"RUNNING".equals(d.findElement(By.id("import-job")).getAttribute("data-job-state"))
                || !browser.text(By.id("import-progress")).equals(first));
        finished();
        assertThat(browser.all(By.id("import-errors"))).isEmpty();
        assertThat(browser.text(By.cssSelector("main"))).contains("共读取 20000 行");
        browser.shot("desktop-21-import-checked");
        browser.visible(By.id("confirm-btn")).click();
        Alert confirm = browser.await().until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).isEqualTo("确认导入这 20000 行吗？");
        confirm.accept();
        browser.await().until(d -> browser.path().startsWith("/import/jobs/"));
        assertThat(browser.text(By.cssSelector("#import-job[data-job-state=RUNNING] #import-progress"))).contains("已写入");
        browser.shot("desktop-22-import-writing");
        finished();
        assertThat(browser.text(By.cssSelector("main .alert-success"))).isEqualTo("导入完成：共写入 20,000 行。");
        browser.shot("desktop-23-import-done");
        assertThat(jdbc.sql("select count(*) from member where organization_id = :v").param("v", village).query(Long.class).single())
                .isEqualTo(n);
    }
}
