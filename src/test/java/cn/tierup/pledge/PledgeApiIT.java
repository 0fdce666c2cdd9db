package cn.tierup.pledge;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * 公开承诺 through the API, the public page and the downloads: a 桂花镇 village pledges (its 承诺书 and two
 * members'), residents suggest on the public page without an account, the town signs and the village publishes;
 * fulfilment, ratings once per browser, the town's 领导点评 on two villages together; the figures, the .xlsx and
 * both .docx forms agree with an independent count of what this class did; the audit trail keeps the office's
 * changes and nothing about residents.
 *
 * <p>The context and database are shared with every other test class: this class works in the city's campaign of
 * a past year of this class's own ({@link CampaignFixture}), in 桂花镇 (nobody else's town) and in accounts of its own.
 * The tests are one story and run in order; public submissions come from documentation addresses (203.0.113.x)
 * nobody else uses, so the per-address limit counts only this class's.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PledgeApiIT {

    static final String TOWN = "中共彭州市桂花镇委员会";
    static final String OTHER_TOWN = "中共彭州市葛仙山镇委员会";
    static final String PASSWORD = "Pledge2026pass";
    /** 组织委员 of the town, who hands in on a village's behalf. */
    static final String CLERK = "gh-zuzhi";
    /** 书记 of the town, who signs and comments. */
    static final String SECRETARY = "gh-shuji";
    /** 书记 of the first village. */
    static final String BRANCH = "gh-cun";
    static final String SCRIPT = "<script>alert('点诺')</script>请在<b>村口</b>装路灯";
    static final String ADVICE = "希望支部请农技专家来指导柑橘种植";
    static final String SILLY = "把村委会搬到我家隔壁";
    static final String OWN_ITEM = "每月开展一次主题党日，为群众办一件实事";
    static final String GOAL = "年内晋位为先进基层党组织";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Autowired MockMvc mvc;
    @Autowired cn.tierup.shared.crypto.BrowserTokens tokens;
    @Autowired CampaignFixture campaignFixture;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    /** This class's own campaign year, from the fixture (set before all tests). */
    int year;

    final LocalDate today = OfficeDay.today();

    long city;
    long campaign;
    /** Three villages of the town, and one of another town. */
    long v1;
    long v2;
    long v3;
    long foreign;
    /** Party members of the first village: one shows the name, one does not, one only drafts. */
    Person m1;
    Person m2;
    Person m3;
    Person notPledging;
    String slug;
    long ownPledge;

    /** What this class made public and what the public said, per village: the independent count. */
    final Map<Long, Count> counted = new LinkedHashMap<>();

    record Person(long id, String name, String idNumber, String phone) {
    }

    static final class Count {
        long pledges;
        long items;
        long fulfilled;
        long notFulfilled;
        long inProgress;
        long satisfied;
        long fairly;
        long dissatisfied;

        long ratings() {
            return satisfied + fairly + dissatisfied;
        }
    }

    Count count(long org) {
        return counted.computeIfAbsent(org, k -> new Count());
    }

    // ------------------------------------------------------------------ fixtures

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    String name(long org) {
        return jdbc.sql("select name from organization where id = :id").param("id", org).query(String.class).single();
    }

    List<Long> children(String town) {
        return jdbc.sql("select id from organization where parent_id = :p and retired = false order by id")
                .param("p", id(town)).query(Long.class).list();
    }

    void account(String username, String displayName, long org, String role) throws Exception {
        ok201(send(post("/api/accounts"), "admin", map("username", username, "displayName", displayName, "organizationId", org,
                "role", role, "password", PASSWORD)));
    }

    Person person(long memberId) throws Exception {
        JsonNode m = ok(send(get("/api/members/" + memberId), "admin", null));
        return new Person(memberId, m.get("name").asText(), m.get("idNumber").asText(), m.get("phone").asText());
    }

    @BeforeAll
    void openTheCampaignAndAccounts() throws Exception {
        year = campaignFixture.yearFor(PledgeApiIT.class);
        city = id(DemoDataLoader.ROOT_NAME);
        // the notice's calendar for the year: no dates given
        JsonNode c = ok201(send(post("/api/campaigns"), "admin", map("rootOrganizationId", city, "year", year,
                "name", year + "年度公开承诺测试活动")));
        campaign = c.get("id").asLong();
        List<Long> villages = children(TOWN);
        v1 = villages.get(0);
        v2 = villages.get(1);
        v3 = villages.get(2);
        foreign = children(OTHER_TOWN).get(0);
        account(CLERK, "桂花镇组织委员", id(TOWN), "SUPERVISOR");
        account(SECRETARY, "桂花镇党委书记", id(TOWN), "SUPERVISOR");
        account(BRANCH, "村党支部书记", v1, "BRANCH");
        List<Long> roll = jdbc.sql("select id from member where organization_id = :o and status = 'ACTIVE'"
                + " and category in ('FULL', 'PROBATIONARY') order by id").param("o", v1).query(Long.class).list();
        List<Person> people = new ArrayList<>();
        for (long m : roll) {
            Person p = person(m);
            // four people whose names differ and are not part of one another
            if (people.stream().noneMatch(x -> x.name().contains(p.name()) || p.name().contains(x.name()))) {
                people.add(p);
            }
            if (people.size() == 4) {
                break;
            }
        }
        assertThat(people).hasSize(4);
        m1 = people.get(0);
        m2 = people.get(1);
        m3 = people.get(2);
        notPledging = people.get(3);
        assertThat(m2.idNumber()).hasSize(18);
        assertThat(m2.phone()).hasSize(11);
    }

    // ------------------------------------------------------------------ HTTP

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof LocalDate d ? d.toString() : v);
        }
        return m;
    }

    ResultActions send(MockHttpServletRequestBuilder request, String as, Object body) throws Exception {
        request.with(users.as(as));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    JsonNode ok(ResultActions r) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.andReturn().getResponse().getStatus()).as(body).isEqualTo(200);
        return json.readTree(body);
    }

    JsonNode ok201(ResultActions r) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.andReturn().getResponse().getStatus()).as(body).isEqualTo(201);
        return json.readTree(body);
    }

    /** A refusal: the status, an RFC 9457 problem, and a Chinese detail saying what is wrong. */
    void refused(ResultActions r, int status, String detail) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.andReturn().getResponse().getStatus()).as(body).isEqualTo(status);
        r.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(json.readTree(body).get("detail").asText()).contains(detail);
    }

    String board(long org) {
        return "/api/pledges/" + campaign + "/" + org;
    }

    JsonNode view(long org, String as) throws Exception {
        return ok(send(get(board(org)), as, null));
    }

    /** Everything a refused request must leave as it was: the pledges as shown and the audit trail of the village. */
    String state(long org) throws Exception {
        return view(org, "admin").toString() + " | audit " + audited(org);
    }

    long audited(long org) {
        return jdbc.sql("select count(*) from audit_entry where organization_id = :o").param("o", org).query(Long.class).single();
    }

    long auditTotal() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    /** The public page, as a resident's phone sees it (no account, no session). */
    String publicPage(String cookie) throws Exception {
        MockHttpServletRequestBuilder r = get("/q/p/" + slug);
        if (cookie != null) {
            r.cookie(new Cookie("tp_" + slug, cookie));
        }
        MockHttpServletResponse res = mvc.perform(r).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        return res.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A browser that opens a public page: the rating token the server gives it with the page (its cookie's value). */
    String browser(String pageSlug) throws Exception {
        MockHttpServletResponse res = mvc.perform(get("/q/p/" + pageSlug)).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        Cookie c = res.getCookie("tp_" + pageSlug);
        assertThat(c).as("the page gives a rating token").isNotNull();
        return c.getValue();
    }

    /** A suggestion sent from the public page; {@code status}: 200 when taken (the page after the redirect), else the refusal's. */
    String suggest(String pageSlug, String text, String address, int status) throws Exception {
        MockHttpServletResponse res = mvc.perform(post("/q/p/" + pageSlug + "/suggest").param("text", text)
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn().getResponse();
        return afterPost(res, null, status);
    }

    /**
     * A taken suggestion redirects to the page (so a reload cannot resend it), which then answers 200; a taken rating is
     * answered 200 with its receipt; a refused one answers the page itself with the refusal's status (409 no longer
     * possible, 422 wrong input, 429 too many, 404 no such page, 403 a token the server did not issue).
     */
    String afterPost(MockHttpServletResponse res, String cookieSlugAndValue, int status) throws Exception {
        if (res.getStatus() == 302) {
            assertThat(res.getRedirectedUrl()).contains("?done=");
            MockHttpServletRequestBuilder get = get(res.getRedirectedUrl());
            if (cookieSlugAndValue != null) {
                String[] kv = cookieSlugAndValue.split("=", 2);
                get.cookie(new Cookie(kv[0], kv[1]));
            }
            res = mvc.perform(get).andReturn().getResponse();
        }
        String html = res.getContentAsString(StandardCharsets.UTF_8);
        assertThat(res.getStatus()).as(html).isEqualTo(status);
        return html;
    }

    /** A rating sent from the public page; {@code status}: 200 when taken (the page with its receipt), else the refusal's. */
    String rate(String choice, String cookie, String address, int status) throws Exception {
        return rate(choice, Map.of(), cookie, address, status);
    }

    /** A rating with members' pledges rated beside the organisation's: pledge id → choice, sent as {@code m<id>}. */
    String rate(String choice, Map<Long, String> members, String cookie, String address, int status) throws Exception {
        MockHttpServletRequestBuilder r = post("/q/p/" + slug + "/rate").param("choice", choice).with(x -> {
            x.setRemoteAddr(address);
            return x;
        });
        members.forEach((pledge, c) -> r.param("m" + pledge, c));
        if (cookie != null) {
            r.cookie(new Cookie("tp_" + slug, cookie));
        }
        MockHttpServletResponse res = mvc.perform(r).andReturn().getResponse();
        return afterPost(res, cookie == null ? null : "tp_" + slug + "=" + cookie, status);
    }

    long suggestions(long org) {
        return jdbc.sql("select count(*) from pledge_suggestion s join pledge_board b on b.id = s.board_id"
                + " where b.campaign_id = :c and b.organization_id = :o").param("c", campaign).param("o", org).query(Long.class).single();
    }

    String tally(long org) {
        return String.join(",", jdbc.sql("select t.choice, t.n from pledge_rating_tally t join pledge_board b on b.id = t.board_id"
                        + " where b.campaign_id = :c and b.organization_id = :o order by t.choice")
                .param("c", campaign).param("o", org).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list());
    }

    static JsonNode item(JsonNode pledge, int number) {
        for (JsonNode i : pledge.get("items")) {
            if (i.get("number").asInt() == number) {
                return i;
            }
        }
        throw new AssertionError("no item " + number + " in " + pledge);
    }

    static JsonNode memberPledge(JsonNode board, long member) {
        for (JsonNode p : board.get("memberPledges")) {
            if (p.get("memberId").asLong() == member) {
                return p;
            }
        }
        throw new AssertionError("no pledge of member " + member + " in " + board);
    }

    static List<String> texts(JsonNode pledge) {
        List<String> out = new ArrayList<>();
        pledge.get("items").forEach(i -> out.add(i.get("text").asText()));
        return out;
    }

    /** A settled item counts as fulfilled or not once its pledge is public; this class only settles published ones. */
    JsonNode fulfil(long pledge, int number, String status, String evidence, LocalDate on, String as) throws Exception {
        return ok(send(post("/api/pledges/" + pledge + "/items/" + number), as, map("status", status, "evidence", evidence,
                "doneOn", on)));
    }

    // ------------------------------------------------------------------ (1) 群众点诺

    @Test
    @Order(1)
    void residentsSuggestWithoutAnAccountTheirTextStaysPlainAndTheTakenOnesBecomeItems() throws Exception {
        JsonNode opened = ok(send(post(board(v1) + "/suggestions"), BRANCH, map("open", true)));
        assertThat(opened.get("suggestionsOpen").asBoolean()).isTrue();
        slug = opened.get("slug").asText();
        assertThat(opened.get("publicPath").asText()).isEqualTo("/q/p/" + slug);
        assertThat(opened.get("canWrite").asBoolean()).isTrue();
        assertThat(opened.get("canSign").asBoolean()).as("the village does not sign its own").isFalse();
        assertThat(opened.has("organisationPledge")).isFalse();
        assertThat(publicPage(null)).contains("群众点诺").contains("签订后将在这里公开");

        long before = auditTotal();
        assertThat(suggest(slug, SCRIPT, "203.0.113.11", 200)).contains("已收到您的建议");
        assertThat(suggest(slug, ADVICE, "203.0.113.12", 200)).contains("已收到您的建议");
        assertThat(suggest(slug, SILLY, "203.0.113.12", 200)).contains("已收到您的建议");
        assertThat(suggest(slug, "   ", "203.0.113.12", 422)).contains("请写下您希望党组织承诺办理的事项");
        assertThat(auditTotal()).as("a resident's suggestion is not audited as anyone's change").isEqualTo(before);
        // kept as typed: plain text, no markup removed or added
        assertThat(jdbc.sql("select text from pledge_suggestion s join pledge_board b on b.id = s.board_id"
                        + " where b.campaign_id = :c and b.organization_id = :o order by s.id").param("c", campaign).param("o", v1)
                .query(String.class).list()).containsExactly(SCRIPT, ADVICE, SILLY);

        // the queue, over the API and on the office page, escaped there
        JsonNode queue = view(v1, BRANCH);
        assertThat(queue.get("pendingSuggestions").asInt()).isEqualTo(3);
        Map<String, Long> ids = new LinkedHashMap<>();
        queue.get("suggestions").forEach(s -> ids.put(s.get("text").asText(), s.get("id").asLong()));
        assertThat(ids).containsOnlyKeys(SCRIPT, ADVICE, SILLY);
        queue.get("suggestions").forEach(s -> {
            assertThat(s.get("status").asText()).isEqualTo("PENDING");
            assertThat(s.get("submittedOn").asText()).isEqualTo(today.toString());
        });
        String office = officePage(v1, BRANCH);
        assertThat(office).contains("&lt;script&gt;alert(").contains("&lt;b&gt;村口&lt;/b&gt;").doesNotContain("<script>alert(")
                .doesNotContain("<b>村口</b>");

        // taken up: the last items of the draft, marked 群众点诺; set aside: stays out
        refused(send(post("/api/pledges/suggestions/" + ids.get(SCRIPT) + "/take"), "zhen", null), 403, "没有权限");
        ok(send(post("/api/pledges/suggestions/" + ids.get(SCRIPT) + "/take"), BRANCH, null));
        JsonNode taken = ok(send(post("/api/pledges/suggestions/" + ids.get(ADVICE) + "/take"), BRANCH, null));
        JsonNode rejected = ok(send(post("/api/pledges/suggestions/" + ids.get(SILLY) + "/reject"), BRANCH, null));
        refused(send(post("/api/pledges/suggestions/" + ids.get(SILLY) + "/take"), BRANCH, null), 422, "该建议已经处理过");
        refused(send(post("/api/pledges/suggestions/" + ids.get(ADVICE) + "/reject"), BRANCH, null), 422, "该建议已经处理过");
        JsonNode own = taken.get("organisationPledge");
        assertThat(own.get("status").asText()).isEqualTo("DRAFT");
        assertThat(texts(own)).containsExactly(SCRIPT, ADVICE);
        assertThat(item(own, 1).get("source").asText()).isEqualTo("SUGGESTED");
        assertThat(item(own, 2).get("source").asText()).isEqualTo("SUGGESTED");
        assertThat(rejected.get("pendingSuggestions").asInt()).isZero();
        Map<String, String> status = new LinkedHashMap<>();
        rejected.get("suggestions").forEach(s -> status.put(s.get("text").asText(), s.get("status").asText()));
        assertThat(status).containsEntry(SCRIPT, "TAKEN").containsEntry(ADVICE, "TAKEN").containsEntry(SILLY, "REJECTED");
        assertThat(jdbc.sql("select text from pledge_item where pledge_id = :p order by number").param("p", own.get("id").asLong())
                .query(String.class).list()).containsExactly(SCRIPT, ADVICE);
        ownPledge = own.get("id").asLong();
        // the entity's storage keys stay inside
        assertThat(own.has("boardId")).isFalse();
        assertThat(item(own, 1).has("id")).isFalse();
    }

    String officePage(long org, String as) throws Exception {
        MockHttpServletResponse res = mvc.perform(get("/pledges").param("campaign", "" + campaign).param("org", "" + org)
                .with(users.as(as))).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        return res.getContentAsString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ (2) a flood, closed suggestions

    @Test
    @Order(2)
    void aFloodFromOneAddressIsRefusedBeyondTheLimitAndNothingIsTakenWhileSuggestionsAreClosed() throws Exception {
        JsonNode opened = ok(send(post(board(v3) + "/suggestions"), CLERK, map("open", true)));
        String page = opened.get("slug").asText();
        long before = auditTotal();
        for (int i = 1; i <= 20; i++) {
            assertThat(suggest(page, "建议第 " + i + " 条：修缮村道", "203.0.113.30", 200)).as("suggestion " + i).contains("已收到您的建议");
        }
        assertThat(suggestions(v3)).isEqualTo(20);
        String refused = suggest(page, SCRIPT, "203.0.113.30", 429);
        assertThat(refused).contains("提交过于频繁")
                // what was typed comes back to be sent later, escaped
                .contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
        assertThat(suggest(page, "再来一条", "203.0.113.30", 429)).contains("提交过于频繁");
        assertThat(suggestions(v3)).as("nothing kept beyond the limit").isEqualTo(20);
        // another address of the village is still heard
        assertThat(suggest(page, "希望增设老年活动室", "203.0.113.31", 200)).contains("已收到您的建议");
        assertThat(suggestions(v3)).isEqualTo(21);
        assertThat(auditTotal()).isEqualTo(before);

        JsonNode closed = ok(send(post(board(v3) + "/suggestions"), CLERK, map("open", false)));
        assertThat(closed.get("suggestionsOpen").asBoolean()).isFalse();
        assertThat(closed.get("pendingSuggestions").asInt()).isEqualTo(21);
        String after = suggest(page, "关闭后的建议", "203.0.113.32", 409);
        // refused (the page no longer offers the form; it does not say why — see the report on public/pledges.html)
        assertThat(after).doesNotContain("已收到您的建议").doesNotContain("<textarea");
        assertThat(suggestions(v3)).isEqualTo(21);
        assertThat(suggest("nosuchpage9", "建议", "203.0.113.32", 404)).contains("未找到该党组织的公开承诺页面");
    }

    // ------------------------------------------------------------------ (3) hand in, sign, publish

    @Test
    @Order(3)
    void theVillageHandsInTheTownSignsNotTheOneWhoHandedInAndThePublicSeesOnlyWhatWasPublished() throws Exception {
        JsonNode draft = view(v1, BRANCH).get("organisationPledge");
        long version = draft.get("version").asLong();
        String url = board(v1) + "/organisation";
        String atDraft = state(v1);
        refused(send(put(url).param("submit", "true"), BRANCH, map("goal", " ", "items", List.of(SCRIPT, ADVICE), "version", version)),
                422, "请填写党组织的争创目标");
        refused(send(put(url).param("submit", "true"), BRANCH, map("goal", GOAL, "items", List.of("", " "), "version", version)),
                422, "请至少填写一项承诺事项");
        // without the version read: maybe someone else changed it meanwhile
        refused(send(put(url), BRANCH, map("goal", GOAL, "items", List.of(SCRIPT))), 409, "已被他人修改");
        refused(send(put(url), "zhen", map("goal", GOAL, "items", List.of(SCRIPT), "version", version)), 403, "没有权限");
        // "submit" belongs in the query: in the body it was dropped and the pledge stayed a draft with 200 OK
        ResultActions stray = send(put(url), BRANCH, map("goal", GOAL, "items", List.of(SCRIPT), "version", version,
                "submit", true, "signer", "张书记"));
        refused(stray, 400, "本接口不接受的字段：submit、signer");
        JsonNode problem = json.readTree(stray.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("unknownFields").toString()).isEqualTo("[\"submit\",\"signer\"]");
        assertThat(problem.get("knownFields").toString()).contains("\"goal\"", "\"items\"", "\"version\"");
        assertThat(state(v1)).isEqualTo(atDraft);

        // the village writes its goal and one item of its own; the suggested ones keep their origin
        JsonNode saved = ok(send(put(url), BRANCH, map("goal", GOAL, "items", List.of(SCRIPT, ADVICE, OWN_ITEM), "version", version)));
        JsonNode own = saved.get("organisationPledge");
        assertThat(own.get("goal").asText()).isEqualTo(GOAL);
        assertThat(texts(own)).containsExactly(SCRIPT, ADVICE, OWN_ITEM);
        assertThat(List.of(item(own, 1).get("source").asText(), item(own, 2).get("source").asText(), item(own, 3).get("source").asText()))
                .containsExactly("SUGGESTED", "SUGGESTED", "OWN");

        // the town's 组织委员 hands it in on the village's behalf
        JsonNode handedIn = ok(send(put(url).param("submit", "true"), CLERK, map("goal", GOAL,
                "items", List.of(SCRIPT, ADVICE, OWN_ITEM), "version", own.get("version").asLong())));
        own = handedIn.get("organisationPledge");
        assertThat(own.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(own.get("submittedBy").asText()).isEqualTo(CLERK);
        long v = own.get("version").asLong();
        String atSubmitted = state(v1);
        String sign = "/api/pledges/" + ownPledge + "/sign";
        refused(send(post(sign), BRANCH, map("version", v)), 403, "没有权限");
        refused(send(post(sign), "zhen", map("version", v)), 403, "没有权限");
        refused(send(post(sign), CLERK, map("version", v)), 422, "承诺书是您提交的，应由上级的其他人员签订");
        refused(send(post(sign), SECRETARY, map("version", v - 1)), 409, "已被他人修改");
        refused(send(post(sign), SECRETARY, map()), 400, "此项为必填项");
        refused(send(put(url), BRANCH, map("goal", "改", "items", List.of("改"), "version", v)), 422, "不能再修改");
        refused(send(post(board(v1) + "/publish"), BRANCH, null), 422, "签订后才能公开");
        assertThat(state(v1)).isEqualTo(atSubmitted);

        // sent back once with a reason, handed in again, signed by the secretary
        refused(send(post("/api/pledges/" + ownPledge + "/return"), SECRETARY, map("reason", "", "version", v)), 422, "请写明退回原因");
        JsonNode back = ok(send(post("/api/pledges/" + ownPledge + "/return"), SECRETARY, map("reason", "请把路灯数量写具体", "version", v)));
        assertThat(back.get("organisationPledge").get("status").asText()).isEqualTo("RETURNED");
        assertThat(back.get("organisationPledge").get("returnReason").asText()).isEqualTo("请把路灯数量写具体");
        handedIn = ok(send(put(url).param("submit", "true"), CLERK, map("goal", GOAL, "items", List.of(SCRIPT, ADVICE, OWN_ITEM),
                "version", back.get("organisationPledge").get("version").asLong())));
        refused(send(post(sign), CLERK, map("version", handedIn.get("organisationPledge").get("version").asLong())), 422,
                "承诺书是您提交的");
        JsonNode signedView = view(v1, SECRETARY);
        assertThat(signedView.get("canSign").asBoolean()).isTrue();
        JsonNode signed = ok(send(post(sign), SECRETARY, map("version", signedView.get("organisationPledge").get("version").asLong())));
        own = signed.get("organisationPledge");
        assertThat(own.get("status").asText()).isEqualTo("SIGNED");
        assertThat(own.get("signedBy").asText()).isEqualTo(SECRETARY);
        assertThat(own.has("returnReason")).isFalse();
        assertThat(own.has("publishedAt")).isFalse();

        // the members' pledges: one shows the name, one does not, one stays a draft; a stranger to the roll is refused
        String members = board(v1) + "/members/";
        long elsewhere = jdbc.sql("select min(id) from member where organization_id = :o and status = 'ACTIVE'").param("o", v2)
                .query(Long.class).single();
        refused(send(put(members + elsewhere), BRANCH, map("items", List.of("带头学习"), "showName", true)), 422,
                "只能为本组织在册的党员填写党员公开承诺书");
        refused(send(put(members + m1.id()).param("submit", "true"), BRANCH, map("items", List.of(" "), "showName", true)), 422,
                "请至少填写一项承诺事项");
        JsonNode one = ok(send(put(members + m1.id()).param("submit", "true"), BRANCH,
                map("items", List.of("带头学习党的理论，每月读一本书", "带头服务群众，结对帮扶两户困难家庭"), "showName", true)));
        JsonNode two = ok(send(put(members + m2.id()).param("submit", "true"), BRANCH,
                map("items", List.of("带头遵纪守法，调解邻里纠纷"), "showName", false)));
        ok(send(put(members + m3.id()), BRANCH, map("items", List.of("草稿中的承诺不公开"), "showName", true)));
        JsonNode p1 = memberPledge(one, m1.id());
        JsonNode p2 = memberPledge(two, m2.id());
        assertThat(p1.get("showName").asBoolean()).isTrue();
        assertThat(p2.get("showName").asBoolean()).isFalse();
        assertThat(p1.get("pledgerName").asText()).isEqualTo(m1.name());
        // the branch signs its members'
        ok(send(post("/api/pledges/" + p1.get("id").asLong() + "/sign"), BRANCH, map("version", p1.get("version").asLong())));
        JsonNode bothSigned = ok(send(post("/api/pledges/" + p2.get("id").asLong() + "/sign"), BRANCH,
                map("version", p2.get("version").asLong())));
        assertThat(memberPledge(bothSigned, m2.id()).get("status").asText()).isEqualTo("SIGNED");
        assertThat(memberPledge(bothSigned, m3.id()).get("status").asText()).isEqualTo("DRAFT");
        // the roll offered to the office holds ids and names only
        String shown = bothSigned.toString();
        assertThat(shown).doesNotContain(m2.idNumber()).doesNotContain(m2.phone()).doesNotContain(m1.phone());

        // before publication nothing of it is public, and no one can rate
        String unpublished = publicPage(null);
        assertThat(unpublished).doesNotContain(OWN_ITEM).doesNotContain("带头学习党的理论").doesNotContain(m1.name())
                .contains("签订后将在这里公开");
        String tallyBefore = tally(v1);
        rate("SATISFIED", "early-browser", "203.0.113.40", 409);
        assertThat(tally(v1)).as("a rating before publication is refused").isEqualTo(tallyBefore)
                .isEqualTo("DISSATISFIED=0,FAIRLY_SATISFIED=0,SATISFIED=0");
        assertThat(jdbc.sql("select count(*) from pledge_rating_seen s join pledge_board b on b.id = s.board_id"
                + " where b.campaign_id = :c and b.organization_id = :o").param("c", campaign).param("o", v1).query(Long.class).single())
                .isZero();

        JsonNode published = ok(send(post(board(v1) + "/publish"), BRANCH, null));
        assertThat(published.has("publishedAt")).isTrue();
        assertThat(published.get("organisationPledge").has("publishedAt")).isTrue();
        assertThat(memberPledge(published, m1.id()).has("publishedAt")).isTrue();
        assertThat(memberPledge(published, m2.id()).has("publishedAt")).isTrue();
        assertThat(memberPledge(published, m3.id()).has("publishedAt")).isFalse();
        count(v1).pledges += 3;
        count(v1).items += 3 + 2 + 1;

        String page = publicPage(null);
        assertThat(page).contains(GOAL).contains(OWN_ITEM).contains(ADVICE).contains("（群众点诺）")
                .contains("&lt;script&gt;alert(").doesNotContain("<script>alert(")
                .contains("带头学习党的理论，每月读一本书").contains("带头遵纪守法，调解邻里纠纷")
                .doesNotContain("草稿中的承诺不公开")
                .contains("<h3>" + m1.name() + "</h3>").contains("<h3>党员</h3>")
                .doesNotContain(m2.name()).doesNotContain(m3.name()).doesNotContain(notPledging.name())
                .contains("党员承诺（2 名党员）");
        for (Person p : List.of(m1, m2, m3)) {
            assertThat(page).doesNotContain(p.idNumber()).doesNotContain(p.phone());
        }
        assertThat(page).doesNotContain(CLERK).doesNotContain(SECRETARY).doesNotContain(BRANCH);
    }

    // ------------------------------------------------------------------ (4) 践诺 and 群众测评

    @Test
    @Order(4)
    void fulfilmentNeedsEvidenceAndADateAndEachBrowserRatesOnce() throws Exception {
        String atSigned = state(v1);
        String url = "/api/pledges/" + ownPledge + "/items/1";
        refused(send(post(url), BRANCH, map("status", "FULFILLED")), 422, "请写明兑现情况或原因");
        refused(send(post(url), BRANCH, map("status", "FULFILLED", "evidence", "已安装路灯 12 盏")), 422, "请填写兑现日期");
        refused(send(post(url), BRANCH, map("status", "FULFILLED", "evidence", "已安装路灯 12 盏", "doneOn", today.plusDays(1))),
                422, "不晚于今天");
        refused(send(post(url), BRANCH, map("status", "NOT_FULFILLED", "doneOn", today)), 422, "请写明兑现情况或原因");
        refused(send(post(url), BRANCH, map("status", "DONE", "evidence", "x", "doneOn", today)), 422, "请选择践诺情况");
        refused(send(post("/api/pledges/" + ownPledge + "/items/9"), BRANCH, map("status", "IN_PROGRESS")), 422, "没有第 9 项");
        refused(send(post(url), "zhen", map("status", "IN_PROGRESS")), 403, "没有权限");
        assertThat(state(v1)).isEqualTo(atSigned);

        fulfil(ownPledge, 1, "FULFILLED", "已安装路灯 12 盏，群众验收满意", today, BRANCH);
        fulfil(ownPledge, 2, "NOT_FULFILLED", "农技站人员未到位，改为明年春季实施", today.minusDays(1), BRANCH);
        JsonNode after = fulfil(ownPledge, 3, "IN_PROGRESS", null, null, BRANCH);
        count(v1).fulfilled += 1;
        count(v1).notFulfilled += 1;
        count(v1).inProgress += 1;
        JsonNode own = after.get("organisationPledge");
        assertThat(item(own, 1).get("status").asText()).isEqualTo("FULFILLED");
        assertThat(item(own, 1).get("doneOn").asText()).isEqualTo(today.toString());
        assertThat(item(own, 1).get("updatedBy").asText()).isEqualTo(BRANCH);
        assertThat(item(own, 2).get("evidence").asText()).contains("改为明年春季实施");
        assertThat(item(own, 3).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(item(own, 3).has("doneOn")).isFalse();
        long p1 = memberPledge(after, m1.id()).get("id").asLong();
        fulfil(p1, 1, "FULFILLED", "全年读书 12 本，撰写心得 4 篇", today, BRANCH);
        count(v1).fulfilled += 1;
        assertThat(publicPage(null)).contains("已安装路灯 12 盏，群众验收满意").contains("已兑现").contains("未兑现");

        // the rating opens once the pledges are public; before that nothing can be rated
        assertThat(rate("SATISFIED", browser(slug), "203.0.113.41", 409)).contains("群众满意度测评尚未开启或已经结束");
        assertThat(publicPage(null)).contains("群众满意度测评尚未开始").doesNotContain("提交测评");
        JsonNode openedRating = ok(send(post(board(v1) + "/ratings/open"), BRANCH, null));
        String key = openedRating.get("closingKey").asText();
        assertThat(key).matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        assertThat(openedRating.get("board").get("ratingState").asText()).isEqualTo("OPEN");
        refused(send(post(board(v1) + "/ratings/open"), BRANCH, null), 422, "群众满意度测评正在进行中");
        refused(send(post(board(v1) + "/ratings/open"), "zhen", null), 403, "没有权限");

        // the public page asks about each member's published pledge too, beside the organisation's
        long memberRowsBefore = jdbc.sql("select count(*) from pledge_member_rating").query(Long.class).single();
        long pm1 = memberPledge(openedRating.get("board"), m1.id()).get("id").asLong();
        long pm2 = memberPledge(openedRating.get("board"), m2.id()).get("id").asLong();
        long pm3 = memberPledge(openedRating.get("board"), m3.id()).get("id").asLong();
        String ratingPage = publicPage(browser(slug));
        assertThat(ratingPage).contains("name=\"m" + pm1 + "\"").contains("name=\"m" + pm2 + "\"")
                .doesNotContain("name=\"m" + pm3 + "\"").contains("第 1 份党员承诺（" + m1.name() + "）")
                .contains("第 2 份党员承诺（党员）").doesNotContain(m2.name());

        // one rating per browser (its cookie); a new browser is another respondent
        long before = auditTotal();
        String a = browser(slug);
        String b = browser(slug);
        String c = browser(slug);
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        // members' pledges: a rates m1 满意 and leaves m2 out; b rates m1 不满意, m2 基本满意; c rates no member
        Map<String, Map<Long, String>> memberChoices = Map.of(a, Map.of(pm1, "SATISFIED"),
                b, Map.of(pm1, "DISSATISFIED", pm2, "FAIRLY_SATISFIED"), c, Map.of(pm1, "NOT_RATED"));
        // a draft's pledge, or a choice that is none, is refused with nothing counted
        assertThat(rate("SATISFIED", Map.of(pm3, "SATISFIED"), browser(slug), "203.0.113.42", 422)).contains("本页没有列出的党员承诺");
        assertThat(rate("SATISFIED", Map.of(pm1, "GREAT"), browser(slug), "203.0.113.42", 422)).contains("请选择“满意”“基本满意”或“不满意”");
        List<String> receipts = new java.util.ArrayList<>();
        for (String[] r : List.of(new String[] {"SATISFIED", a, "203.0.113.41"}, new String[] {"FAIRLY_SATISFIED", b, "203.0.113.41"},
                new String[] {"DISSATISFIED", c, "203.0.113.42"})) {
            String html = rate(r[0], memberChoices.get(r[1]), r[1], r[2], 200);
            assertThat(html).contains("测评成功");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("您的测评回执：([0-9A-Z]{4}-[0-9A-Z]{4})").matcher(html);
            assertThat(m.find()).as("a receipt on the thanks").isTrue();
            receipts.add(m.group(1));
            if (r[1].equals(a)) {
                assertThat(rate("DISSATISFIED", a, "203.0.113.41", 409)).contains("您已经测评过了");
            }
        }
        assertThat(rate("GREAT", browser(slug), "203.0.113.42", 422)).contains("请选择“满意”“基本满意”或“不满意”");
        assertThat(rate("SATISFIED", null, "203.0.113.42", 422)).contains("请允许浏览器保存 Cookie");
        // a token the server never issued, one altered, one issued for another page: refused (403), nothing counted
        String tallyBefore = tally(v1);
        String altered = a.substring(0, 3) + (a.charAt(3) == 'A' ? 'B' : 'A') + a.substring(4);
        String otherPage = tokens.issue("pledge:" + slug.substring(1) + "x");
        for (String forged : List.of("browser-z", altered, otherPage)) {
            MockHttpServletResponse res = mvc.perform(post("/q/p/" + slug + "/rate").param("choice", "DISSATISFIED")
                    .cookie(new Cookie("tp_" + slug, forged)).with(x -> {
                        x.setRemoteAddr("203.0.113.42");
                        return x;
                    })).andReturn().getResponse();
            assertThat(res.getStatus()).as(forged).isEqualTo(403);
            assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("测评页面已过期或不是从承诺页面链接打开的");
            assertThat(res.getCookie("tp_" + slug)).as("a fresh token with the page").isNotNull();
        }
        assertThat(tally(v1)).isEqualTo(tallyBefore);
        // sealed until the count: no counter has moved, only how many rated is known
        assertThat(tally(v1)).isEqualTo("DISSATISFIED=0,FAIRLY_SATISFIED=0,SATISFIED=0");
        assertThat(jdbc.sql("select count(*) from pledge_member_rating").query(Long.class).single())
                .as("nothing per member is written before the count").isEqualTo(memberRowsBefore);
        assertThat(auditTotal()).as("ratings are not audited as anyone's change").isEqualTo(before);
        assertThat(publicPage(a)).contains("您已经参与过测评").contains("已有 3 人次参与").doesNotContain("满意率 66.67%");
        assertThat(publicPage(browser(slug))).doesNotContain("您已经参与过测评").contains("提交测评");
        assertThat(view(v1, BRANCH).get("ratingsCast").asInt()).isEqualTo(3);
        assertThat(view(v1, BRANCH).get("ratings").get("count").asInt()).isZero();

        // counted with the printed key only: a wrong key counts nothing
        refused(send(post(board(v1) + "/ratings/count"), BRANCH, map("closingKey", "")), 422, "请输入开启测评时打印的计票密钥");
        refused(send(post(board(v1) + "/ratings/count"), BRANCH,
                map("closingKey", cn.tierup.shared.crypto.SealedBox.generate().closingKey())), 422, "计票密钥不正确");
        assertThat(tally(v1)).isEqualTo("DISSATISFIED=0,FAIRLY_SATISFIED=0,SATISFIED=0");
        JsonNode counted = ok(send(post(board(v1) + "/ratings/count"), BRANCH, map("closingKey", key)));
        assertThat(counted.get("ratingState").asText()).isEqualTo("COUNTED");
        count(v1).satisfied += 1;
        count(v1).fairly += 1;
        count(v1).dissatisfied += 1;
        assertThat(tally(v1)).isEqualTo("DISSATISFIED=1,FAIRLY_SATISFIED=1,SATISFIED=1");
        String afterCount = publicPage(browser(slug));
        assertThat(afterCount).contains("已计票 3 人次，满意率 66.67%").contains("本年度群众满意度测评已结束").doesNotContain("提交测评");
        for (String r : receipts) {
            assertThat(afterCount).contains("<li>" + r + "</li>");
        }
        assertThat(rate("SATISFIED", browser(slug), "203.0.113.44", 409)).contains("群众满意度测评尚未开启或已经结束");
        refused(send(post(board(v1) + "/ratings/open"), BRANCH, null), 422, "已经计票，不能再次开启");
        JsonNode ratings = view(v1, BRANCH).get("ratings");
        assertThat(ratings.get("count").asInt()).isEqualTo(3);
        assertThat(ratings.get("satisfactionRate").asDouble()).isEqualTo(66.67);
        // each member's pledge counted apart: m1 by a and b (满意, 不满意), m2 by b only (基本满意 counts as satisfied)
        JsonNode memberRatings = view(v1, BRANCH).get("memberRatings");
        assertThat(memberRatings).hasSize(2);
        JsonNode r1 = memberRatings.get(0).get("pledgeId").asLong() == pm1 ? memberRatings.get(0) : memberRatings.get(1);
        JsonNode r2 = memberRatings.get(0).get("pledgeId").asLong() == pm2 ? memberRatings.get(0) : memberRatings.get(1);
        assertThat(List.of(r1.get("satisfied").asInt(), r1.get("fairlySatisfied").asInt(), r1.get("dissatisfied").asInt(),
                r1.get("count").asInt())).containsExactly(1, 0, 1, 2);
        assertThat(r1.get("satisfactionRate").asDouble()).isEqualTo(PledgeFigures.rate(1, 2).doubleValue());
        assertThat(r1.get("pledger").asText()).isEqualTo(m1.name());
        assertThat(List.of(r2.get("satisfied").asInt(), r2.get("fairlySatisfied").asInt(), r2.get("dissatisfied").asInt(),
                r2.get("count").asInt())).containsExactly(0, 1, 0, 1);
        assertThat(r2.get("satisfactionRate").asDouble()).isEqualTo(PledgeFigures.rate(1, 1).doubleValue());
        assertThat(r2.get("pledger").asText()).as("the office sees the name").isEqualTo(m2.name());
        assertThat(afterCount).contains("共 2 人次，满意率 " + PledgeFigures.rate(1, 2) + "%")
                .contains("共 1 人次，满意率 " + PledgeFigures.rate(1, 1) + "%").contains("基本满意计为满意")
                .doesNotContain(m2.name());
        // the office's .xlsx of the count: the organisation and each member, and how the rate is computed
        MockHttpServletResponse xlsx = mvc.perform(get("/pledges/ratings.xlsx").param("campaign", String.valueOf(campaign))
                .param("org", String.valueOf(v1)).with(users.as(BRANCH))).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> lines = new ArrayList<>();
            for (Row row : sheet) {
                StringBuilder line = new StringBuilder();
                for (Cell cell : row) {
                    line.append(cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
                            : cell.getStringCellValue()).append('|');
                }
                lines.add(line.toString());
            }
            String all = String.join("\n", lines);
            assertThat(all).contains("党组织承诺（" + name(v1) + "）|1.0|1.0|1.0|3.0|" + PledgeFigures.rate(2, 3).doubleValue() + "|")
                    .contains("党员承诺（" + m1.name() + "）|1.0|0.0|1.0|2.0|" + PledgeFigures.rate(1, 2).doubleValue() + "|")
                    .contains("党员承诺（" + m2.name() + "）|0.0|1.0|0.0|1.0|" + PledgeFigures.rate(1, 1).doubleValue() + "|")
                    .contains("基本满意计为满意");
        }
        String memberTallies = jdbc.sql("select count(*) from pledge_member_rating r join pledge_board b on b.id = r.board_id"
                + " where b.campaign_id = :c and b.organization_id = :o").param("c", campaign).param("o", v1).query(Long.class).single()
                .toString();
        assertThat(memberTallies).isEqualTo("2");
        // the browsers are kept only as hashes of their cookies, apart from the counters
        List<String> seen = jdbc.sql("select s.token_hash from pledge_rating_seen s join pledge_board b on b.id = s.board_id"
                + " where b.campaign_id = :c and b.organization_id = :o").param("c", campaign).param("o", v1).query(String.class).list();
        assertThat(seen).hasSize(3).noneMatch(h -> h.contains(a) || h.contains(b) || h.contains(c));

        // a second village: handed in and published by the town, one of two items fulfilled, rated twice
        JsonNode second = ok(send(put(board(v2) + "/organisation").param("submit", "true"), CLERK, map("goal", "巩固提升，争创市级示范",
                "items", List.of("建成村级便民服务站", "组织党员志愿服务队开展环境整治"))));
        long pledge2 = second.get("organisationPledge").get("id").asLong();
        ok(send(post("/api/pledges/" + pledge2 + "/sign"), SECRETARY,
                map("version", second.get("organisationPledge").get("version").asLong())));
        JsonNode published = ok(send(post(board(v2) + "/publish"), CLERK, null));
        fulfil(pledge2, 2, "FULFILLED", "开展环境整治 6 次", today.minusDays(2), CLERK);
        count(v2).pledges += 1;
        count(v2).items += 2;
        count(v2).fulfilled += 1;
        String slug2 = published.get("slug").asText();
        // a rating whose key is lost is abandoned uncounted and opened again
        ok(send(post(board(v2) + "/ratings/open"), CLERK, null));
        refused(send(post(board(v2) + "/ratings/abandon"), CLERK, map("reason", "")), 422, "请写明作废本次测评的原因");
        assertThat(ok(send(post(board(v2) + "/ratings/abandon"), CLERK, map("reason", "计票密钥遗失"))).get("ratingState").asText())
                .isEqualTo("NOT_OPEN");
        String key2 = ok(send(post(board(v2) + "/ratings/open"), CLERK, null)).get("closingKey").asText();
        for (String browser : List.of(browser(slug2), browser(slug2))) {
            String html = afterPost(mvc.perform(post("/q/p/" + slug2 + "/rate").param("choice", "SATISFIED")
                    .cookie(new Cookie("tp_" + slug2, browser))
                    .with(x -> {
                        x.setRemoteAddr("203.0.113.43");
                        return x;
                    })).andReturn().getResponse(), "tp_" + slug2 + "=" + browser, 200);
            assertThat(html).contains("测评成功");
            count(v2).satisfied += 1;
        }
        ok(send(post(board(v2) + "/ratings/count"), CLERK, map("closingKey", key2)));
    }

    // ------------------------------------------------------------------ (5) 领导点评

    @Test
    @Order(5)
    void theTownCommentsOnTwoVillagesTogetherButNotOnAnotherTownsVillageAndTheVillageNotOnItself() throws Exception {
        String comments = "/api/pledges/" + campaign + "/comments";
        String text = "两村承诺事项贴近群众需求，要抓紧兑现未完成事项，年底前向群众报告践诺情况。";
        String atV1 = state(v1);
        String atV2 = state(v2);
        refused(send(post(comments), SECRETARY, map("organizationIds", List.of(v1, foreign), "text", text)), 403, "没有权限");
        refused(send(post(comments), BRANCH, map("organizationIds", List.of(v1), "text", text)), 403, "没有权限");
        refused(send(post(comments), SECRETARY, map("organizationIds", List.of(v1, v2), "text", " ")), 422, "请填写点评内容");
        refused(send(post(comments), SECRETARY, map("organizationIds", List.of(), "text", text)), 422, "请选择要点评的党组织");
        refused(send(post(comments), SECRETARY, map("organizationIds", List.of(city), "text", text)), 403, "没有权限");
        assertThat(state(v1)).isEqualTo(atV1);
        assertThat(state(v2)).isEqualTo(atV2);

        JsonNode done = ok(send(post(comments), SECRETARY, map("organizationIds", List.of(v1, v2), "text", text)));
        assertThat(done.get("organisations").asInt()).isEqualTo(2);
        for (long org : List.of(v1, v2)) {
            JsonNode c = view(org, "admin").get("comments");
            assertThat(c).hasSize(1);
            assertThat(c.get(0).get("text").asText()).isEqualTo(text);
            assertThat(c.get(0).get("writtenBy").asText()).isEqualTo(SECRETARY);
        }
        assertThat(publicPage(null)).contains("上级党组织点评").contains(text);
    }

    // ------------------------------------------------------------------ (6) figures, .xlsx, .docx, audit

    static double rate(long n, long of) {
        return of == 0 ? 0 : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP).doubleValue();
    }

    void assertLine(JsonNode line, Count c, String what) {
        assertThat(line.get("pledges").asLong()).as(what + " 承诺书").isEqualTo(c.pledges);
        assertThat(line.get("items").asLong()).as(what + " 承诺事项").isEqualTo(c.items);
        assertThat(line.get("fulfilled").asLong()).as(what + " 已兑现").isEqualTo(c.fulfilled);
        assertThat(line.get("notFulfilled").asLong()).as(what + " 未兑现").isEqualTo(c.notFulfilled);
        assertThat(line.get("inProgress").asLong()).as(what + " 推进中").isEqualTo(c.inProgress);
        assertThat(line.get("notBegun").asLong()).as(what + " 未开始")
                .isEqualTo(c.items - c.fulfilled - c.notFulfilled - c.inProgress);
        assertThat(line.get("fulfilmentRate").asDouble()).as(what + " 兑现率").isEqualTo(rate(c.fulfilled, c.items));
        assertThat(line.get("satisfied").asLong()).as(what + " 满意").isEqualTo(c.satisfied);
        assertThat(line.get("fairlySatisfied").asLong()).as(what + " 基本满意").isEqualTo(c.fairly);
        assertThat(line.get("dissatisfied").asLong()).as(what + " 不满意").isEqualTo(c.dissatisfied);
        assertThat(line.get("ratings").asLong()).as(what + " 测评").isEqualTo(c.ratings());
        assertThat(line.get("satisfactionRate").asDouble()).as(what + " 满意率").isEqualTo(rate(c.satisfied + c.fairly, c.ratings()));
    }

    Count total() {
        Count t = new Count();
        counted.values().forEach(c -> {
            t.pledges += c.pledges;
            t.items += c.items;
            t.fulfilled += c.fulfilled;
            t.notFulfilled += c.notFulfilled;
            t.inProgress += c.inProgress;
            t.satisfied += c.satisfied;
            t.fairly += c.fairly;
            t.dissatisfied += c.dissatisfied;
        });
        return t;
    }

    @Test
    @Order(6)
    void theFiguresAndTheExcelTableEqualAnIndependentCount() throws Exception {
        Count total = total();
        assertThat(total.items).as("the story made 8 items public").isEqualTo(8);
        JsonNode s = ok(send(get("/api/pledges/summary").param("campaign", "" + campaign).param("org", "" + id(TOWN)), SECRETARY, null));
        assertThat(s.get("organizationName").asText()).isEqualTo(TOWN);
        List<Long> units = children(TOWN);
        assertThat(s.get("units")).hasSize(units.size());
        for (JsonNode line : s.get("units")) {
            long org = line.get("organizationId").asLong();
            assertThat(units).contains(org);
            assertLine(line, counted.getOrDefault(org, new Count()), line.get("label").asText());
        }
        assertLine(s.get("total"), total, "合计");
        assertThat(s.get("total").get("fulfilmentRate").asDouble()).isEqualTo(37.5);
        assertThat(s.get("total").get("satisfactionRate").asDouble()).isEqualTo(80.0);
        // under the city the town is one unit holding all of it
        JsonNode byTown = ok(send(get("/api/pledges/summary").param("campaign", "" + campaign).param("org", "" + city), "admin", null));
        for (JsonNode line : byTown.get("units")) {
            assertLine(line, line.get("organizationId").asLong() == id(TOWN) ? total : new Count(), line.get("label").asText());
        }
        assertLine(byTown.get("total"), total, "全市合计");
        // figures of another town are not the village's to read
        refused(send(get("/api/pledges/summary").param("campaign", "" + campaign).param("org", "" + id(OTHER_TOWN)), BRANCH, null),
                403, "没有权限");

        MockHttpServletResponse x = mvc.perform(get("/pledges/overview.xlsx").param("campaign", "" + campaign)
                .param("org", "" + id(TOWN)).with(users.as(SECRETARY))).andReturn().getResponse();
        assertThat(x.getStatus()).isEqualTo(200);
        assertThat(fileName(x)).isEqualTo("公开承诺践诺情况统计表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("公开承诺践诺情况统计表");
            int rows = 0;
            for (long unit : units) {
                Row r = row(sheet, 1, name(unit));
                assertRow(r, counted.getOrDefault(unit, new Count()), name(unit));
                rows++;
            }
            assertThat(rows).isEqualTo(units.size());
            assertRow(row(sheet, 0, "合计"), total, "合计");
        }
    }

    /**
     * Columns from 2: 承诺书, 承诺, 已兑现, 未兑现, 推进中, 未开始, 兑现率%, 满意, 基本满意, 不满意, 满意率%; the four kinds
     * of items add up to the items.
     */
    static void assertRow(Row r, Count c, String what) {
        double[] expected = {c.pledges, c.items, c.fulfilled, c.notFulfilled, c.inProgress,
                c.items - c.fulfilled - c.notFulfilled - c.inProgress, rate(c.fulfilled, c.items), c.satisfied, c.fairly,
                c.dissatisfied, rate(c.satisfied + c.fairly, c.ratings())};
        for (int i = 0; i < expected.length; i++) {
            assertThat(r.getCell(2 + i).getNumericCellValue()).as(what + " column " + (2 + i)).isEqualTo(expected[i]);
        }
    }

    static String text(Cell c) {
        if (c == null) {
            return "";
        }
        return c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue()) : c.getStringCellValue();
    }

    static Row row(Sheet s, int column, String value) {
        for (Row r : s) {
            if (value.equals(text(r.getCell(column)))) {
                return r;
            }
        }
        throw new AssertionError("no row with " + value + " in column " + column);
    }

    static String fileName(MockHttpServletResponse r) {
        String disposition = r.getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment");
        int i = disposition.indexOf("filename*=UTF-8''");
        assertThat(i).as(disposition).isGreaterThanOrEqualTo(0);
        return URLDecoder.decode(disposition.substring(i + "filename*=UTF-8''".length()), StandardCharsets.UTF_8);
    }

    XWPFDocument docx(String path, long org, String as, String expectedName) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).param("campaign", "" + campaign).param("org", "" + org).with(users.as(as)))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(fileName(r)).isEqualTo(expectedName);
        return new XWPFDocument(new ByteArrayInputStream(r.getContentAsByteArray()));
    }

    /** The value cells beside a label cell. */
    static List<String> values(XWPFDocument doc, String label) {
        List<String> out = new ArrayList<>();
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow r : t.getRows()) {
                List<XWPFTableCell> cells = r.getTableCells();
                for (int i = 0; i + 1 < cells.size(); i++) {
                    if (cells.get(i).getText().strip().equals(label)) {
                        out.add(cells.get(i + 1).getText().strip());
                    }
                }
            }
        }
        assertThat(out).as("label " + label).isNotEmpty();
        return out;
    }

    /** The item rows: 序号 → 承诺事项, 践诺情况. */
    static Map<String, List<String>> items(XWPFDocument doc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (XWPFTableRow r : doc.getTables().get(0).getRows()) {
            List<XWPFTableCell> cells = r.getTableCells();
            if (cells.size() == 3 && cells.get(0).getText().strip().matches("\\d+")) {
                out.put(cells.get(0).getText().strip(), List.of(cells.get(1).getText().strip(), cells.get(2).getText().strip()));
            }
        }
        return out;
    }

    @Test
    @Order(7)
    void bothPledgeFormsCarryTheItemsAndNames() throws Exception {
        String signedOn = DAY.format(today);
        try (XWPFDocument doc = docx("/pledges/document.docx", v1, BRANCH, "基层党组织公开承诺书-" + name(v1) + ".docx")) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("基层党组织公开承诺书");
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("（" + year + "年度）");
            var size = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(((java.math.BigInteger) size.getW()).intValue()).isEqualTo(11906);
            assertThat(doc.getTables().get(0).getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(values(doc, "党组织名称")).containsExactly(name(v1));
            assertThat(values(doc, "承诺年度")).containsExactly(year + "年度");
            assertThat(values(doc, "上级党组织")).containsExactly(TOWN);
            assertThat(values(doc, "争创目标")).containsExactly(GOAL);
            Map<String, List<String>> items = items(doc);
            assertThat(items).containsOnlyKeys("1", "2", "3");
            assertThat(items.get("1").get(0)).isEqualTo(SCRIPT + "（群众点诺）");
            assertThat(items.get("1").get(1)).startsWith("已兑现（" + signedOn + "）").contains("已安装路灯 12 盏");
            assertThat(items.get("2").get(0)).isEqualTo(ADVICE + "（群众点诺）");
            assertThat(items.get("2").get(1)).startsWith("未兑现").contains("改为明年春季实施");
            assertThat(items.get("3")).containsExactly(OWN_ITEM, "推进中");
            assertThat(values(doc, "党组织（盖章）")).containsExactly("");
            assertThat(values(doc, "书记签字")).containsExactly("");
            assertThat(values(doc, "日期")).containsExactly(signedOn);
            // the person's name, never a login name, on a printed form
            assertThat(values(doc, "上级党组织签订").get(0)).contains(TOWN).contains("签订人：桂花镇党委书记").doesNotContain(SECRETARY);
            assertThat(values(doc, "签订日期")).containsExactly(signedOn);
        }
        // a member's, named in full in the office's document whether or not the name is shown to the public
        for (Person p : List.of(m1, m2)) {
            try (XWPFDocument doc = docx("/pledges/members/" + p.id() + "/document.docx", v1, BRANCH,
                    "党员公开承诺书-" + p.name() + ".docx")) {
                assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("党员公开承诺书");
                assertThat(values(doc, "姓名")).containsExactly(p.name());
                assertThat(values(doc, "所在党组织")).containsExactly(name(v1));
                assertThat(values(doc, "承诺要求").get(0)).contains("五带头").contains("带头服务群众");
                assertThat(values(doc, "党员签字")).containsExactly("");
                assertThat(values(doc, "党组织签订").get(0)).contains("签订人：村党支部书记").doesNotContain(BRANCH);
                assertThat(values(doc, "签订日期")).containsExactly(signedOn);
                String all = String.join("\n", items(doc).values().stream().map(l -> l.get(0)).toList());
                if (p == m1) {
                    assertThat(items(doc)).containsOnlyKeys("1", "2");
                    assertThat(items(doc).get("1").get(0)).isEqualTo("带头学习党的理论，每月读一本书");
                    assertThat(items(doc).get("1").get(1)).startsWith("已兑现").contains("全年读书 12 本");
                    assertThat(all).contains("结对帮扶两户困难家庭");
                } else {
                    assertThat(items(doc)).containsOnlyKeys("1");
                    assertThat(all).isEqualTo("带头遵纪守法，调解邻里纠纷");
                    assertThat(items(doc).get("1").get(1)).isEmpty();
                }
            }
        }
        // the draft's form says so and leaves the signing empty
        try (XWPFDocument doc = docx("/pledges/members/" + m3.id() + "/document.docx", v1, BRANCH, "党员公开承诺书-" + m3.name() + ".docx")) {
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("（" + year + "年度　草稿）");
            assertThat(values(doc, "党组织签订")).containsExactly("");
        }
        // a village with no 承诺书 yet gets the blank form to fill in by hand
        try (XWPFDocument doc = docx("/pledges/document.docx", v3, CLERK, "基层党组织公开承诺书-" + name(v3) + ".docx")) {
            assertThat(values(doc, "争创目标")).containsExactly("");
            assertThat(items(doc)).containsOnlyKeys("1", "2", "3", "4", "5");
            assertThat(values(doc, "上级党组织签订")).containsExactly("");
        }
        mvc.perform(get("/pledges/members/" + notPledging.id() + "/document.docx").param("campaign", "" + campaign)
                .param("org", "" + v1).with(users.as(BRANCH))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        mvc.perform(get("/pledges/document.docx").param("campaign", "" + campaign).param("org", "" + v1).with(users.as("zhen")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
    }

    @Test
    @Order(8)
    void theOfficesChangesAreAuditedAndNothingAboutAResidentIs() throws Exception {
        List<String> actions = jdbc.sql("select entity_type || ':' || action from audit_entry where organization_id = :o order by id")
                .param("o", v1).query(String.class).list();
        assertThat(actions).contains("PledgeBoard:UPDATE", "Suggestion:TAKE", "Suggestion:REJECT", "Pledge:UPDATE", "Pledge:SUBMIT",
                "Pledge:RETURN", "Pledge:SIGN", "PledgeBoard:PUBLISH", "Pledge:FULFIL", "PledgeComment:CREATE");
        assertThat(actions.stream().filter(a -> a.equals("Pledge:SIGN")).count()).as("the 承诺书 and two members'").isEqualTo(3);
        assertThat(actions.stream().filter(a -> a.equals("Pledge:FULFIL")).count()).isEqualTo(4);
        List<String> actors = jdbc.sql("select distinct actor from audit_entry where organization_id in (:o)"
                        + " and entity_type in ('PledgeBoard', 'Pledge', 'Suggestion', 'PledgeComment')")
                .param("o", List.of(v1, v2, v3)).query(String.class).list();
        assertThat(actors).containsExactlyInAnyOrder(BRANCH, CLERK, SECRETARY);
        assertThat(jdbc.sql("select actor from audit_entry where organization_id = :o and action = 'SIGN' and summary like :s")
                .param("o", v1).param("s", "%目标责任书%").query(String.class).list()).containsExactly(SECRETARY);
        // no address, cookie or anything of a resident's browser anywhere in the trail
        List<String> trail = jdbc.sql("select coalesce(summary, '') || ' ' || coalesce(before_state, '') || ' '"
                + " || coalesce(after_state, '') || ' ' || actor from audit_entry").query(String.class).list();
        // (the cookies this test sent by hand; other classes' account names may well contain "browser")
        assertThat(trail).noneMatch(t -> t.contains("203.0.113.")).noneMatch(t -> t.contains("browser-z"))
                .noneMatch(t -> t.contains("early-browser"));
        List<String> hashes = jdbc.sql("select token_hash from pledge_rating_seen").query(String.class).list();
        assertThat(trail).noneMatch(t -> hashes.stream().anyMatch(t::contains));
        // a suggestion is its text and day, and what the office did with it; nothing to store a sender in
        assertThat(jdbc.sql("select distinct lower(column_name) from information_schema.columns"
                + " where lower(table_name) = 'pledge_suggestion'").query(String.class).list())
                .containsExactlyInAnyOrder("id", "board_id", "text", "status", "submitted_on", "moderated_by", "moderated_at");
    }
}
