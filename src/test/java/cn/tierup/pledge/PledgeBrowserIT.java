package cn.tierup.pledge;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.tierup.testsupport.DemoCity.CITY;
import static cn.tierup.testsupport.DemoCity.LICHUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * 公开承诺 through the real pages, as new users would walk it. The admin opens the city's campaign for a
 * year long past. The village branch ({@code cun}) finds its pledge page through 年度活动 → 公开承诺 →
 * 本组织公开承诺, opens 群众点诺 and gets the public link and QR. A resident on a 390 px phone with no
 * account suggests a pledge with markup in it (shown as text) and is thanked. The branch takes the
 * suggestion up (marked 群众点诺), adds items of its own, is refused handing in without a goal (the typed
 * items kept), then hands in; the town ({@code zhen}) signs the 目标责任书; the branch publishes, writes two
 * members' pledges (one agreeing to show the name, one not) and signs them, and records one item 已兑现 —
 * refused first without evidence. The town comments. On the phone the public page shows the published
 * items with their states, the consenting member's name and “党员” for the other, the comment; the
 * resident rates 满意 and cannot rate again from that browser. The town's overview and its .xlsx count
 * what the journey did. Last the branch closes 群众点诺 while a resident has the form open: what is sent
 * then is refused, saying why. Screenshots go to target/screenshots/pledge-*.png.
 *
 * <p>The campaign is the city root's for a past year of this class's own ({@link CampaignFixture}). The public page takes two suggestions and two
 * ratings from 127.0.0.1 here, well under its burst limit (20 a minute per address).
 */
@IntegrationTest
class PledgeBrowserIT {

    static final String PASSWORD = "tierup2026";
    /** A resident's suggestion with markup in it: it must show as typed, never as bold text. */
    static final String SUGGESTION = "请把村口到小学的<b>HTML</b>路灯修好，孩子晚上放学不安全";
    static final String OWN_1 = "年内完成村内2.3公里通组道路硬化";
    static final String OWN_2 = "每月15日开展“主题党日+志愿服务”，走访慰问留守老人";
    static final String GOAL = "争创先进村党组织：班子团结有力，集体经济收入突破30万元，群众满意度达到90%以上。";
    static final String MEMBER_A_1 = "带头学习提高：每季度为党员群众讲一次党课";
    static final String MEMBER_A_2 = "带头服务群众：帮助3户困难群众发展庭院经济";
    static final String MEMBER_B_1 = "带头遵纪守法：调解邻里纠纷，全年不少于5起";
    static final String EVIDENCE = "已安装太阳能路灯12盏，村民代表验收通过，照片存村委会档案";
    static final String COMMENT = "承诺事项贴近群众需求，路灯问题解决及时；道路硬化要抓紧推进，年底前全部兑现。";

    /** The office computers of the village and the town. */
    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();
    /** A resident's phone: a browser of its own, never signed in. */
    @RegisterExtension
    static final BrowserSupport resident = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DemoCity demo;
    @Autowired CampaignFixture campaignFixture;

    final LocalDate today = OfficeDay.today();
    /** This class's own campaign year, from the fixture (set before each test). */
    int year;

    @BeforeEach
    void connect() {
        year = campaignFixture.yearFor(getClass());
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
        resident.baseUrl("http://localhost:" + port);
        resident.phone();
    }

    @Test
    void aVillagesPledgesFromSuggestionToRating() throws Exception {
        long village = demo.orgOf("cun");
        long town = demo.orgId(LICHUN);
        assertThat(jdbc.sql("select parent_id from organization where id = :id").param("id", village).query(Long.class).single())
                .isEqualTo(town);
        String villageName = demo.orgName(village);

        long campaign = adminOpensTheCampaign();
        String boardPath = "/pledges?campaign=" + campaign;
        String townBoardPath = "/pledges?campaign=" + campaign + "&org=" + village;

        String link = branchFindsItsPageAndOpensSuggestions(campaign, villageName);
        String publicPath = link.substring(("http://localhost:" + port).length());
        residentSuggestsOnThePhone(publicPath, villageName);
        branchTakesTheSuggestionAndHandsIn(boardPath);
        townSigns(campaign, villageName, townBoardPath);
        branchPublishes(boardPath);
        List<String> names = branchWritesAndSignsTwoMembersPledges(boardPath);
        branchRecordsFulfilment(boardPath);
        townComments(townBoardPath);
        String key = branchOpensTheRating(boardPath);
        String receipt = residentReadsAndRates(publicPath, names);
        branchCountsTheRating(boardPath, key, publicPath, receipt);
        townReadsTheOverviewAndItsTable(campaign, villageName);
        suggestionsCloseWhileAPageIsOpen(boardPath, publicPath);
    }

    /** 0. admin: the city's campaign of this class's year, with the notice's calendar. */
    long adminOpensTheCampaign() {
        browser.login("admin", PASSWORD);
        browser.open("/campaigns/new?year=" + year);
        assertThat(value("year")).isEqualTo(String.valueOf(year));
        assertThat(value("name")).isEqualTo(year + "年度三分类三升级活动");
        click(By.xpath("//main//form//button[@type='submit' and normalize-space()='开启活动']"));
        browser.await().until(d -> browser.path().matches("/campaigns/\\d+"));
        long campaign = Long.parseLong(browser.path().substring("/campaigns/".length()));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已开启：" + year + "年度三分类三升级活动");
        assertThat(jdbc.sql("select root_organization_id from campaign where id = :id").param("id", campaign)
                .query(Long.class).single()).isEqualTo(demo.orgId(CITY));
        return campaign;
    }

    /**
     * 1. cun: a branch has nobody below it to count, so the menu's 公开承诺 opens its own pledges of the running
     * year; the year's page is reached through 年度活动 → the campaign → 公开承诺. Nothing written yet; 开启群众点诺
     * gives the link and QR.
     */
    String branchFindsItsPageAndOpensSuggestions(long campaign, String villageName) {
        browser.login("cun", PASSWORD);
        click(By.cssSelector("#sidebar a[href$='/pledges/overview']"));
        browser.await().until(d -> browser.path().startsWith("/pledges?campaign="));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(villageName + " 公开承诺");

        click(By.cssSelector("#sidebar a[href$='/campaigns']"));
        WebElement row = browser.visible(By.xpath("//table[@id='campaign-table']/tbody/tr[td/a[@href='/campaigns/" + campaign + "']]"));
        assertThat(row.getText()).contains(String.valueOf(year), year + "年度三分类三升级活动", CITY);
        click(row.findElement(By.tagName("a")));
        browser.await().until(d -> browser.path().equals("/campaigns/" + campaign));
        click(By.xpath("//main//a[normalize-space()='公开承诺']"));
        browser.await().until(d -> browser.path().equals("/pledges?campaign=" + campaign));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(villageName + " 公开承诺");
        browser.shot("pledge-01-branch-board");
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("未制定承诺书");
        assertThat(browser.text(By.id("public-link"))).contains("开启群众点诺或提交承诺书后生成公开页面。");
        assertThat(browser.all(By.cssSelector("#public-link img.qr"))).isEmpty();
        assertThat(browser.text(By.id("suggestions"))).contains("还没有收到建议。");
        assertThat(browser.text(By.id("ratings"))).contains("共 0 人次");
        browser.shot("pledge-02-branch-board-empty");

        assertThat(browser.text(By.id("suggestions-toggle"))).isEqualTo("开启群众点诺");
        click(By.id("suggestions-toggle"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已开启群众点诺，请把公开页面的链接或二维码发给群众。");
        assertThat(browser.path()).isEqualTo("/pledges?campaign=" + campaign + "&org=" + demo.orgOf("cun"));
        assertThat(browser.text(By.id("suggestions-toggle"))).isEqualTo("关闭群众点诺");
        assertThat(browser.text(By.id("public-link"))).contains("提出点诺建议");
        WebElement qr = browser.visible(By.cssSelector("#public-link img.qr"));
        browser.await().until(d -> ((Number) browser.js("return arguments[0].naturalWidth", qr)).intValue() > 0);
        assertThat(qr.getSize().getWidth()).isGreaterThanOrEqualTo(150);
        String link = browser.text(By.cssSelector("#public-link .code-link a"));
        assertThat(link).matches("http://localhost:" + port + "/q/p/[a-z0-9]{10}");
        assertThat(browser.find(By.cssSelector("#public-link .code-link a")).getAttribute("href")).isEqualTo(link);
        browser.shot("pledge-03-branch-suggestions-open-link-qr");
        return link;
    }

    /** 2. A resident at 390 px with no account: the page asks for suggestions; one with markup; thanks. */
    void residentSuggestsOnThePhone(String publicPath, String villageName) {
        resident.open(publicPath);
        assertThat(resident.text(By.cssSelector("main h1"))).isEqualTo(villageName + "　" + year + " 年度公开承诺");
        assertThat(resident.text(By.cssSelector("#suggest h2"))).isEqualTo("群众点诺：您希望党组织为群众办哪些实事？");
        assertThat(resident.text(By.cssSelector("main"))).contains("党组织的承诺事项签订后将在这里公开。");
        assertThat(resident.all(By.id("rate"))).as("nothing to rate before publication").isEmpty();
        assertFitsThePhone();
        assertBigTarget(resident.find(By.cssSelector("#suggest button.submit")));
        resident.shot("pledge-04-phone-public-suggest-form");

        resident.type(By.cssSelector("#suggest textarea[name=text]"), SUGGESTION);
        WebElement submit = resident.find(By.cssSelector("#suggest button.submit"));
        resident.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        submit.click();
        assertThat(resident.text(By.cssSelector(".notice"))).isEqualTo("已收到您的建议，党组织将认真研究。谢谢！");
        assertThat(resident.find(By.cssSelector("#suggest textarea[name=text]")).getAttribute("value")).isEmpty();
        assertFitsThePhone();
        resident.shot("pledge-05-phone-public-suggest-thanks");
    }

    /**
     * 3. cun: the suggestion waits in the queue as typed (markup as text); taken up it is item 1 marked
     * 群众点诺; two own items; handing in without a goal is refused with the typed items kept; then handed in.
     */
    void branchTakesTheSuggestionAndHandsIn(String boardPath) {
        browser.open(boardPath);
        assertThat(browser.text(By.cssSelector("#suggestions .panel-title"))).isEqualTo("群众点诺（待处理 1）");
        WebElement suggestion = browser.find(By.cssSelector("#suggestions .suggestion"));
        assertThat(suggestion.findElement(By.cssSelector("p")).getText()).isEqualTo(SUGGESTION);
        assertThat(suggestion.findElements(By.tagName("b"))).as("the resident's markup is not rendered").isEmpty();
        assertThat(suggestion.getText()).contains(today.toString(), "待处理");
        browser.shot("pledge-06-branch-suggestion-queue");

        click(suggestion.findElement(By.xpath(".//button[normalize-space()='采纳为承诺事项']")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已采纳，列入承诺书草稿。");
        assertThat(browser.text(By.cssSelector("#suggestions .panel-title"))).isEqualTo("群众点诺（待处理 0）");
        assertThat(browser.text(By.cssSelector("#suggestions .suggestion"))).contains("已采纳").doesNotContain("采纳为承诺事项");
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("草稿");
        assertThat(item(0)).isEqualTo(SUGGESTION);
        assertThat(rowMark(0)).as("the taken-up item is marked in the draft").isEqualTo("群众点诺");
        assertThat(item(1)).isEmpty();
        assertThat(rowMark(1)).isEmpty();

        browser.type(By.cssSelector("#pledge-form input[name=item1]"), OWN_1);
        browser.type(By.cssSelector("#pledge-form input[name=item2]"), OWN_2);
        assertThat(value("goal")).isEmpty();
        click(By.id("pledge-submit"));
        acceptConfirm("签订前不能修改");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("请填写党组织的争创目标。");
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("草稿");
        assertThat(item(0)).isEqualTo(SUGGESTION);
        assertThat(item(1)).isEqualTo(OWN_1);
        assertThat(item(2)).isEqualTo(OWN_2);
        assertThat(item(3)).isEmpty();
        assertThat(rowMark(0)).isEqualTo("群众点诺");
        browser.shot("pledge-07-branch-hand-in-refused-no-goal");

        browser.type(By.id("goal"), GOAL);
        click(By.id("pledge-submit"));
        acceptConfirm(LICHUN);
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("承诺书已提交，等待上级签订。");
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("待签订");
        assertThat(browser.all(By.id("pledge-form"))).as("no longer editable").isEmpty();
        assertThat(browser.text(By.cssSelector("#pledge-text p.pre-wrap"))).isEqualTo(GOAL);
        assertThat(browser.text(By.cssSelector("#pledge-text"))).contains("提交：张志强，" + today);
        assertThat(itemTexts("#pledge-text")).containsExactly(SUGGESTION + " 群众点诺", OWN_1, OWN_2);
        assertThat(browser.all(By.cssSelector("#pledge-text .pledge-items tbody b"))).isEmpty();
        assertThat(browser.all(By.id("pledge-sign"))).as("the branch does not sign its own").isEmpty();
        browser.shot("pledge-08-branch-handed-in");
    }

    /** 4. zhen: through its overview to the village's page; signs the 目标责任书. */
    void townSigns(long campaign, String villageName, String townBoardPath) {
        browser.login("zhen", PASSWORD);
        browser.login("zhen", PASSWORD);
        browser.open("/campaigns/" + campaign);
        click(By.xpath("//main//a[normalize-space()='公开承诺']"));
        browser.await().until(d -> browser.path().equals("/pledges/overview?campaign=" + campaign));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(LICHUN + " 公开承诺");
        click(By.xpath("//table[@id='pledge-table']/tbody/tr/td/a[1][normalize-space()='" + villageName + "']"));
        browser.await().until(d -> browser.path().equals(townBoardPath));
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("待签订");
        browser.visible(By.id("pledge-sign"));
        browser.shot("pledge-09-town-to-sign");

        click(By.id("pledge-sign"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已签订。");
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("已签订");
        assertThat(browser.text(By.cssSelector("#pledge-text"))).contains("签订：李镇书，" + today);
        assertThat(browser.all(By.id("pledge-sign"))).isEmpty();
        browser.shot("pledge-10-town-signed");
    }

    /** 5. cun: publishes the signed 承诺书. */
    void branchPublishes(String boardPath) {
        browser.login("cun", PASSWORD);
        browser.open(boardPath);
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("已签订");
        click(By.id("pledge-publish"));
        acceptConfirm("确定公开吗");
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .isEqualTo("已向社会公开，群众可通过公开页面查看。开启群众满意度测评后，群众即可在公开页面测评。");
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("已公开");
        assertThat(browser.text(By.cssSelector("#pledge-text"))).contains("公开：" + today);
        assertThat(browser.all(By.id("pledge-publish"))).isEmpty();
        assertThat(browser.text(By.id("public-link"))).contains("并进行满意度测评");
    }

    /** 6. cun: two members' pledges, the first showing the name, the second not; each signed by the branch. */
    List<String> branchWritesAndSignsTwoMembersPledges(String boardPath) {
        Select select = new Select(browser.visible(By.id("member-select")));
        List<WebElement> options = select.getOptions();
        assertThat(options).as("members on the village's roll").hasSizeGreaterThanOrEqualTo(2);
        String nameA = options.get(0).getText();
        String idA = options.get(0).getAttribute("value");
        String nameB = options.get(1).getText();
        String idB = options.get(1).getAttribute("value");
        assertThat(nameA).doesNotContain("已有");

        memberPledge(idA, nameA, List.of(MEMBER_A_1, MEMBER_A_2), true);
        browser.shot("pledge-11-branch-member-pledge-form");
        click(By.id("member-submit"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("党员公开承诺书已提交，请支部签订。");
        assertThat(browser.text(By.cssSelector("#member-pledge .panel-title"))).isEqualTo(nameA + " 的党员公开承诺书");
        assertThat(itemTexts("#member-pledge")).containsExactly(MEMBER_A_1, MEMBER_A_2);
        click(By.id("member-sign"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已签订。");

        memberPledge(idB, nameB, List.of(MEMBER_B_1), false);
        click(By.id("member-submit"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("党员公开承诺书已提交，请支部签订。");
        click(By.id("member-sign"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已签订。");

        assertThat(browser.text(By.cssSelector("#member-pledges .panel-title"))).isEqualTo("党员公开承诺书（2）");
        List<List<String>> rows = browser.all(By.cssSelector("#member-pledges tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).limit(4).toList()).toList();
        assertThat(rows).containsExactly(List.of(nameA, "2", "已公开", "同意"), List.of(nameB, "1", "已公开", "不公开"));
        assertThat(new Select(browser.find(By.id("member-select"))).getOptions().stream().map(WebElement::getText).toList())
                .contains(nameA + "（已有）", nameB + "（已有）");
        browser.shot("pledge-12-branch-members-signed");
        return List.of(nameA, nameB);
    }

    void memberPledge(String memberId, String name, List<String> items, boolean showName) {
        new Select(browser.visible(By.id("member-select"))).selectByValue(memberId);
        click(By.xpath("//div[@id='member-pledges']//button[normalize-space()='填写／查看该党员的承诺书']"));
        browser.await().until(d -> browser.path().contains("member=" + memberId));
        assertThat(browser.text(By.cssSelector("#member-pledge .panel-title"))).isEqualTo(name + " 的党员公开承诺书");
        for (int i = 0; i < items.size(); i++) {
            browser.type(By.cssSelector("#member-pledge input[name=item" + i + "]"), items.get(i));
        }
        WebElement consent = browser.find(By.id("showName"));
        assertThat(consent.isSelected()).isFalse();
        if (showName) {
            click(By.cssSelector("label[for=showName]"));
            assertThat(consent.isSelected()).isTrue();
        }
    }

    /** 7. cun: item 1 已兑现 is refused without evidence, then recorded with evidence and date; item 2 推进中. */
    void branchRecordsFulfilment(String boardPath) {
        browser.open(boardPath);
        WebElement form = fulfilForm(1);
        new Select(form.findElement(By.name("status"))).selectByVisibleText("已兑现");
        click(form.findElement(By.xpath(".//button[normalize-space()='保存']")));
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("第 1 项：标记“已兑现”或“未兑现”时，请写明兑现情况或原因。");
        assertThat(itemRow(1).get(2)).isEqualTo("已承诺");
        browser.shot("pledge-13-branch-fulfil-refused");

        form = fulfilForm(1);
        new Select(form.findElement(By.name("status"))).selectByVisibleText("已兑现");
        WebElement evidence = form.findElement(By.name("evidence"));
        evidence.clear();
        evidence.sendKeys(EVIDENCE);
        LocalDate doneOn = today.minusDays(2);
        browser.js("arguments[0].value = arguments[1];", form.findElement(By.name("doneOn")), doneOn.toString());
        click(form.findElement(By.xpath(".//button[normalize-space()='保存']")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("第 1 项践诺情况已更新。");
        assertThat(itemRow(1).get(2)).isEqualTo("已兑现\n" + EVIDENCE + "（" + doneOn + "）");

        form = fulfilForm(2);
        new Select(form.findElement(By.name("status"))).selectByVisibleText("推进中");
        click(form.findElement(By.xpath(".//button[normalize-space()='保存']")));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("第 2 项践诺情况已更新。");
        assertThat(itemRow(2).get(2)).isEqualTo("推进中");
        assertThat(itemRow(3).get(2)).isEqualTo("已承诺");
        browser.shot("pledge-14-branch-fulfilled");

        // The same page on the secretary's phone: nothing runs off the screen but the item table, which scrolls.
        browser.phone();
        try {
            browser.open(boardPath);
            browser.visible(By.id("pledge-text"));
            assertThat(scrollWidth(browser)).isLessThanOrEqualTo(390);
            // Each item reads as a card: its text, its state and its update form on the screen, nothing to scroll sideways.
            for (WebElement e : browser.all(By.cssSelector("#pledge-text .pledge-items tbody td, #pledge-text .fulfil-form > *"))) {
                Number right = (Number) browser.js("return arguments[0].getBoundingClientRect().right;", e);
                assertThat(right.doubleValue()).as("right edge of %s", e.getText()).isLessThanOrEqualTo(390);
            }
            WebElement wrap = browser.find(By.cssSelector("#pledge-text .table-wrap"));
            assertThat(((Number) browser.js("return arguments[0].scrollWidth - arguments[0].clientWidth", wrap)).intValue())
                    .as("the item table needs no sideways scrolling").isLessThanOrEqualTo(1);
            for (WebElement e : browser.all(By.cssSelector("#pledge-text .fulfil-form select, #pledge-text .fulfil-form input:not([type=hidden]), #pledge-text .fulfil-form button"))) {
                assertThat(e.getSize().getHeight()).as("touch target %s", e.getAttribute("name")).isGreaterThanOrEqualTo(40);
            }
            browser.shot("pledge-15-phone-branch-board");
        } finally {
            browser.desktop();
        }
    }

    /** 8. zhen: 领导点评 on the village's page. */
    void townComments(String townBoardPath) {
        browser.login("zhen", PASSWORD);
        browser.open(townBoardPath);
        assertThat(browser.text(By.id("comments"))).contains("暂无点评。");
        browser.type(By.id("comment-text"), COMMENT);
        click(By.id("comment-submit"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已点评 1 个党组织。");
        assertThat(browser.path()).isEqualTo(townBoardPath);
        assertThat(browser.text(By.cssSelector("#comments .comment"))).contains(COMMENT, "李镇书，" + today);
        browser.shot("pledge-16-town-commented");
    }

    /** 8b. cun opens the residents' rating: its closing key is shown once, to print; nobody sees a rating before the count. */
    String branchOpensTheRating(String boardPath) {
        browser.login("cun", PASSWORD);
        browser.open(boardPath);
        assertThat(browser.text(By.id("rating-state"))).startsWith("尚未开启本年度的群众满意度测评");
        click(By.id("ratings-open"));
        acceptConfirm("确定开启吗");
        String key = browser.text(By.cssSelector("#closing-key .code"));
        assertThat(key).matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        assertThat(browser.text(By.id("closing-key"))).contains("计票密钥", "不保存这个计票密钥");
        browser.shot("pledge-16b-branch-rating-key");
        browser.open(boardPath);
        assertThat(browser.text(By.id("rating-state"))).startsWith("测评进行中：已有 0 人次参与");
        assertThat(browser.driver().getPageSource()).as("the key is shown once").doesNotContain(key);
        return key;
    }

    /** 9b. cun counts the rating with the printed key (a wrong key first); the resident finds their receipt counted. */
    void branchCountsTheRating(String boardPath, String key, String publicPath, String receipt) {
        browser.open(boardPath);
        assertThat(browser.text(By.id("rating-state"))).startsWith("测评进行中：已有 1 人次参与");
        assertThat(browser.text(By.id("ratings"))).contains("共 0 人次");
        browser.type(By.id("rating-key"), (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1));
        click(By.id("ratings-count"));
        acceptConfirm("确定结束测评并计票吗");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).startsWith("计票密钥不正确");
        browser.type(By.id("rating-key"), key.toLowerCase());
        click(By.id("ratings-count"));
        acceptConfirm("确定结束测评并计票吗");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("群众满意度测评已计票，结果已更新。");
        assertThat(browser.text(By.id("ratings"))).contains("共 1 人次，满意率 100.00%", "基本满意计为满意", "已于");
        // each member's pledge: the first rated 基本满意 (counted as satisfied), the second by nobody
        List<WebElement> memberRows = browser.all(By.cssSelector("#member-ratings tbody tr"));
        assertThat(memberRows).hasSize(2);
        assertThat(memberRows.stream().map(WebElement::getText).toList())
                .anySatisfy(t -> assertThat(t).endsWith("0 1 0 1 100.00%"))
                .anySatisfy(t -> assertThat(t).endsWith("0 0 0 0 —"));
        assertThat(browser.text(By.id("ratings"))).contains("选择“不评价”的不计入该承诺");
        assertThat(browser.find(By.id("ratings-xlsx")).getAttribute("href")).contains("/pledges/ratings.xlsx");
        browser.shot("pledge-18b-branch-rating-counted");
        resident.open(publicPath);
        assertThat(resident.text(By.id("rating-result"))).startsWith("已计票 1 人次，满意率 100.00%");
        List<WebElement> memberResults = resident.all(By.cssSelector("#member-pledges .member-result"));
        assertThat(memberResults).hasSize(1);
        assertThat(memberResults.get(0).getText()).isEqualTo("群众测评：满意 0，基本满意 1，不满意 0；共 1 人次，满意率 100.00%");
        assertThat(resident.text(By.id("member-rating-rule"))).contains("基本满意计为满意");
        assertThat(resident.all(By.cssSelector("#rate form"))).isEmpty();
        resident.js("document.getElementById('rating-receipts').open = true;");
        assertThat(resident.all(By.cssSelector("#rating-receipts li")).stream().map(WebElement::getText).toList())
                .containsExactly(receipt);
        assertFitsThePhone();
        resident.shot("pledge-18c-phone-public-rating-counted");
    }

    /**
     * 9. The resident reloads the page: the published items and their states, the members (one by name, one
     * as 党员), the comment; rates 满意 while the rating runs and gets a receipt; the form is gone, a second rating from that browser is
     * refused, and nothing is counted yet. Answers the receipt.
     */
    String residentReadsAndRates(String publicPath, List<String> names) {
        resident.open(publicPath);
        assertThat(resident.all(By.id("suggest"))).as("suggestions are still open").hasSize(1);
        assertThat(resident.text(By.cssSelector("#organisation-pledge"))).contains("争创目标：" + GOAL);
        List<WebElement> items = resident.all(By.cssSelector("#organisation-pledge .pledge-list > li"));
        assertThat(items).hasSize(3);
        assertThat(items.get(0).findElement(By.cssSelector("span")).getText()).isEqualTo(SUGGESTION);
        assertThat(items.get(0).findElements(By.tagName("b"))).isEmpty();
        assertThat(items.get(0).findElement(By.cssSelector(".state")).getText()).isEqualTo("已兑现");
        assertThat(items.get(0).findElement(By.cssSelector(".state")).getAttribute("class")).contains("fulfilled");
        assertThat(items.get(0).getText()).contains("（群众点诺）", EVIDENCE);
        assertThat(items.get(1).getText()).contains(OWN_1, "推进中").doesNotContain("群众点诺");
        assertThat(items.get(2).getText()).contains(OWN_2, "已承诺");
        assertThat(resident.text(By.cssSelector("#member-pledges h2"))).isEqualTo("党员承诺（2 名党员）");
        assertThat(resident.all(By.cssSelector("#member-pledges h3")).stream().map(WebElement::getText).toList())
                .containsExactly(names.get(0), "党员");
        assertThat(resident.text(By.cssSelector("#member-pledges"))).contains(MEMBER_A_1, MEMBER_A_2, MEMBER_B_1);
        assertThat(resident.driver().getPageSource()).as("the name of the member who did not agree").doesNotContain(names.get(1));
        assertThat(resident.text(By.cssSelector("#leader-comments"))).contains("上级党组织点评", COMMENT);
        assertThat(resident.text(By.cssSelector("#rate .intro"))).startsWith("群众满意度测评进行中，已有 0 人次参与；结果在测评结束、统一计票后公布。");
        List<WebElement> choices = resident.all(By.cssSelector("#rate-organisation label.choice"));
        assertThat(choices.stream().map(WebElement::getText).toList()).containsExactly("满意", "基本满意", "不满意");
        choices.forEach(this::assertBigTarget);
        // each member's published pledge is rated in the same form, 不评价 unless the resident chooses
        List<WebElement> members = resident.all(By.cssSelector("#rate fieldset.member-rating"));
        assertThat(members).hasSize(2);
        assertThat(members.get(0).findElement(By.tagName("legend")).getText()).isEqualTo("第 1 份党员承诺（" + names.get(0) + "）兑现情况的评价（可选“不评价”）");
        assertThat(members.get(1).findElement(By.tagName("legend")).getText()).isEqualTo("第 2 份党员承诺（党员）兑现情况的评价（可选“不评价”）");
        for (WebElement m : members) {
            List<WebElement> offered = m.findElements(By.cssSelector("label.choice"));
            assertThat(offered.stream().map(WebElement::getText).toList()).containsExactly("满意", "基本满意", "不满意", "不评价");
            assertThat(m.findElement(By.cssSelector("input[value=NOT_RATED]")).isSelected()).isTrue();
            offered.forEach(this::assertBigTarget);
        }
        assertBigTarget(resident.find(By.cssSelector("#rate button.submit")));
        assertFitsThePhone();
        resident.shot("pledge-17-phone-public-published-before-rating");

        WebElement satisfied = resident.find(By.cssSelector("#rate input[name=choice][value=SATISFIED]"));
        WebElement label = satisfied.findElement(By.xpath("./ancestor::label[1]"));
        resident.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", label);
        label.click();
        assertThat(satisfied.isSelected()).isTrue();
        // the first member's pledge 基本满意, the second left 不评价
        WebElement fairly = members.get(0).findElement(By.cssSelector("input[value=FAIRLY_SATISFIED]"));
        WebElement fairlyLabel = fairly.findElement(By.xpath("./ancestor::label[1]"));
        resident.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", fairlyLabel);
        fairlyLabel.click();
        assertThat(fairly.isSelected()).isTrue();
        resident.shot("pledge-17b-phone-public-rating-members");
        WebElement submit = resident.find(By.cssSelector("#rate button.submit"));
        resident.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        submit.click();
        assertThat(resident.text(By.cssSelector(".notice"))).startsWith("测评成功，感谢您的参与。测评不记名。");
        String receipt = resident.text(By.id("receipt"));
        assertThat(receipt).matches("您的测评回执：[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(resident.text(By.cssSelector("#rate"))).contains("已有 1 人次参与", "您已经参与过测评，谢谢！").doesNotContain("满意率");
        assertThat(resident.all(By.cssSelector("#rate input[name=choice]"))).isEmpty();
        assertFitsThePhone();
        resident.shot("pledge-18-phone-public-rated");

        // Back later: 已参与, no form.
        resident.open(publicPath);
        assertThat(resident.text(By.cssSelector("#rate"))).contains("您已经参与过测评，谢谢！");
        assertThat(resident.all(By.cssSelector("#rate form"))).isEmpty();
        // A rating sent anyway from this browser (as a page left open in another tab would): refused, not counted.
        resident.js("var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                + " var i = document.createElement('input'); i.name = 'choice'; i.value = 'DISSATISFIED'; f.appendChild(i);"
                + " document.body.appendChild(f); f.submit();", publicPath + "/rate");
        assertThat(resident.text(By.cssSelector("#rate .alert"))).isEqualTo("您已经测评过了，谢谢参与。");
        assertThat(resident.text(By.cssSelector("#rate .intro"))).startsWith("群众满意度测评进行中，已有 1 人次参与");
        // sealed until the count: no counter has moved
        assertThat(jdbc.sql("select t.choice, t.n from pledge_rating_tally t join pledge_board b on b.id = t.board_id"
                        + " where b.slug = :s order by t.choice").param("s", publicPath.substring("/q/p/".length()))
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly("DISSATISFIED=0", "FAIRLY_SATISFIED=0", "SATISFIED=0");
        return receipt.substring(receipt.indexOf('：') + 1);
    }

    /** 10. zhen: the overview and its .xlsx count what the journey did. */
    void townReadsTheOverviewAndItsTable(long campaign, String villageName) throws Exception {
        // Counted here, from what the journey wrote: the 承诺书 and two members' pledges, all published.
        long pledges = 3;
        long items = 3 + 2 + 1;
        long fulfilled = 1;
        long inProgress = 1;
        long notBegun = items - fulfilled - inProgress;
        long ratings = 1;
        String fulfilmentRate = String.format(java.util.Locale.ROOT, "%.2f%%", fulfilled * 100.0 / items);
        assertThat(fulfilmentRate).isEqualTo("16.67%");

        browser.login("zhen", PASSWORD);
        browser.open("/campaigns/" + campaign);
        click(By.xpath("//main//a[normalize-space()='公开承诺']"));
        browser.await().until(d -> browser.path().equals("/pledges/overview?campaign=" + campaign));
        List<String> counts = browser.all(By.cssSelector("#pledge-counts .stat-value")).stream().map(WebElement::getText).toList();
        assertThat(counts).containsExactly(String.valueOf(items), String.valueOf(fulfilled), fulfilmentRate, "100.00%");
        assertThat(browser.text(By.id("fulfilment-rule"))).contains("已兑现的事项 ÷ 已公开的承诺事项", "未公开的草稿不计");
        assertThat(browser.text(By.id("rating-rule"))).contains("基本满意计为满意");
        assertThat(browser.text(By.xpath("//main//p[contains(., '份公开承诺书')]")))
                .startsWith("共 " + pledges + " 份公开承诺书（含党员公开承诺书），群众测评 " + ratings + " 人次。");
        WebElement row = browser.find(By.xpath("//table[@id='pledge-table']/tbody/tr[td/a[1][normalize-space()='" + villageName + "']]"));
        List<String> cells = row.findElements(By.tagName("td")).stream().skip(2).map(WebElement::getText).toList();
        assertThat(cells).containsExactly(String.valueOf(pledges), String.valueOf(items), String.valueOf(fulfilled), "0",
                String.valueOf(inProgress), String.valueOf(notBegun), fulfilmentRate, String.valueOf(ratings), "100.00%");
        List<String> foot = browser.all(By.cssSelector("#pledge-table tfoot th")).stream().skip(1).map(WebElement::getText).toList();
        assertThat(foot).containsExactly("合计", String.valueOf(pledges), String.valueOf(items), String.valueOf(fulfilled), "0",
                String.valueOf(inProgress), String.valueOf(notBegun), fulfilmentRate, String.valueOf(ratings), "100.00%");
        browser.shot("pledge-19-town-office-overview");

        String href = browser.find(By.linkText("导出统计表")).getAttribute("href");
        HttpResponse<byte[]> xlsx = get(href);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(f.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("公开承诺践诺情况统计表");
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(0))).contains("填报单位：" + LICHUN, year + "年度三分类三升级活动");
            Row found = null;
            Row total = null;
            for (Row r : sheet) {
                if (villageName.equals(f.formatCellValue(r.getCell(1)))) {
                    assertThat(found).as("one line for the village").isNull();
                    found = r;
                } else if ("合计".equals(f.formatCellValue(r.getCell(0)))) {
                    total = r;
                }
            }
            assertThat(found).as("the village's line in the .xlsx").isNotNull();
            // 已兑现, 未兑现, 推进中 and 未开始 add up to the items
            assertThat(numbers(found, 2, 13)).containsExactly((double) pledges, (double) items, (double) fulfilled, 0d,
                    (double) inProgress, (double) notBegun, 16.67, (double) ratings, 0d, 0d, 100.0);
            assertThat(total).as("合计 line").isNotNull();
            assertThat(numbers(total, 2, 13)).containsExactly((double) pledges, (double) items, (double) fulfilled, 0d,
                    (double) inProgress, (double) notBegun, 16.67, (double) ratings, 0d, 0d, 100.0);
            assertThat(found.getCell(8).getNumericCellValue()).isCloseTo(16.67, within(0.001));
            assertThat(f.formatCellValue(found.getCell(8))).as("two decimals in the sheet too").isEqualTo("16.67");
        }

        // The village has nobody below it: its overview is its own page, where its figures are.
        browser.login("cun", PASSWORD);
        browser.open("/pledges/overview?campaign=" + campaign);
        browser.await().until(d -> browser.path().equals("/pledges?campaign=" + campaign));
        assertThat(browser.text(By.id("pledge-status"))).isEqualTo("已公开");
        browser.shot("pledge-20-branch-overview-after");

        // 附件9 (the 承诺书 as .docx) is linked from the village's page; report, not fail, while it is not served.
        browser.open("/pledges?campaign=" + campaign);
        String docx = browser.find(By.partialLinkText("下载承诺书")).getAttribute("href");
        int status = get(docx).statusCode();
        if (status != 200) {
            System.err.println("PledgeBrowserIT: " + docx + " answers " + status + " — the 承诺书 download (附件9) is not served.");
        }
    }

    /** 11. cun closes 群众点诺 while a resident has the form open; what the resident sends then is refused, saying why. */
    void suggestionsCloseWhileAPageIsOpen(String boardPath, String publicPath) {
        resident.open(publicPath);
        resident.type(By.cssSelector("#suggest textarea[name=text]"), "希望村里增设老年活动室");

        browser.open(boardPath);
        assertThat(browser.text(By.id("suggestions-toggle"))).isEqualTo("关闭群众点诺");
        click(By.id("suggestions-toggle"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已关闭群众点诺。");
        assertThat(browser.text(By.id("suggestions-toggle"))).isEqualTo("开启群众点诺");
        assertThat(browser.text(By.id("public-link"))).contains("查看公开承诺", "并进行满意度测评");

        WebElement submit = resident.find(By.cssSelector("#suggest button.submit"));
        resident.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        submit.click();
        assertThat(resident.text(By.cssSelector("main > .alert"))).isEqualTo("该党组织目前没有征集承诺事项建议。");
        assertThat(resident.all(By.id("suggest"))).isEmpty();
        assertThat(resident.all(By.cssSelector(".notice"))).isEmpty();
        assertThat(resident.all(By.id("organisation-pledge"))).hasSize(1);
        resident.shot("pledge-21-phone-public-suggestions-closed");
        assertThat(browser.all(By.cssSelector("#suggestions .suggestion"))).as("nothing kept").hasSize(1);
    }

    // --- helpers ---

    /** The 群众点诺 mark beside a draft item's box, or "" when there is none. */
    String rowMark(int index) {
        WebElement input = browser.find(By.cssSelector("#pledge-form input[name=item" + index + "]"));
        return input.findElements(By.xpath("./following-sibling::span[contains(@class,'tag')]")).stream()
                .map(WebElement::getText).collect(Collectors.joining());
    }

    /** The item texts of the pledge table inside {@code panel}, with any mark beside them. */
    List<String> itemTexts(String panel) {
        return browser.all(By.cssSelector(panel + " .pledge-items tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(1).getText()).toList();
    }

    List<String> itemRow(int number) {
        WebElement row = browser.find(By.xpath("//div[@id='pledge-text']//table[contains(@class,'pledge-items')]/tbody/tr[td[1][normalize-space()='"
                + number + "']]"));
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    WebElement fulfilForm(int number) {
        return browser.find(By.xpath("//div[@id='pledge-text']//table[contains(@class,'pledge-items')]/tbody/tr[td[1][normalize-space()='"
                + number + "']]//form[contains(@class,'fulfil-form')]"));
    }

    List<Double> numbers(Row r, int from, int to) {
        List<Double> out = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            Cell c = r.getCell(i);
            out.add(c == null ? null : c.getNumericCellValue());
        }
        return out;
    }

    HttpResponse<byte[]> get(String url) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    void assertFitsThePhone() {
        assertThat(scrollWidth(resident)).as("page width on the phone").isLessThanOrEqualTo(390);
    }

    /** A thumb's target: at least 44 CSS pixels high and within the screen. */
    void assertBigTarget(WebElement e) {
        assertThat(e.getSize().getHeight()).as("touch target %s", e.getText()).isGreaterThanOrEqualTo(44);
        Number right = (Number) resident.js("return arguments[0].getBoundingClientRect().right;", e);
        assertThat(right.doubleValue()).as("right edge of %s", e.getText()).isLessThanOrEqualTo(390);
    }

    int scrollWidth(BrowserSupport b) {
        return ((Number) b.js("return document.documentElement.scrollWidth")).intValue();
    }

    void acceptConfirm(String contains) {
        browser.acceptConfirm(contains);
    }

    String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    /** What the draft 承诺书's item box {@code index} holds. */
    String item(int index) {
        return browser.find(By.cssSelector("#pledge-form input[name=item" + index + "]")).getAttribute("value");
    }

    /** Clicks like a user: the element scrolled to the middle of the screen first. */
    void click(By by) {
        click(browser.visible(by));
    }

    void click(WebElement e) {
        browser.click(e);
    }
}
