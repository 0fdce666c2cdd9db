package cn.tierup.grading;

import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The phone ballot's page behind its printed link answers a refusal as the friendly Chinese page a voter's phone
 * shows, with the status that says what happened: an unknown link 404, a vote in a ballot that is over or with a
 * code already spent 409, a vote without a choice 422. A counted vote is 200, and so is the counted ballot's page
 * of receipts. Refusals used to be 200 too, so a proxy, a monitor or a script could not tell a refused vote from a
 * counted one. An unknown link is 404 on the questionnaire's and the pledge page's links as well (their other
 * refusals are checked in QuestionnaireIT and PledgeApiIT).
 *
 * <p>The ballot is the 党员群众会议审议 of a village branch of this class's own, in a campaign rooted at a 总支 of
 * its own, so no other test meets it.
 */
@IntegrationTest
class PhoneBallotPageIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JsonMapper json;
    @Autowired DemoCity city;

    final LocalDate today = OfficeDay.today();

    @Test
    void thePhoneBallotPageAnswersEachRefusalWithItsStatus() throws Exception {
        Ballot ballot = openPhoneBallot();
        String page = "/q/v/" + ballot.slug();

        assertThat(page(get(page), 200)).contains("同意");
        assertThat(page(vote(page, ballot.codes().get(0), "AGREE"), 200)).contains("投票成功");
        assertThat(page(vote(page, ballot.codes().get(0), "DISAGREE"), 409)).contains("测评码无效或已经使用过");
        assertThat(page(vote(page, "ABCD-EFGH", "DISAGREE"), 409)).contains("测评码无效或已经使用过");
        assertThat(page(vote(page, ballot.codes().get(1), null), 422)).contains("请选择");
        assertThat(page(get("/q/v/nosuchballot1"), 404)).contains("未找到该测评");
        assertThat(page(vote("/q/v/nosuchballot1", ballot.codes().get(1), "AGREE"), 404)).contains("未找到该测评");

        api(post(ballot.api() + "/ballot/phone/close"), Map.of("attendance", 3, "closingKey", ballot.closingKey()), 200);
        // once counted, the link shows the receipts counted: a page of its own, not a refusal
        assertThat(page(get(page), 200)).contains("本次测评已经结束");
        assertThat(page(vote(page, ballot.codes().get(1), "AGREE"), 409)).contains("本次测评已经结束");
    }

    @Test
    void anUnknownLinkIsNotFoundOnEveryPublicPage() throws Exception {
        assertThat(page(get("/q/nosuchlink2"), 404)).contains("没有找到这份问卷");
        assertThat(page(get("/q/p/nosuchlink2"), 404)).contains("未找到该党组织的公开承诺页面");
        assertThat(page(get("/q/v/nosuchlink2"), 404)).contains("未找到该测评");
    }

    // ---- a phone ballot of this class's own -----------------------------------------------------------

    record Ballot(String api, String slug, List<String> codes, String closingKey) {
    }

    /**
     * A 总支 under 丽春镇 with a branch of three members, a campaign of this year rooted at the 总支, the branch's case
     * taken to step 4 and a phone ballot opened for it.
     */
    Ballot openPhoneBallot() throws Exception {
        long general = api(post("/api/orgs"), Map.of("parentId", city.orgId(DemoCity.LICHUN), "organization",
                Map.of("name", "中共彭州市丽春镇公开页测试村总支部委员会", "kind", "GENERAL_BRANCH", "field", "VILLAGE")), 201)
                .get("id").asLong();
        long village = api(post("/api/orgs"), Map.of("parentId", general, "organization",
                Map.of("name", "中共彭州市丽春镇公开页测试村第一支部委员会", "kind", "BRANCH", "field", "VILLAGE")), 201).get("id").asLong();
        for (String name : List.of("公开页测试党员甲", "公开页测试党员乙", "公开页测试党员丙")) {
            api(post("/api/orgs/{id}/members", village), Map.of("name", name, "sex", "MALE", "category", "FULL",
                    "birthDate", "1975-05-04", "joinedOn", "2000-07-01", "regularizedOn", "2001-07-01",
                    "retired", false, "floating", false, "inDifficulty", false), 201);
        }
        long campaign = api(post("/api/campaigns"), GradingApiIT.campaignForm(general, today.getYear()), 201).get("id").asLong();
        String url = "/api/grading/cases/" + campaign + "/" + village;

        api(post(url + "/public-review"), GradingApiIT.meeting(today.minusDays(3), "村党群服务中心", 40, 31,
                GradingApiIT.votes("一般", 20, 8, 3)), 200);
        JsonNode at3 = api(post(url + "/member-review"), GradingApiIT.meeting(today.minusDays(2), "村党员活动室", null, 3,
                GradingApiIT.votes("一般", 2, 1, 0)), 200);
        JsonNode sheet = api(put(url + "/score-sheet"), Map.of("scores", GradingApiIT.scores(at3.get("standard"), 75),
                "version", at3.get("version").asLong()), 200);
        api(post(url + "/self-grade"), Map.of("grade", "一般", "statement", "班子研究提出自评等次。",
                "version", sheet.get("version").asLong()), 200);
        JsonNode opened = api(post(url + "/ballot/phone"), Map.of("heldOn", today.toString(), "place", "村委会", "expected", 3), 200);
        List<String> codes = new ArrayList<>();
        opened.get("codes").forEach(c -> codes.add(c.asText()));
        return new Ballot(url, opened.get("meeting").get("slug").asText(), codes, opened.get("closingKey").asText());
    }

    // ---- requests -------------------------------------------------------------------------------------

    /** A vote from a phone: no account, the code and the choice as the plain form sends them. */
    static MockHttpServletRequestBuilder vote(String page, String code, String choice) {
        MockHttpServletRequestBuilder b = post(page).param("code", code);
        return choice == null ? b : b.param("choice", choice);
    }

    /** The page answered, after checking its status. */
    String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        String html = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(html).isEqualTo(status);
        assertThat(r.getContentType()).startsWith("text/html");
        return html;
    }

    JsonNode api(MockHttpServletRequestBuilder request, Map<String, ?> body, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return json.readTree(text);
    }
}
