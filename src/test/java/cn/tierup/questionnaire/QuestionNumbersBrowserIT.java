package cn.tierup.questionnaire;

import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public questionnaire as a resident meets it on a 390 px phone: the 镇、村 questionnaire's question 7 (asked only
 * when question 6 is 否) hidden, the questions shown are numbered 1 … 10 with no gap, and numbered again as the
 * condition changes; an empty form sent lists every missing answer at once — the identity and each required question
 * by the number it shows — marks each and puts the focus on the first, both in the page before sending and in the
 * server's refusal (the page's script set aside, as in a browser without it). Screenshots numbers-*.png.
 */
@IntegrationTest
class QuestionNumbersBrowserIT {

    static final String TOWN = "中共彭州市军乐镇委员会";
    static final String VILLAGE_TITLE = "镇、村党组织问卷调查表";
    static final String REJECTED = "有 10 道题需要修改，请查看标红的题目；您的回答尚未提交。";
    /** 您的身份 and the nine required questions, question 7 (not required, hidden) aside: q8 shows as 7. */
    static final List<String> MISSING = List.of("您的身份", "第 1 题", "第 2 题", "第 3 题", "第 4 题", "第 5 题", "第 6 题",
            "第 7 题", "第 8 题", "第 9 题");

    @RegisterExtension
    static final BrowserSupport phone = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired DemoCity demo;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void connect() {
        phone.baseUrl("http://localhost:" + port);
        phone.phone();
    }

    @Test
    void theShownQuestionsAreNumberedWithoutGapsAndAnEmptyFormListsEveryMissingAnswer() throws Exception {
        long questionnaire = launch();
        String slug = jdbc.sql("select slug from questionnaire where id = :id").param("id", questionnaire)
                .query(String.class).single();
        phone.open("/q/" + slug);

        // q7 hidden: ten questions shown, numbered 1 … 10; q8 is 7.
        assertThat(phone.find(By.id("question-q7")).isDisplayed()).isFalse();
        assertThat(shownNumbers()).isEqualTo(numbers(10));
        assertThat(number("q8")).isEqualTo("7.");
        phone.shot("numbers-01-q7-hidden");

        // 否 to question 6: q7 shows as 7, the rest move on by one; its hint names question 6.
        choose("q6", 2);
        phone.await().until(d -> phone.find(By.id("question-q7")).isDisplayed());
        assertThat(shownNumbers()).isEqualTo(numbers(11));
        assertThat(number("q7")).isEqualTo("7.");
        assertThat(number("q8")).isEqualTo("8.");
        assertThat(phone.find(By.cssSelector("#question-q7 .hint")).getText()).isEqualTo("（第 6 题选“否”时作答）");
        phone.shot("numbers-02-q7-shown");
        choose("q6", 0);
        phone.await().until(d -> !phone.find(By.id("question-q7")).isDisplayed());
        assertThat(number("q8")).isEqualTo("7.");
        phone.js("document.querySelectorAll('input').forEach(function (i) { if (i.type !== 'hidden') { i.checked = false; } });");
        phone.js("document.dispatchEvent(new Event('change'));");

        // An empty form: every missing answer at once, before anything is sent.
        submit();
        assertThat(phone.path()).isEqualTo("/q/" + slug);
        assertProblemsListed();
        assertThat(phone.js("return document.activeElement.name;")).as("the focus on the first missing answer")
                .isEqualTo("category");
        assertFitsThePhone();
        phone.shot("numbers-03-all-missing-listed");
        assertThat(responses(questionnaire)).isZero();

        // The server's refusal, the page's script set aside (as a browser without it would send the form): the same.
        phone.open("/q/" + slug);
        phone.js("document.querySelectorAll('[data-must]').forEach(function (f) { f.removeAttribute('data-must'); });");
        submit();
        phone.await().until(d -> !phone.all(By.id("answer-problems")).isEmpty());
        assertProblemsListed();
        assertThat(phone.js("return document.activeElement.name;")).isEqualTo("category");
        assertThat(phone.find(By.cssSelector("#question-category .problem")).getText()).isEqualTo("请选择您的身份：党员或群众。");
        assertFitsThePhone();
        phone.shot("numbers-04-server-lists-all-missing");
        assertThat(responses(questionnaire)).isZero();
    }

    void assertProblemsListed() {
        WebElement alert = phone.visible(By.id("answer-problems"));
        assertThat(alert.getText()).startsWith(REJECTED).endsWith("请修改：" + String.join(" ", MISSING));
        List<String> targets = alert.findElements(By.tagName("a")).stream()
                .map(a -> a.getAttribute("href").substring(a.getAttribute("href").indexOf('#') + 1)).toList();
        assertThat(targets).containsExactly("question-category", "question-q1", "question-q2", "question-q3",
                "question-q4", "question-q5", "question-q6", "question-q8", "question-q9", "question-q10");
        List<String> marked = phone.all(By.cssSelector("fieldset.has-problem")).stream().map(f -> f.getAttribute("id")).toList();
        assertThat(marked).containsExactlyElementsOf(targets);
        assertThat(phone.find(By.cssSelector("#question-q8 .problem")).getText()).isEqualTo("此题为必答题，请作答。");
    }

    long launch() throws Exception {
        int year = CampaignFixture.OWN_TOWN_YEAR;
        long town = demo.orgId(TOWN);
        LocalDate march = LocalDate.of(year, 3, 1);
        String campaign = """
                {"rootOrganizationId": %d, "year": %d,
                 "surveyStartsOn": "%s", "surveyEndsOn": "%s", "surveyDueOn": "%s",
                 "gradingStartsOn": "%s", "gradingEndsOn": "%s", "gradingDueOn": "%s",
                 "upgradeStartsOn": "%s", "upgradeEndsOn": "%s", "upgradeDueOn": "%s",
                 "acceptanceStartsOn": "%s", "acceptanceEndsOn": "%s", "acceptanceDueOn": "%s"}
                """.formatted(town, year, march, march.plusDays(30), march.plusDays(30), march.plusDays(31),
                march.plusDays(60), march.plusDays(40), march.plusDays(61), march.plusDays(200), march.plusDays(200),
                march.plusDays(201), march.plusDays(260), march.plusDays(220));
        long c = call(post("/api/campaigns"), campaign).get("id").asLong();
        long template = 0;
        for (JsonNode t : call(get("/api/questionnaire-templates"), null)) {
            if (t.get("title").asText().equals(VILLAGE_TITLE)) {
                template = t.get("id").asLong();
            }
        }
        assertThat(template).isPositive();
        LocalDate today = LocalDate.now();
        return call(post("/api/campaigns/{c}/orgs/{o}/questionnaires", c, town), """
                {"templateId": %d, "mode": "OPEN", "opensOn": "%s", "closesOn": "%s"}
                """.formatted(template, today, today.plusDays(30))).get("id").asLong();
    }

    JsonNode call(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.with(users.as("admin"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String out = mvc.perform(request).andExpect(status().is2xxSuccessful()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(out);
    }

    List<String> shownNumbers() {
        return phone.all(By.cssSelector("fieldset[data-key]")).stream().filter(WebElement::isDisplayed)
                .map(f -> f.findElement(By.cssSelector(".no")).getText()).toList();
    }

    static List<String> numbers(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> i + ".").toList();
    }

    String number(String key) {
        return phone.find(By.cssSelector("#question-" + key + " .no")).getText();
    }

    void choose(String key, int option) {
        WebElement input = phone.find(By.cssSelector("#question-" + key + " input[value='" + option + "']"));
        WebElement label = input.findElement(By.xpath("./ancestor::label[1]"));
        phone.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", label);
        label.click();
    }

    void submit() {
        WebElement button = phone.find(By.cssSelector("button.submit"));
        phone.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        button.click();
    }

    long responses(long questionnaire) {
        return jdbc.sql("select count(*) from questionnaire_response where questionnaire_id = :q").param("q", questionnaire)
                .query(Long.class).single();
    }

    void assertFitsThePhone() {
        long width = ((Number) phone.js("return document.documentElement.scrollWidth;")).longValue();
        assertThat(width).as("page width at 390 px").isLessThanOrEqualTo(390);
    }
}
