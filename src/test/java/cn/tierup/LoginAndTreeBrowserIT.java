package cn.tierup;

import cn.tierup.organization.ChineseIdNumber;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import java.util.List;
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

import static cn.tierup.testsupport.DemoCity.LICHUN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real pages in headless Chromium: signing in, the organisation tree, adding a branch and a
 * member with a mistake first, and the scope of a town's account. Screenshots of the main pages at desktop
 * and phone width go to target/screenshots/.
 */
@IntegrationTest
class LoginAndTreeBrowserIT {

    static final String PASSWORD = "tierup2026";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DemoCity demo;

    @BeforeEach
    void connect() {
        browser.baseUrl("http://localhost:" + port);
        browser.desktop();
    }

    long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    @Test
    void aWrongPasswordIsRefusedInChineseAndTheAdminSeesTheCityFigures() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.type(By.id("username"), "admin");
        browser.type(By.id("password"), "wrong-password");
        browser.find(By.cssSelector("form button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector(".login-card .alert-danger"))).contains("账户或密码不正确");
        browser.shot("desktop-01-login-error");

        browser.login("admin", PASSWORD);
        assertThat(browser.path()).isIn("/", "/?continue");
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo("中共彭州市委员会");
        List<WebElement> stats = browser.all(By.cssSelector(".stat-value"));
        assertThat(stats).hasSize(4);
        assertThat(Integer.parseInt(stats.get(0).getText())).isGreaterThan(200);
        assertThat(Integer.parseInt(stats.get(1).getText())).isGreaterThan(1000);
        assertThat(browser.driver().getPageSource()).contains("按组织类别", "按领域");
        browser.shot("desktop-02-home");

        browser.click(browser.visible(By.linkText("账户管理")));
        browser.visible(By.cssSelector("main table"));
        browser.shot("desktop-14-accounts");
        browser.click(browser.visible(By.linkText("审计日志")));
        browser.visible(By.cssSelector("main table"));
        browser.shot("desktop-15-audit");
    }

    @Test
    void theAdminBrowsesTheTreeSearchesFiltersAndOpensAnOrganisation() {
        browser.login("admin", PASSWORD);
        browser.click(browser.visible(By.linkText("党组织")));
        browser.visible(By.id("org-table"));

        // Unfold 丽春镇 in the tree: htmx fetches its villages.
        browser.visible(By.cssSelector("button.tree-toggle[aria-label='展开 " + LICHUN + "']")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ul[contains(@class,'tree')]//a[contains(., '丽春镇') and contains(., '村')]")));
        List<WebElement> villages = browser.all(By.xpath(
                "//button[@aria-label='展开 " + LICHUN + "']/ancestor::li[1]/ul//a[contains(., '村')]"));
        assertThat(villages).hasSizeGreaterThanOrEqualTo(10);
        // the villages by pinyin (no 排序号 set), not by character code
        List<String> villageNames = villages.stream().map(WebElement::getText).toList();
        assertThat(villageNames).isSortedAccordingTo(cn.tierup.shared.ChineseOrder.NAMES);
        // the city's towns as the office lists them (排序号): 天彭镇, 致和镇, 濛阳镇, 丽春镇 …
        List<String> towns = browser.all(By.cssSelector("ul.tree > li > .tree-node .tree-label > a")).stream()
                .map(WebElement::getText).filter(n -> n.endsWith("镇委员会")).toList();
        assertThat(towns.subList(0, 4)).containsExactly("中共彭州市天彭镇委员会", "中共彭州市致和镇委员会",
                "中共彭州市濛阳镇委员会", LICHUN);
        // a town shows its own roll and its whole subtree's members
        assertThat(browser.text(By.xpath("//button[@aria-label='展开 " + LICHUN + "']/ancestor::li[1]//span[@class='tree-count']")))
                .matches("本级\\d+名，所属组织共\\d+名党员");
        WebElement toggle = browser.find(By.cssSelector("button.tree-toggle[aria-label='展开 " + LICHUN + "']"));
        browser.await().until(d -> "−".equals(toggle.getText()));
        browser.shot("desktop-03-org-list-tree");
        // Folding and unfolding again needs no new request.
        toggle.click();
        browser.await().until(ExpectedConditions.invisibilityOf(villages.get(0)));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        toggle.click();
        browser.await().until(ExpectedConditions.visibilityOf(villages.get(0)));
        assertThat(toggle.getText()).isEqualTo("−");

        // Search by name.
        browser.type(By.name("q"), "丽春镇");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.await().until(d -> browser.path().contains("q="));
        List<WebElement> names = browser.all(By.cssSelector("#org-table tbody td:first-child a"));
        assertThat(names).isNotEmpty().allSatisfy(a -> assertThat(a.getText()).contains("丽春镇"));

        // Filter by 领域: communities only.
        browser.type(By.name("q"), "");
        new Select(browser.visible(By.name("field"))).selectByVisibleText("城镇社区");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.await().until(d -> browser.path().contains("field=COMMUNITY"));
        List<WebElement> fields = browser.all(By.cssSelector("#org-table tbody td:nth-child(3)"));
        assertThat(fields).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo("城镇社区"));
        assertThat(browser.all(By.cssSelector("#org-table tbody td:first-child a")))
                .allSatisfy(a -> assertThat(a.getText()).contains("社区"));

        // Open a village branch of 丽春镇 and follow the breadcrumbs back up.
        browser.type(By.name("q"), "丽春镇");
        new Select(browser.visible(By.name("field"))).selectByVisibleText("村");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.await().until(d -> browser.path().contains("field=VILLAGE"));
        WebElement first = browser.visible(By.xpath("//table[@id='org-table']//a[contains(., '支部委员会')]"));
        String village = first.getText();
        first.click();
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(village);
        List<String> crumbs = browser.all(By.cssSelector(".breadcrumb-item")).stream().map(WebElement::getText).toList();
        assertThat(crumbs).containsExactly("首页", "党组织", "中共彭州市委员会", LICHUN, village);
        assertThat(browser.driver().getPageSource()).contains("基本信息", "评定组织");
        browser.shot("desktop-04-org-detail");
        browser.visible(By.cssSelector(".breadcrumb a[href$='/orgs/" + demo.orgId(LICHUN) + "']")).click();
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(LICHUN);
    }

    @Test
    void aBranchWithoutANameIsRefusedBesideTheFieldThenSaved() {
        long lichun = demo.orgId(LICHUN);
        String sql = "select count(*) from organization where parent_id = ?";
        long before = count(sql, lichun);
        browser.login("admin", PASSWORD);
        browser.open("/orgs/" + lichun);
        browser.visible(By.linkText("新增下级党组织")).click();
        browser.visible(By.id("name"));
        new Select(browser.visible(By.id("kind"))).selectByVisibleText("党支部");
        new Select(browser.visible(By.id("field"))).selectByVisibleText("村");
        browser.type(By.id("secretary"), "周建华");
        WebElement blank = browser.find(By.id("name"));
        browser.find(By.cssSelector("main form[method=post] button[type=submit]")).click();
        // the form comes back as a new page: wait for it rather than read the field of the page just left
        browser.await().until(ExpectedConditions.stalenessOf(blank));

        WebElement name = browser.visible(By.id("name"));
        assertThat(name.getAttribute("class")).contains("is-invalid");
        WebElement error = name.findElement(By.xpath("following-sibling::div[contains(@class,'field-error')]"));
        assertThat(error.getText()).isEqualTo("请填写党组织全称。");
        assertThat(browser.visible(By.id("secretary")).getAttribute("value")).isEqualTo("周建华");
        assertThat(count(sql, lichun)).isEqualTo(before);
        browser.shot("desktop-05-org-form-error");

        String branch = "中共彭州市丽春镇青杠村支部委员会";
        browser.type(By.id("name"), branch);
        browser.find(By.cssSelector("main form[method=post] button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已新增党组织：" + branch);
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo(branch);
        assertThat(count(sql, lichun)).isEqualTo(before + 1);
        assertThat(jdbc.sql("select secretary from organization where name = :n").param("n", branch)
                .query(String.class).single()).isEqualTo("周建华");
        browser.shot("desktop-06-org-saved");
    }

    @Test
    void aMemberWithAWrongIdNumberIsRefusedThenRegistered() {
        long village = jdbc.sql("select id from organization where name like '中共彭州市丽春镇%村支部委员会' order by id")
                .query(Long.class).list().get(0);
        String memberSql = "select count(*) from member where organization_id = ?";
        long before = count(memberSql, village);
        browser.login("admin", PASSWORD);
        browser.click(browser.visible(By.linkText("党员名册")));
        browser.visible(By.cssSelector("table tbody tr td a"));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo("中共彭州市委员会 党员名册");
        browser.shot("desktop-07-member-list");

        browser.open("/orgs/" + village);
        browser.visible(By.cssSelector("main .actions a[href*='/members?org=" + village + "']")).click();
        assertThat(browser.text(By.cssSelector("h1.page-title"))).endsWith("村支部委员会 党员名册");
        browser.visible(By.linkText("登记党员")).click();
        // A woman born 1986-03-15 (the sex digit is even), first with a wrong check character.
        String id = ChineseIdNumber.withCheckDigit("51018219860315" + "3" + "6" + "4");
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        fillMember("何秀英", wrong);
        browser.find(By.cssSelector("main form[method=post] button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("公民身份号码校验位不正确，请核对后重新填写。");
        assertThat(count(memberSql, village)).isEqualTo(before);
        browser.shot("desktop-08-member-form-error");

        fillMember("何秀英", id);
        new Select(browser.visible(By.id("sex"))).selectByVisibleText("女");
        browser.find(By.cssSelector("main form[method=post] button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已登记：何秀英");
        assertThat(count(memberSql, village)).isEqualTo(before + 1);
        browser.shot("desktop-09-member-saved");
    }

    private void fillMember(String name, String idNumber) {
        browser.type(By.id("name"), name);
        browser.js("document.getElementById('birthDate').value = '1986-03-15';"
                + "document.getElementById('joinedOn').value = '2012-07-01';"
                + "document.getElementById('regularizedOn').value = '2013-07-01';");
        browser.type(By.id("idNumber"), idNumber);
        browser.type(By.id("phone"), "13880012345");
    }

    @Test
    void aTownSeesItsOwnVillagesAndNotTheNextTown() {
        browser.login("zhen", PASSWORD);
        browser.open("/orgs");
        browser.visible(By.id("org-table"));
        String page = browser.driver().getPageSource();
        assertThat(page).contains(LICHUN).doesNotContain("天彭镇");
        assertThat(browser.all(By.cssSelector(".tree a"))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getText()).contains("丽春镇"));
        browser.type(By.name("q"), "天彭镇");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.await().until(d -> browser.path().contains("q="));
        assertThat(browser.text(By.cssSelector("#org-table tbody"))).contains("没有符合条件的党组织");
    }

    @Test
    void theMainPagesAtPhoneWidth() {
        browser.phone();
        try {
            browser.driver().manage().deleteAllCookies();
            browser.open("/login");
            browser.visible(By.id("username"));
            browser.shot("phone-01-login");
            browser.login("admin", PASSWORD);
            browser.visible(By.cssSelector(".stat-value"));
            // The menu folds into the ☰ button.
            assertThat(browser.find(By.id("sidebar")).isDisplayed()).isFalse();
            browser.shot("phone-02-home");
            browser.visible(By.cssSelector("button[data-bs-target='#sidebar']")).click();
            browser.visible(By.cssSelector("#sidebar a[href$='/orgs']"));
            browser.await().until(d -> browser.find(By.id("sidebar")).getAttribute("class").contains("show")
                    && !browser.find(By.id("sidebar")).getAttribute("class").contains("showing"));
            browser.shot("phone-03-menu");
            browser.visible(By.cssSelector("#sidebar a[href$='/orgs']")).click();
            browser.visible(By.id("org-table"));
            browser.visible(By.cssSelector("button.tree-toggle[aria-label='展开 " + LICHUN + "']")).click();
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//ul[contains(@class,'tree')]//a[contains(., '丽春镇') and contains(., '村')]")));
            // Nothing wider than the screen except inside a scrolling table panel.
            assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            browser.shot("phone-04-org-list");
            browser.open("/orgs/" + demo.orgId(LICHUN));
            browser.visible(By.cssSelector("h1.page-title"));
            assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            browser.shot("phone-05-org-detail");
            browser.open("/members");
            browser.visible(By.cssSelector("table tbody tr td a"));
            assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            browser.shot("phone-06-member-list");
        } finally {
            browser.desktop();
        }
    }
}
