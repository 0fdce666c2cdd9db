package cn.tierup.acceptance;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A town's 民主测评 on phones through the real pages: 升平镇's account opens 党员群众民主测评 in a past campaign rooted at
 * the town (its branches graded by it), keeps three of its villages on the list (all are picked by default), holds the sitting on phones with
 * four people present and prints four codes and the closing key. A member on a 390 px phone opens the printed link,
 * switches to 大字, sends the form with one village left unrated (refused, saying so, what was chosen kept), then rates
 * all three and gets a receipt; the same code is refused a second time. The town counts with a wrong key (refused,
 * nothing counted), then with the right one: each village's 满意/基本满意/不满意 and rate are the ones rated. Screenshots:
 * target/screenshots/appraisal-*.png.
 */
@IntegrationTest
@org.springframework.context.annotation.Import(AppraisalFixture.class)
class AppraisalBrowserIT {

    static final String PASSWORD = "tierup2026";
    static final String TOWN = "中共彭州市升平镇委员会";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();
    @RegisterExtension
    static final BrowserSupport phone = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired AppraisalFixture fixture;
    @Autowired DemoCity demo;

    @BeforeEach
    void connect() {
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
        phone.baseUrl("http://localhost:" + port);
        phone.phone();
    }

    long campaign() {
        return fixture.campaignWithGradedTown(TOWN, "shengping");
    }

    @Test
    void aTownRatesThreeVillagesOnPhonesAndCountsThemWithItsKey() {
        long c = campaign();
        long town = demo.orgId(TOWN);
        browser.login("shengping", PASSWORD);
        browser.open("/acceptance/appraisals?campaign=" + c);
        assertThat(browser.text(By.cssSelector("h1"))).contains("党员群众民主测评");
        assertThat(browser.text(By.id("results"))).contains("基本满意计为满意");
        List<WebElement> boxes = browser.all(By.cssSelector("#sitting-form input[name=organizations]"));
        assertThat(boxes.size()).isGreaterThanOrEqualTo(3);
        assertThat(boxes).allMatch(WebElement::isSelected);
        browser.shot("appraisal-01-town-desk");

        // keep three villages, in the list's order
        List<String> kept = new ArrayList<>();
        for (WebElement box : boxes) {
            String label = browser.find(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).getText();
            if (label.contains("村") && kept.size() < 3) {
                kept.add(label.substring(0, label.indexOf('（')));
            } else {
                browser.click(box);
            }
        }
        assertThat(kept).hasSize(3);
        browser.type(By.id("place"), "升平镇党群服务中心会议室");
        browser.type(By.id("membersExpected"), "3");
        browser.type(By.id("membersPresent"), "3");
        browser.type(By.id("publicExpected"), "2");
        browser.type(By.id("publicPresent"), "1");
        new Select(browser.find(By.id("mode"))).selectByValue("PHONE");
        browser.clickAndWaitForNewPage(browser.find(By.id("sitting-submit")));
        browser.visible(By.id("ballot-codes"));

        List<String> codes = browser.all(By.cssSelector("#ballot-codes .code")).stream().map(WebElement::getText).toList();
        assertThat(codes).hasSize(4).doesNotHaveDuplicates();
        String key = browser.text(By.cssSelector("#closing-key .code"));
        assertThat(key).matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        String link = browser.text(By.cssSelector(".code-slip .code-link"));
        String path = link.substring(link.indexOf("/q/a/"));
        browser.shot("appraisal-02-codes-and-key");

        // a member on a phone
        phone.open(path);
        phone.visible(By.cssSelector("button.submit"));
        List<WebElement> legends = phone.all(By.cssSelector("fieldset.question legend"));
        assertThat(legends.stream().map(WebElement::getText).toList()).hasSize(4)
                .anySatisfy(t -> assertThat(t).contains(kept.get(0)));
        Number width = (Number) phone.js("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("the page fits the phone").isLessThanOrEqualTo(390);
        // the accessible name of each choice names the organisation it is for
        WebElement firstChoice = phone.find(By.cssSelector("input[name=c0][value=SATISFIED]"));
        String labelledBy = firstChoice.getAttribute("aria-labelledby");
        String name = (String) phone.js("return arguments[0].split(' ').map(id => document.getElementById(id).textContent).join(' ')",
                labelledBy);
        assertThat(name).isEqualTo(kept.get(0) + " 满意");
        WebElement big = phone.find(By.cssSelector("[data-big-switch]"));
        if (big.isDisplayed()) {
            phone.click(big);
        }
        phone.shot("appraisal-03-phone-form");

        phone.type(By.name("code"), codes.get(0));
        phone.click(phone.find(By.cssSelector("input[name=c0][value=SATISFIED]")));
        phone.click(phone.find(By.cssSelector("input[name=c1][value=FAIRLY_SATISFIED]")));
        phone.clickAndWaitForNewPage(phone.find(By.cssSelector("button.submit")));
        assertThat(phone.text(By.cssSelector(".alert"))).contains("还有 1 个党组织未选择");
        assertThat(phone.find(By.cssSelector("input[name=c1][value=FAIRLY_SATISFIED]")).isSelected()).isTrue();
        phone.shot("appraisal-04-phone-one-unrated");
        phone.click(phone.find(By.cssSelector("input[name=c2][value=DISSATISFIED]")));
        phone.clickAndWaitForNewPage(phone.find(By.cssSelector("button.submit")));
        assertThat(phone.text(By.cssSelector(".done"))).contains("测评已提交");
        String receiptLine = phone.text(By.id("receipt"));
        String receipt = receiptLine.substring(receiptLine.indexOf('：') + 1).strip();
        assertThat(receipt).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        phone.shot("appraisal-05-phone-thanks");

        // the same code once more
        phone.open(path);
        phone.type(By.name("code"), codes.get(0));
        for (int i = 0; i < 3; i++) {
            phone.click(phone.find(By.cssSelector("input[name=c" + i + "][value=SATISFIED]")));
        }
        phone.clickAndWaitForNewPage(phone.find(By.cssSelector("button.submit")));
        assertThat(phone.text(By.cssSelector(".alert"))).contains("测评码无效或已经使用过");
        phone.shot("appraisal-06-phone-code-spent");

        // a second person
        phone.open(path);
        phone.type(By.name("code"), codes.get(1));
        phone.click(phone.find(By.cssSelector("input[name=c0][value=FAIRLY_SATISFIED]")));
        phone.click(phone.find(By.cssSelector("input[name=c1][value=FAIRLY_SATISFIED]")));
        phone.click(phone.find(By.cssSelector("input[name=c2][value=SATISFIED]")));
        phone.clickAndWaitForNewPage(phone.find(By.cssSelector("button.submit")));
        assertThat(phone.text(By.cssSelector(".done"))).contains("测评已提交");

        // the town counts: a wrong key first
        String sittingPath = "/acceptance/appraisals/" + jdbc.sql("select max(id) from acceptance_appraisal where holder_organization_id = :h")
                .param("h", town).query(Long.class).single();
        browser.open(sittingPath);
        assertThat(browser.text(By.id("turnout"))).startsWith("已提交 2 份");
        browser.type(By.id("closingKey"), (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1));
        browser.clickAndWaitForNewPage(browser.find(By.id("count-submit")));
        assertThat(browser.text(By.cssSelector(".alert-danger"))).startsWith("计票密钥不正确");
        assertThat(browser.text(By.id("sitting-status"))).contains("测评中");
        browser.type(By.id("closingKey"), key);
        browser.clickAndWaitForNewPage(browser.find(By.id("count-submit")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("已计票：共投票 2 张");
        List<String> rows = browser.all(By.cssSelector("#lines tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith(kept.get(0)).endsWith("1 1 0 0 2 100.00%");
        assertThat(rows.get(1)).startsWith(kept.get(1)).endsWith("0 2 0 0 2 100.00%");
        assertThat(rows.get(2)).startsWith(kept.get(2)).endsWith("1 0 1 0 2 50.00%");
        assertThat(browser.text(By.id("lines"))).contains("基本满意计为满意");
        browser.shot("appraisal-07-town-counted");

        browser.open("/acceptance/appraisals?campaign=" + c);
        assertThat(browser.text(By.id("results"))).contains(kept.get(2));
        browser.shot("appraisal-08-town-results");
        phone.open(path);
        assertThat(phone.text(By.id("receipts"))).contains(receipt);
        phone.shot("appraisal-09-phone-receipts");
    }
}
