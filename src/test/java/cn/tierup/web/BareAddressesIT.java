package cn.tierup.web;

import cn.tierup.campaign.Campaign;
import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GET page of the application opened by its bare address — no {@code ?campaign=}, no {@code ?org=} — as the
 * city's administrator, a town, a bureau and a village: each opens (for the user's own organisation and the year
 * they chose), or says in Chinese what is missing and links to where to choose it. None answers "提交的内容有误"
 * (nothing was submitted), none a 5xx, none a 400 for leaving a parameter out. The routes are read from the
 * application's own mappings, so a page added later is walked too.
 */
@IntegrationTest
class BareAddressesIT {

    /** The README's addresses: each opens bare as a town and a village (the page itself, not a chooser). */
    private static final List<String> NAMED = List.of("/survey", "/survey/report", "/survey/activities", "/survey/summary",
            "/grading", "/grading/case", "/grading/tables", "/upgrade", "/upgrade/goal", "/upgrade/ledger",
            "/upgrade/assistance", "/pledges", "/pledges/overview", "/questionnaires");

    private static final Pattern YEAR_LINK = Pattern.compile("class=\"year-choice[^\"]*\" href=\"([^\"]+)\"[^>]*data-year=\"(\\d{4})\"");

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired JdbcClient jdbc;
    @Autowired CampaignFixture years;
    @Autowired CampaignBootstrap campaigns;
    @Autowired DemoCity demo;
    @Autowired TransactionTemplate tx;

    /** A second year of this class's own (the fixture hands out one per class). */
    static final class EarlierYear {
    }

    /** Two past campaigns of the city, so there is a year to open and another to switch to. */
    @BeforeEach
    void twoYears() {
        for (int year : new int[] {years.yearFor(getClass()), years.yearFor(EarlierYear.class)}) {
            tx.executeWithoutResult(s -> {
                boolean there = jdbc.sql("select count(*) from campaign where campaign_year = :y and root_organization_id = :r")
                        .param("y", year).param("r", demo.orgId(DemoCity.CITY)).query(Long.class).single() > 0;
                if (!there) {
                    campaigns.open(demo.orgId(DemoCity.CITY), year, year + "年度三分类三升级活动（地址）", Campaign.noticeSchedule(year));
                }
            });
        }
    }

    @Test
    void everyGetPageOpensBareOrSaysWhatIsMissing() {
        List<String> routes = bareGetRoutes();
        assertThat(routes).contains("/survey/report", "/grading/case", "/upgrade/goal", "/upgrade/ledger",
                "/upgrade/assistance", "/pledges", "/survey/activities", "/survey/summary", "/grading/tables");
        List<String> failures = new ArrayList<>();
        for (String user : List.of("admin", "zhen", "nyj", "cun")) {
            WebClient web = signedIn(user);
            for (String route : routes) {
                Answer a = follow(web, route);
                String where = user + " " + route + " → " + a.path + " " + a.status;
                if (a.status >= 500 || a.status == 400) {
                    failures.add(where);
                }
                if (a.body.contains("提交的内容有误")) {
                    failures.add(where + " says 提交的内容有误");
                }
                if (a.status == 200 && a.body.contains("id=\"address-help\"") && !a.body.contains("address-link")
                        && !a.body.contains("id=\"choose-org\"")) {
                    failures.add(where + " says what is missing without a link to choose it");
                }
                if ("admin".equals(user) || !NAMED.contains(route)) {
                    continue;
                }
                if (a.status != 200 || a.body.contains("id=\"address-help\"")) {
                    failures.add(where + " did not open the page");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theCitysAccountOnABranchsPageIsAskedWhichOrganisation() {
        WebClient web = signedIn("admin");
        Answer a = follow(web, "/upgrade/goal");
        assertThat(a.status).isEqualTo(200);
        assertThat(a.path).contains("campaign=");
        assertThat(a.body).contains("id=\"address-help\"", "id=\"choose-org\"", "请选择", "晋位升级总览")
                .doesNotContain("提交的内容有误");
    }

    @Test
    void anUnreadableParameterOfAnAddressIsNamedNotCalledASubmission() {
        WebClient web = signedIn("zhen");
        HttpResponse<String> r = web.get(base() + "/grading/case?campaign=abc");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("地址中的“年度活动”（abc）无法识别", "去掉“年度活动”重新打开").doesNotContain("提交的内容有误");
        HttpResponse<String> level = web.get(base() + "/grading/register?level=GOLD");
        assertThat(level.statusCode()).isEqualTo(400);
        assertThat(level.body()).contains("地址中的“等次”（GOLD）无法识别").doesNotContain("提交的内容有误");
        HttpResponse<String> template = web.get(base() + "/questionnaires/rollup?campaign=1");
        assertThat(template.body()).contains("问卷模板").doesNotContain("提交的内容有误");
    }

    @Test
    void theChosenYearIsKeptAcrossPagesAndCarriedInTheAddress() {
        WebClient web = signedIn("zhen");
        Answer first = follow(web, "/grading");
        Matcher m = YEAR_LINK.matcher(first.body);
        List<String[]> years = new ArrayList<>();
        while (m.find()) {
            years.add(new String[] {m.group(1).replace("&amp;", "&"), m.group(2)});
        }
        assertThat(years).as("the year switcher lists the campaigns' years").hasSizeGreaterThan(1);
        String current = first.path.replaceAll(".*campaign=(\\d+).*", "$1");
        String[] other = years.stream().filter(y -> !y[0].replaceAll(".*campaign=(\\d+).*", "$1").equals(current))
                .findFirst().orElseThrow();
        String otherId = other[0].replaceAll(".*campaign=(\\d+).*", "$1");
        Answer chosen = follow(web, other[0]);
        assertThat(chosen.status).isEqualTo(200);
        assertThat(chosen.body).containsPattern("class=\"year-choice active\" href=\"[^\"]*campaign=" + otherId + "\"");
        // the menu's links and the bare addresses of other pages open the chosen year
        assertThat(chosen.body).contains("href=\"/upgrade?campaign=" + otherId + "\"");
        for (String page : List.of("/upgrade", "/survey", "/pledges/overview", "/upgrade/ledger", "/grading/tables")) {
            Answer a = follow(web, page);
            assertThat(a.path).as(page).contains("campaign=" + otherId);
        }
        // the address names the year: ?year= opens that year's campaign for anyone who follows the link
        WebClient other2 = signedIn("zhen");
        Answer byYear = follow(other2, "/upgrade?year=" + other[1]);
        assertThat(byYear.path).contains("campaign=" + otherId).doesNotContain("year=");
    }

    private List<String> bareGetRoutes() {
        TreeSet<String> out = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod h = e.getValue();
            var methods = info.getMethodsCondition().getMethods();
            if (!(methods.isEmpty() || methods.contains(RequestMethod.GET))
                    || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), RestController.class)) {
                continue;
            }
            for (String p : info.getPatternValues()) {
                if (!p.contains("{") && !p.startsWith("/api") && !p.startsWith("/q/") && !p.equals("/login")
                        && !p.equals("/error") && !p.startsWith("/v3") && !p.startsWith("/swagger")) {
                    out.add(p);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private WebClient signedIn(String user) {
        WebClient web = new WebClient();
        HttpResponse<String> r = web.login(base(), user, "tierup2026");
        assertThat(r.statusCode()).as("login of " + user).isEqualTo(302);
        return web;
    }

    /** Follows redirects on this server (at most five), as a browser does. */
    private Answer follow(WebClient web, String path) {
        String at = path;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = web.get(base() + at);
            if (r.statusCode() / 100 != 3) {
                return new Answer(at, r.statusCode(), r.body());
            }
            String to = WebClient.location(r);
            at = to.startsWith("http") ? to.substring(base().length()) : to;
        }
        throw new AssertionError("too many redirects from " + path);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private record Answer(String path, int status, String body) {
    }
}
