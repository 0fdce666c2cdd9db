package cn.tierup.grading;

import cn.tierup.ballot.Ballots;
import cn.tierup.shared.DomainException;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 对标定级 through the API: a town grades all its villages and communities through the five steps and the
 * tables and register count exactly what it decided; wrong input is refused with a Chinese reason and
 * changes nothing; the authority reopens a step; a 审议 that does not pass sends the case back to 自评.
 *
 * <p>The context and database are shared with every other test class: this class works in two towns
 * nobody else opens a campaign for — 小鱼洞镇 (graded in full by one test, so its figures are exact) and
 * 龙门山镇 (one village per test) — and in accounts of its own for those towns.
 */
@IntegrationTest
class GradingApiIT {

    static final String TOWN = "中共彭州市小鱼洞镇委员会";
    static final String OTHER_TOWN = "中共彭州市龙门山镇委员会";
    static final String PASSWORD = "Grading2026pass";
    /** The programme's three classes as the shipped 村/社区 standards name them. */
    static final Map<String, String> LEVEL = Map.of("先进", "ADVANCED", "一般", "AVERAGE", "后进", "LAGGING");
    static final List<String> GRADES = List.of("先进", "一般", "后进");

    private static final Map<String, Long> CAMPAIGNS = new ConcurrentHashMap<>();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Ballots ballotBox;

    final LocalDate today = OfficeDay.today();

    // ------------------------------------------------------------------ fixtures

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    record Subject(long id, String name, String field) {
    }

    /** The organisations a town grades: its children (these towns have no 总支 with branches below). */
    List<Subject> subjects(String town) {
        return jdbc.sql("select id, name, field from organization where parent_id = :p and retired = false order by id")
                .param("p", id(town)).query((rs, n) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** A campaign rooted at the town whose 对标定级 has been under way since 1 January of {@code year}. */
    long campaign(String town, int year) {
        return CAMPAIGNS.computeIfAbsent(town + year, k -> {
            try {
                JsonNode c = read(send(post("/api/campaigns"), "admin", campaignForm(id(town), year))
                        .andExpect(status().isCreated()));
                assertThat(c.get("started").get("GRADING").asBoolean()).isTrue();
                return c.get("id").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The form of a campaign whose survey and 对标定级 run the whole of {@code year} (the later phases start on 31 December). */
    static Map<String, Object> campaignForm(long root, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return map("rootOrganizationId", root, "year", year, "name", year + "年度定级测试活动",
                "surveyStartsOn", first, "surveyEndsOn", last, "surveyDueOn", last,
                "gradingStartsOn", first, "gradingEndsOn", last, "gradingDueOn", last,
                "upgradeStartsOn", last, "upgradeEndsOn", last, "upgradeDueOn", last,
                "acceptanceStartsOn", last, "acceptanceEndsOn", last, "acceptanceDueOn", last);
    }

    /** An account of this class's own, created by the administrator once. */
    synchronized String account(String username, String displayName, long org, String role) throws Exception {
        long exists = jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single();
        if (exists == 0) {
            send(post("/api/accounts"), "admin", map("username", username, "displayName", displayName, "organizationId", org,
                    "role", role, "password", PASSWORD, "enabled", true)).andExpect(status().isCreated());
        }
        return username;
    }

    /** 龙门山镇's 组织委员, who enters the steps on the villages' behalf. */
    String clerk() throws Exception {
        return account("lms-zuzhi", "龙门山镇组织委员", id(OTHER_TOWN), "SUPERVISOR");
    }

    /** 龙门山镇's 书记, who decides. */
    String secretary() throws Exception {
        return account("lms-shuji", "龙门山镇党委书记", id(OTHER_TOWN), "SUPERVISOR");
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

    JsonNode read(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode ok(ResultActions r) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.andReturn().getResponse().getStatus()).as(body).isEqualTo(200);
        return json.readTree(body);
    }

    /** A refusal: the status, an RFC 9457 problem, and a Chinese detail saying what is wrong. */
    void refused(ResultActions r, int status, String detail) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.andReturn().getResponse().getStatus()).as(body).isEqualTo(status);
        r.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(json.readTree(body).get("detail").asText()).contains(detail);
    }

    static String base(long campaign, long org) {
        return "/api/grading/cases/" + campaign + "/" + org;
    }

    JsonNode view(long campaign, long org, String as) throws Exception {
        return ok(send(get(base(campaign, org)), as, null));
    }

    /** Everything a refused request must leave as it was: the case as shown, its meetings and its audit trail. */
    String state(long campaign, long org) throws Exception {
        String shown = view(campaign, org, "admin").toString();
        long meetings = jdbc.sql("select count(*) from grading_meeting m join grading_case g on g.id = m.case_id"
                + " where g.campaign_id = :c and g.organization_id = :o").param("c", campaign).param("o", org)
                .query(Long.class).single();
        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'GradingCase' and organization_id = :o")
                .param("o", org).query(Long.class).single();
        return shown + " | meetings " + meetings + " | audit " + audited;
    }

    static Map<String, Object> meeting(LocalDate on, String place, Integer expected, Integer attendance, Map<String, Integer> votes) {
        return map("heldOn", on, "place", place, "expected", expected, "attendance", attendance, "votes", votes);
    }

    /** Votes with {@code leader} ahead: the leader's count, then the other two grades in order. */
    static Map<String, Integer> votes(String leader, int lead, int second, int third) {
        Map<String, Integer> v = new LinkedHashMap<>();
        v.put(leader, lead);
        List<String> others = GRADES.stream().filter(g -> !g.equals(leader)).toList();
        v.put(others.get(0), second);
        v.put(others.get(1), third);
        return v;
    }

    static Map<String, Object> paper(LocalDate on, int attendance, int issued, int returned, int agree, int disagree, int abstain,
                                     int invalid) {
        return map("heldOn", on, "place", "村党群服务中心会议室", "expected", attendance + 3, "attendance", attendance, "issued", issued,
                "returned", returned, "agree", agree, "disagree", disagree, "abstain", abstain, "invalid", invalid);
    }

    /** A score sheet worth {@code total} points under the standard shown with the case: criteria filled in order. */
    static Map<String, Integer> scores(JsonNode standard, int total) {
        return CaseWalker.scores(standard, total);
    }

    /** The notice's grade for a total: 85 and above 先进, 60 to 84 一般, below 60 后进; a veto item makes it 后进. */
    static String gradeFor(int total, Set<Integer> vetoes) {
        return !vetoes.isEmpty() ? "后进" : total >= 85 ? "先进" : total >= 60 ? "一般" : "后进";
    }

    /** Nulls are left out of the API's JSON. */
    static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    // ------------------------------------------------------------------ walking a case

    /** Steps 1 and 2 with the given leading grades; returns the case at step 3. */
    JsonNode reviews(long c, long org, String as, String publicLeader, String memberLeader) throws Exception {
        String url = base(c, org);
        JsonNode one = ok(send(post(url + "/public-review"), as,
                meeting(today.minusDays(3), "村党群服务中心", 40, 31, votes(publicLeader, 20, 8, 3))));
        assertThat(one.get("step").asText()).isEqualTo("MEMBER_REVIEW");
        assertThat(one.get("publicReview").get("leadingGrade").asText()).isEqualTo(publicLeader);
        assertThat(one.get("publicReview").get("attendance").asInt()).isEqualTo(31);
        int members = one.get("members").asInt();
        assertThat(members).as("party members on the roll of " + one.get("organizationName").asText()).isGreaterThanOrEqualTo(8);
        // 应到 left out: the members on the roll
        JsonNode two = ok(send(post(url + "/member-review"), as,
                meeting(today.minusDays(2), "村党员活动室", null, members, votes(memberLeader, members - 4, 3, 1))));
        assertThat(two.get("step").asText()).isEqualTo("SELF_GRADING");
        assertThat(two.get("memberReview").get("expected").asInt()).isEqualTo(members);
        assertThat(two.get("memberReview").get("leadingGrade").asText()).isEqualTo(memberLeader);
        return two;
    }

    /** Step 3: score sheet and self-grade; returns the case at step 4. */
    JsonNode selfGrade(long c, long org, String as, JsonNode at3, int total, Set<Integer> vetoes, String grade) throws Exception {
        String url = base(c, org);
        JsonNode sheet = ok(send(put(url + "/score-sheet"), as, map("scores", scores(at3.get("standard"), total),
                "vetoes", vetoes, "annualAssessment", "上年度考核：好", "version", at3.get("version").asLong())));
        assertThat(sheet.get("evaluation").get("total").asInt()).isEqualTo(total);
        assertThat(sheet.get("evaluation").get("grade").get("name").asText()).isEqualTo(gradeFor(total, vetoes));
        assertThat(sheet.get("step").asText()).isEqualTo("SELF_GRADING");
        JsonNode proposed = ok(send(post(url + "/self-grade"), as, map("grade", grade,
                "statement", "综合群众初评、党员评议结果和近三年业绩，班子研究提出自评等次。", "version", sheet.get("version").asLong())));
        assertThat(proposed.get("step").asText()).isEqualTo("DELIBERATION");
        assertThat(proposed.get("selfGrade").asText()).isEqualTo(grade);
        return proposed;
    }

    /** A paper 审议 that passes (21 of 25 valid ballots agree); returns the case at step 5. */
    JsonNode passingPaperBallot(long c, long org, String as) throws Exception {
        JsonNode passed = ok(send(post(base(c, org) + "/ballot/paper"), as, paper(today, 27, 27, 26, 21, 3, 1, 1)));
        assertThat(passed.get("step").asText()).isEqualTo("DECISION");
        assertThat(passed.get("deliberation").get("passed").asBoolean()).isTrue();
        return passed;
    }

    /** What the town does with one of its organisations in the full walk. */
    record Plan(String publicLeader, String memberLeader, int score, Set<Integer> vetoes, String selfGrade, boolean failFirst,
                boolean phone, String decided, String reason) {
    }

    static final List<Plan> PLANS = List.of(
            new Plan("先进", "先进", 92, Set.of(), "先进", false, false, "先进", null),
            new Plan("先进", "一般", 86, Set.of(), "先进", false, true, "一般", "群众反映集体经济收益公开不及时，党员评议多数为一般"),
            new Plan("一般", "一般", 75, Set.of(), "一般", true, false, "一般", null),
            new Plan("一般", "后进", 61, Set.of(), "一般", false, false, "一般", null),
            new Plan("后进", "后进", 70, Set.of(2), "后进", false, false, "后进", null),
            new Plan("一般", "先进", 84, Set.of(), "一般", false, false, "先进", "该村产业带富成效突出，获评市级先进基层党组织"),
            new Plan("先进", "先进", 95, Set.of(), "先进", false, false, "先进", null),
            new Plan("一般", "一般", 72, Set.of(), "一般", false, false, "一般", null),
            new Plan("后进", "后进", 50, Set.of(), "后进", false, false, "后进", null));

    void walk(long c, Subject s, Plan p, String clerk, String secretary) throws Exception {
        String url = base(c, s.id());
        JsonNode fresh = view(c, s.id(), clerk);
        assertThat(absent(fresh, "caseId")).isTrue();
        assertThat(fresh.get("step").asText()).isEqualTo("PUBLIC_REVIEW");
        assertThat(fresh.get("authorityName").asText()).isEqualTo(TOWN);
        JsonNode at3 = reviews(c, s.id(), clerk, p.publicLeader(), p.memberLeader());
        JsonNode at4 = selfGrade(c, s.id(), clerk, at3, p.score(), p.vetoes(), p.selfGrade());
        if (p.failFirst()) {
            // exactly half of the valid ballots agree: not more than half, so 自评 again in a second round
            JsonNode failed = ok(send(post(url + "/ballot/paper"), clerk, paper(today.minusDays(1), 20, 20, 20, 10, 8, 2, 0)));
            assertThat(failed.get("step").asText()).isEqualTo("SELF_GRADING");
            assertThat(failed.get("round").asInt()).isEqualTo(2);
            assertThat(absent(failed, "selfGrade")).isTrue();
            assertThat(last(failed.get("meetings")).get("passed").asBoolean()).isFalse();
            assertThat(last(failed.get("meetings")).get("round").asInt()).isEqualTo(1);
            at4 = ok(send(post(url + "/self-grade"), clerk, map("grade", p.selfGrade(),
                    "statement", "审议未通过后班子重新对照标准自评，补充了整改措施。", "version", failed.get("version").asLong())));
            assertThat(at4.get("step").asText()).isEqualTo("DELIBERATION");
            assertThat(at4.get("round").asInt()).isEqualTo(2);
        }
        JsonNode at5;
        if (p.phone()) {
            JsonNode b = ok(send(post(url + "/ballot/phone"), clerk, map("heldOn", today, "place", "村党群服务中心", "expected", 12,
                    "codes", 12)));
            List<String> codes = new ArrayList<>();
            b.get("codes").forEach(x -> codes.add(x.asText()));
            assertThat(codes).hasSize(12).doesNotHaveDuplicates().allMatch(x -> x.matches("[A-Z2-9]{4}-[A-Z2-9]{4}"));
            assertThat(b.get("meeting").get("status").asText()).isEqualTo("OPEN");
            assertThat(b.get("meeting").get("proposedGrade").asText()).isEqualTo(p.selfGrade());
            String slug = b.get("meeting").get("slug").asText();
            for (int i = 0; i < 11; i++) {
                ballotBox.vote(slug, codes.get(i), List.of(i < 8 ? "AGREE" : i < 10 ? "DISAGREE" : "ABSTAIN"));
            }
            assertThat(view(c, s.id(), clerk).get("ballotTurnout").asInt()).isEqualTo(11);
            at5 = ok(send(post(url + "/ballot/phone/close"), clerk, map("attendance", 11, "closingKey", b.get("closingKey").asText())));
            JsonNode m = at5.get("deliberation");
            assertThat(m.get("mode").asText()).isEqualTo("PHONE");
            assertThat(List.of(m.get("ballotsIssued").asInt(), m.get("ballotsReturned").asInt(), m.get("agree").asInt(),
                    m.get("disagree").asInt(), m.get("abstain").asInt())).containsExactly(12, 11, 8, 2, 1);
            assertThat(m.get("passed").asBoolean()).isTrue();
            assertThat(absent(at5, "openBallot")).isTrue();
        } else {
            at5 = passingPaperBallot(c, s.id(), clerk);
        }
        assertThat(at5.get("step").asText()).isEqualTo("DECISION");
        assertThat(at5.get("canDecide").asBoolean()).isTrue();
        JsonNode done = ok(send(post(url + "/decision"), secretary, map("grade", p.decided(), "reason", p.reason(),
                "version", at5.get("version").asLong())));
        assertThat(done.get("step").asText()).isEqualTo("DONE");
        assertThat(done.get("decidedGrade").asText()).isEqualTo(p.decided());
        assertThat(done.get("decidedLevel").asText()).isEqualTo(LEVEL.get(p.decided()));
        assertThat(done.get("decidedBy").asText()).isEqualTo(secretary);
        assertThat(done.get("selfGrade").asText()).isEqualTo(p.selfGrade());
        if (p.reason() != null) {
            assertThat(done.get("decisionReason").asText()).isEqualTo(p.reason());
        }
    }

    // ------------------------------------------------------------------ (a) a whole town

    /** Counts of one line of 附件4, as this test expects them. */
    record Count(long total, long advanced, long average, long lagging) {

        Count plus(String level) {
            return new Count(total + 1, advanced + (level.equals("ADVANCED") ? 1 : 0), average + (level.equals("AVERAGE") ? 1 : 0),
                    lagging + (level.equals("LAGGING") ? 1 : 0));
        }

        static double exact(long n, long of) {
            return of == 0 ? 0 : 100.0 * n / of;
        }
    }

    static void assertLine(JsonNode line, Count expected) {
        String what = line.toString();
        assertThat(line.get("total").asLong()).as(what).isEqualTo(expected.total());
        assertThat(line.get("decided").asLong()).as(what).isEqualTo(expected.total());
        assertThat(line.get("advanced").asLong()).as(what).isEqualTo(expected.advanced());
        assertThat(line.get("average").asLong()).as(what).isEqualTo(expected.average());
        assertThat(line.get("lagging").asLong()).as(what).isEqualTo(expected.lagging());
        // shares with two decimals, each within a hundredth of the exact share, the line adding to exactly 100.00
        BigDecimal sum = BigDecimal.ZERO;
        long[] counts = {expected.advanced(), expected.average(), expected.lagging()};
        String[] names = {"advancedShare", "averageShare", "laggingShare"};
        for (int i = 0; i < 3; i++) {
            BigDecimal share = line.get(names[i]).decimalValue();
            assertThat(share.scale()).as(what).isLessThanOrEqualTo(2);
            assertThat(share.doubleValue()).as(what).isCloseTo(Count.exact(counts[i], expected.total()),
                    org.assertj.core.data.Offset.offset(0.0100001));
            sum = sum.add(share);
        }
        if (expected.total() > 0) {
            assertThat(sum).as(what).isEqualByComparingTo("100.00");
        }
    }

    @Test
    void aTownGradesAllItsVillagesAndCommunitiesAndTheTablesAndRegisterCountExactlyWhatItDecided() throws Exception {
        int year = today.getYear();
        long c = campaign(TOWN, year);
        long town = id(TOWN);
        String clerk = account("xyd-zuzhi", "小鱼洞镇组织委员", town, "SUPERVISOR");
        String secretary = account("xyd-shuji", "小鱼洞镇党委书记", town, "SUPERVISOR");
        List<Subject> subjects = subjects(TOWN);
        assertThat(subjects).as("the demo town's 7 village branches and 2 community branches").hasSize(PLANS.size());
        assertThat(subjects.stream().filter(s -> s.field().equals("VILLAGE")).count()).isEqualTo(7);

        JsonNode before = ok(send(get("/api/grading/overview").param("campaign", "" + c), clerk, null));
        assertThat(before.get("notStarted").asLong()).isEqualTo(subjects.size());
        assertThat(before.get("atStep").get("DONE").asLong()).isZero();
        assertThat(ok(send(get("/api/grading/list").param("campaign", "" + c).param("step", "NOT_STARTED"), clerk, null))
                .get("total").asLong()).isEqualTo(subjects.size());

        for (int i = 0; i < subjects.size(); i++) {
            walk(c, subjects.get(i), PLANS.get(i), clerk, secretary);
        }
        JsonNode failedOnce = view(c, subjects.get(2).id(), secretary);
        assertThat(failedOnce.get("round").asInt()).isEqualTo(2);
        assertThat(failedOnce.get("deliberation").get("round").asInt()).isEqualTo(2);
        assertThat(failedOnce.get("meetings")).hasSize(4);

        // what this test decided, counted by the test: in all, per field and per organisation
        Count all = new Count(0, 0, 0, 0);
        Map<String, Count> perField = new HashMap<>();
        Map<Long, String> decided = new HashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            String level = LEVEL.get(PLANS.get(i).decided());
            all = all.plus(level);
            perField.merge(subjects.get(i).field(), new Count(0, 0, 0, 0).plus(level),
                    (a, b) -> new Count(a.total() + b.total(), a.advanced() + b.advanced(), a.average() + b.average(),
                            a.lagging() + b.lagging()));
            decided.put(subjects.get(i).id(), PLANS.get(i).decided());
        }
        assertThat(List.of(all.advanced(), all.average(), all.lagging())).as("a mix of the three classes").containsExactly(3L, 4L, 2L);

        // 附件4 by unit, seen by the town: one line per village or community, then the total
        JsonNode byUnit = ok(send(get("/api/grading/tables/summary").param("campaign", "" + c).param("by", "unit"), secretary, null));
        assertThat(byUnit.get("lines")).hasSize(subjects.size());
        for (JsonNode line : byUnit.get("lines")) {
            String level = LEVEL.get(decided.get(line.get("unitId").asLong()));
            assertLine(line, new Count(0, 0, 0, 0).plus(level));
        }
        assertLine(byUnit.get("total"), all);
        assertThat(byUnit.get("total").get("advancedShare").decimalValue()).isEqualByComparingTo("33.33");

        // …seen by the city: the town is one line, and all of the campaign
        JsonNode cityUnits = ok(send(get("/api/grading/tables/summary").param("campaign", "" + c)
                .param("org", "" + id("中共彭州市委员会")).param("by", "unit"), "admin", null));
        JsonNode townLine = null;
        for (JsonNode line : cityUnits.get("lines")) {
            if (line.get("unitId").asLong() == town) {
                townLine = line;
            } else {
                assertThat(line.get("total").asLong()).as(line.toString()).isZero();
            }
        }
        assertThat(townLine).isNotNull();
        assertThat(townLine.get("label").asText()).isEqualTo(TOWN);
        assertLine(townLine, all);
        assertLine(cityUnits.get("total"), all);

        // 附件4 by field
        JsonNode byField = ok(send(get("/api/grading/tables/summary").param("campaign", "" + c).param("by", "field"), clerk, null));
        assertThat(byField.get("lines")).hasSize(perField.size());
        for (JsonNode line : byField.get("lines")) {
            assertLine(line, perField.get(line.get("label").asText()));
        }
        assertLine(byField.get("total"), all);
        assertThat(perField.get("VILLAGE")).isEqualTo(new Count(7, 3, 3, 1));

        // 附件3: every decided organisation by name with its grade
        JsonNode names = ok(send(get("/api/grading/tables/names").param("campaign", "" + c), secretary, null));
        Map<String, String> named = new HashMap<>();
        names.forEach(n -> named.put(n.get("name").asText(), n.get("grade").asText()));
        Map<String, String> expectedNames = new HashMap<>();
        subjects.forEach(s -> expectedNames.put(s.name(), decided.get(s.id())));
        assertThat(named).isEqualTo(expectedNames);

        // the overview and the list agree
        JsonNode overview = ok(send(get("/api/grading/overview").param("campaign", "" + c).param("org", "" + town), clerk, null));
        assertThat(overview.get("atStep").get("DONE").asLong()).isEqualTo(subjects.size());
        assertThat(overview.get("notStarted").asLong()).isZero();
        assertThat(overview.get("awaitingDecision")).isEmpty();
        assertThat(overview.get("byGradeName").get("一般").asLong()).isEqualTo(all.average());
        JsonNode classes = overview.get("grades");
        assertThat(List.of(classes.get("total").asLong(), classes.get("decided").asLong(), classes.get("advanced").asLong(),
                classes.get("average").asLong(), classes.get("lagging").asLong()))
                .as("the classes decided, counted by the test").containsExactly((long) subjects.size(), all.total(),
                        all.advanced(), all.average(), all.lagging());
        long byName = 0;
        for (JsonNode n : overview.get("byGradeName")) {
            byName += n.asLong();
        }
        assertThat(byName).as("every decided organisation under one grade name").isEqualTo(all.total());
        assertThat(ok(send(get("/api/grading/list").param("campaign", "" + c).param("level", "LAGGING"), clerk, null))
                .get("total").asLong()).isEqualTo(all.lagging());

        // 分类管理台账: the nine decisions, who made them and why
        JsonNode register = ok(send(get("/api/grading/register").param("year", "" + year).param("under", "" + town)
                .param("size", "100"), secretary, null));
        assertThat(register.get("total").asLong()).isEqualTo(subjects.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode e : register.get("items")) {
            int i = subjects.stream().map(Subject::name).toList().indexOf(e.get("name").asText());
            assertThat(i).as(e.toString()).isNotNegative();
            Plan p = PLANS.get(i);
            assertThat(e.get("grade").asText()).isEqualTo(p.decided());
            assertThat(e.get("level").asText()).isEqualTo(LEVEL.get(p.decided()));
            assertThat(e.get("selfGrade").asText()).isEqualTo(p.selfGrade());
            assertThat(e.get("authorityName").asText()).isEqualTo(TOWN);
            assertThat(e.get("decidedBy").asText()).isEqualTo(secretary);
            assertThat(e.get("campaignId").asLong()).isEqualTo(c);
            assertThat(absent(e, "reason") ? null : e.get("reason").asText()).isEqualTo(p.reason());
            seen.add(e.get("name").asText());
        }
        assertThat(seen).hasSize(subjects.size());
        assertThat(ok(send(get("/api/grading/register").param("year", "" + year).param("under", "" + town).param("level", "ADVANCED"),
                "admin", null)).get("total").asLong()).isEqualTo(all.advanced());
        // a village elsewhere does not see the town's register, nor its tables
        assertThat(ok(send(get("/api/grading/register").param("year", "" + year).param("name", "小鱼洞镇"), "cun", null))
                .get("total").asLong()).isZero();
        refused(send(get("/api/grading/tables/summary").param("campaign", "" + c).param("org", "" + town), "cun", null), 403, "没有权限");
        refused(send(get("/api/grading/tables/summary").param("campaign", "" + c).param("by", "town"), clerk, null), 400, "无法解析");
    }

    // ------------------------------------------------------------------ (b) refusals

    @Test
    void meetingRecordsThatDoNotAddUpAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        long c = campaign(OTHER_TOWN, today.getYear());
        long v = subjects(OTHER_TOWN).get(0).id();
        String clerk = clerk();
        String url = base(c, v);
        String untouched = state(c, v);

        refused(send(post(url + "/public-review"), clerk, meeting(today.minusDays(1), "村委会", 40, 30, votes("先进", 20, 15, 0))),
                422, "各等次得票合计 35 票，超过了实到人数 30 人");
        refused(send(post(url + "/public-review"), clerk, meeting(today.minusDays(1), "村委会", 40, 30, votes("先进", 12, 12, 0))),
                422, "得票相同");
        refused(send(post(url + "/public-review"), clerk, meeting(today.minusDays(1), "村委会", 40, 30, Map.of("优秀", 20))),
                422, "“优秀”不是本标准的等次");
        refused(send(post(url + "/public-review"), clerk, meeting(today.minusDays(1), "村委会", 20, 30, votes("先进", 20, 5, 0))),
                422, "实到人数应在 1 到应到人数 20 之间");
        refused(send(post(url + "/public-review"), clerk, meeting(today.plusDays(1), "村委会", 40, 30, votes("先进", 20, 5, 0))),
                422, "不能晚于今天");
        refused(send(post(url + "/public-review"), clerk, meeting(today.minusDays(1), " ", 40, 30, votes("先进", 20, 5, 0))),
                422, "请填写会议地点");
        assertThat(state(c, v)).isEqualTo(untouched);
        assertThat(jdbc.sql("select count(*) from grading_case where campaign_id = :c and organization_id = :o")
                .param("c", c).param("o", v).query(Long.class).single()).isZero();

        JsonNode one = ok(send(post(url + "/public-review"), clerk,
                meeting(today.minusDays(3), "村委会", 40, 30, votes("一般", 20, 5, 0))));
        int members = one.get("members").asInt();
        String afterOne = state(c, v);
        // a member meeting votes only with more than half of the members present
        refused(send(post(url + "/member-review"), clerk, meeting(today.minusDays(2), "村党员活动室", null, members / 2,
                votes("一般", members / 2 - 1, 1, 0))), 422, "须有超过半数的党员到会方能表决：应到 " + members + " 人，实到 " + members / 2 + " 人");
        refused(send(post(url + "/member-review"), clerk, meeting(today.minusDays(4), "村党员活动室", null, members,
                votes("一般", members - 2, 1, 0))), 422, "不能早于上一步会议的日期（" + today.minusDays(3) + "）");
        assertThat(state(c, v)).isEqualTo(afterOne);
        assertThat(view(c, v, clerk).get("step").asText()).isEqualTo("MEMBER_REVIEW");
    }

    @Test
    void theFiveStepsAreTakenOnlyInOrder() throws Exception {
        long c = campaign(OTHER_TOWN, today.getYear());
        long v = subjects(OTHER_TOWN).get(1).id();
        String clerk = clerk();
        String url = base(c, v);
        String untouched = state(c, v);

        refused(send(post(url + "/member-review"), clerk, meeting(today, "村委会", null, 20, votes("一般", 10, 2, 0))), 422,
                "此操作属于第 2 步，本组织当前处于第 1 步");
        refused(send(put(url + "/score-sheet"), clerk, map("scores", Map.of("1.1", 3), "version", 0)), 422, "此操作属于第 3 步");
        refused(send(post(url + "/self-grade"), clerk, map("grade", "先进", "statement", "自评先进", "version", 0)), 422,
                "此操作属于第 3 步，本组织当前处于第 1 步");
        refused(send(post(url + "/ballot/paper"), clerk, paper(today, 20, 20, 20, 15, 5, 0, 0)), 422, "此操作属于第 4 步");
        refused(send(post(url + "/ballot/phone"), clerk, map("heldOn", today, "place", "村委会", "expected", 10)), 422, "此操作属于第 4 步");
        refused(send(post(url + "/decision"), secretary(), map("grade", "先进", "version", 0)), 422, "此操作属于第 5 步");
        assertThat(state(c, v)).isEqualTo(untouched);

        ok(send(post(url + "/public-review"), clerk, meeting(today.minusDays(1), "村委会", 40, 30, votes("一般", 20, 5, 0))));
        String afterOne = state(c, v);
        refused(send(post(url + "/public-review"), clerk, meeting(today, "村委会", 40, 30, votes("先进", 20, 5, 0))), 422,
                "此操作属于第 1 步，本组织当前处于第 2 步");
        refused(send(post(url + "/reopen"), secretary(), map("step", "SELF_GRADING", "reason", "重新自评")), 422,
                "只能重新开展已经进行过的步骤");
        assertThat(state(c, v)).isEqualTo(afterOne);
    }

    @Test
    void scoresTalliesAndDecisionsAreCheckedAndOnlyTheGradingAuthorityDecides() throws Exception {
        long c = campaign(OTHER_TOWN, today.getYear());
        long v = subjects(OTHER_TOWN).get(2).id();
        String clerk = clerk();
        String secretary = secretary();
        String url = base(c, v);
        JsonNode at3 = reviews(c, v, clerk, "先进", "先进");
        String atThree = state(c, v);
        long version = at3.get("version").asLong();

        refused(send(put(url + "/score-sheet"), clerk, map("scores", Map.of("1.1", 4), "version", version)), 422,
                "“领导班子好”第 1 条的得分应在 0 到 3 分之间");
        refused(send(put(url + "/score-sheet"), clerk, map("scores", Map.of("1.1", -1), "version", version)), 422, "得分应在 0 到 3 分之间");
        refused(send(put(url + "/score-sheet"), clerk, map("scores", Map.of("1.1", 3), "vetoes", Set.of(9), "version", version)), 422,
                "一票否决事项不存在");
        refused(send(put(url + "/score-sheet"), clerk, map("scores", Map.of("1.1", 3))), 400, "此项为必填项");
        refused(send(post(url + "/self-grade"), clerk, map("grade", "先进", "statement", "自评先进", "version", version)), 422,
                "请先填写并保存自查评分表");
        assertThat(state(c, v)).isEqualTo(atThree);

        JsonNode sheet = ok(send(put(url + "/score-sheet"), clerk, map("scores", scores(at3.get("standard"), 90), "vetoes", Set.of(1),
                "version", version)));
        refused(send(post(url + "/self-grade"), clerk, map("grade", "先进", "statement", "自评先进", "version", sheet.get("version").asLong())),
                422, "已勾选一票否决事项，自评等次只能为“后进”");
        sheet = ok(send(put(url + "/score-sheet"), clerk, map("scores", scores(at3.get("standard"), 90), "version",
                sheet.get("version").asLong())));
        refused(send(post(url + "/self-grade"), clerk, map("grade", "先进", "statement", " ", "version", sheet.get("version").asLong())),
                422, "请写明自评说明");
        refused(send(post(url + "/self-grade"), clerk, map("grade", "先进", "statement", "自评先进", "version", sheet.get("version").asLong() - 1)),
                409, "已被他人修改");
        JsonNode at4 = ok(send(post(url + "/self-grade"), clerk, map("grade", "先进", "statement", "各项指标均达到先进标准。",
                "version", sheet.get("version").asLong())));
        String atFour = state(c, v);

        refused(send(post(url + "/ballot/paper"), clerk, paper(today, 25, 25, 20, 10, 5, 2, 1)), 422,
                "同意、不同意、弃权、无效票合计 18 张，与收回的 20 张不符");
        refused(send(post(url + "/ballot/paper"), clerk, paper(today, 25, 30, 25, 20, 5, 0, 0)), 422, "发出选票 30 张，超过了实到人数 25 人");
        refused(send(post(url + "/ballot/paper"), clerk, paper(today, 25, 25, 26, 20, 6, 0, 0)), 422, "收回选票 26 张，超过了发出的 25 张");
        refused(send(post(url + "/ballot/paper"), clerk, paper(today, 25, 25, 20, 0, 0, 0, 20)), 422, "没有有效票");
        assertThat(state(c, v)).isEqualTo(atFour);
        assertThat(at4.get("step").asText()).isEqualTo("DELIBERATION");

        JsonNode at5 = passingPaperBallot(c, v, clerk);
        long v5 = at5.get("version").asLong();
        String atFive = state(c, v);
        Map<String, Object> agree = map("grade", "先进", "version", v5);
        // not the grading authority: a branch elsewhere, a bureau, a member
        refused(send(post(url + "/decision"), "cun", agree), 403, "没有权限");
        refused(send(post(url + "/decision"), "nyj", agree), 403, "没有权限");
        refused(send(post(url + "/decision"), "zhen", agree), 403, "没有权限");
        // the authority, but the one who entered the self-grade for the village
        refused(send(post(url + "/decision"), clerk, agree), 422, "自评等次是您代为录入的");
        refused(send(post(url + "/decision"), secretary, map("grade", "一般", "reason", "", "version", v5)), 422,
                "评定等次与自评等次“先进”不同，请写明评定理由");
        refused(send(post(url + "/decision"), secretary, map("grade", "优秀", "version", v5)), 422, "“优秀”不是本标准的等次");
        refused(send(post(url + "/decision"), secretary, map("grade", "先进", "version", v5 - 1)), 409, "已被他人修改");
        refused(send(post(url + "/decision"), secretary, map("grade", "先进")), 400, "此项为必填项");
        assertThat(state(c, v)).isEqualTo(atFive);

        JsonNode done = ok(send(post(url + "/decision"), secretary, map("grade", "一般",
                "reason", "信访矛盾化解工作有待加强，评定为一般", "version", v5)));
        assertThat(done.get("decidedGrade").asText()).isEqualTo("一般");
        assertThat(done.get("selfGrade").asText()).isEqualTo("先进");
        refused(send(post(url + "/decision"), secretary, map("grade", "先进", "reason", "改判", "version", done.get("version").asLong())),
                422, "此操作属于第 5 步，本组织当前处于第 6 步");
    }

    @Test
    void aVillageRunsItsOwnPhoneBallotEachCodeVotesOnceAndTheVillageCannotDecideItself() throws Exception {
        long c = campaign(OTHER_TOWN, today.getYear());
        Subject s = subjects(OTHER_TOWN).get(3);
        long v = s.id();
        String village = account("lms-cun", "村党支部书记", v, "BRANCH");
        String url = base(c, v);
        JsonNode at3 = reviews(c, v, village, "一般", "一般");
        selfGrade(c, v, village, at3, 78, Set.of(), "一般");
        String atFour = state(c, v);

        refused(send(post(url + "/ballot/phone"), village, map("heldOn", today.minusDays(1), "place", "村委会", "expected", 9)), 422,
                "今天或以后");
        refused(send(post(url + "/ballot/phone"), village, map("heldOn", today, "place", "村委会", "expected", 9, "codes", 10)), 422,
                "测评码数量应在 1 到应到人数 9 之间");
        assertThat(state(c, v)).isEqualTo(atFour);

        // a ballot whose closing key is lost is abandoned uncounted, with a reason; step 4 can then be held again
        JsonNode lost = ok(send(post(url + "/ballot/phone"), village, map("heldOn", today, "place", "村委会", "expected", 9)));
        String lostSlug = lost.get("meeting").get("slug").asText();
        List<String> lostCodes = new ArrayList<>();
        lost.get("codes").forEach(x -> lostCodes.add(x.asText()));
        ballotBox.vote(lostSlug, lostCodes.get(0), List.of("AGREE"));
        refused(send(post(url + "/ballot/phone/abandon"), village, map("reason", " ")), 422, "请写明作废本次手机测评的原因");
        JsonNode abandoned = ok(send(post(url + "/ballot/phone/abandon"), village, map("reason", "计票密钥遗失")));
        assertThat(abandoned.get("step").asText()).isEqualTo("DELIBERATION");
        assertThat(absent(abandoned, "openBallot")).isTrue();
        assertRefused(() -> ballotBox.vote(lostSlug, lostCodes.get(1), List.of("AGREE")), "ballot.closed");
        assertThat(jdbc.sql("select count(*) from ballot_vote v join poll p on p.id = v.poll_id where p.slug = :s")
                .param("s", lostSlug).query(Integer.class).single()).as("its sealed votes are deleted").isZero();
        assertThat(tally(lostSlug)).as("nothing counted").isEmpty();

        JsonNode opened = ok(send(post(url + "/ballot/phone"), village, map("heldOn", today, "place", "村委会", "expected", 9)));
        List<String> codes = new ArrayList<>();
        opened.get("codes").forEach(x -> codes.add(x.asText()));
        assertThat(codes).as("one code per person expected when no number is given").hasSize(9);
        String slug = opened.get("meeting").get("slug").asText();
        refused(send(post(url + "/ballot/phone"), village, map("heldOn", today, "place", "村委会", "expected", 9)), 422, "仍在进行中");
        refused(send(post(url + "/ballot/paper"), village, paper(today, 9, 9, 9, 9, 0, 0, 0)), 422, "仍在进行中");

        ballotBox.vote(slug, codes.get(0), List.of("AGREE"));
        ballotBox.vote(slug, codes.get(1).toLowerCase().replace("-", " "), List.of("AGREE"));
        String afterTwo = state(c, v) + tally(slug);
        assertThat(view(c, v, village).get("ballotTurnout").asInt()).isEqualTo(2);
        assertRefused(() -> ballotBox.vote(slug, codes.get(0), List.of("DISAGREE")), "ballot.code");
        assertRefused(() -> ballotBox.vote(slug, codes.get(1), List.of("AGREE")), "ballot.code");
        assertRefused(() -> ballotBox.vote(slug, "ABCD-EFGH", List.of("DISAGREE")), "ballot.code");
        assertRefused(() -> ballotBox.vote(slug, codes.get(2), List.of("MAYBE")), "ballot.choice");
        assertRefused(() -> ballotBox.vote("nosuchballot", codes.get(2), List.of("AGREE")), "ballot.unknown");
        assertThat(state(c, v) + tally(slug)).isEqualTo(afterTwo);

        String key = opened.get("closingKey").asText();
        refused(send(post(url + "/ballot/phone/close"), village, map("attendance", 1, "closingKey", key)), 422,
                "已有 2 人投票，多于填写的实到人数 1 人");
        refused(send(post(url + "/ballot/phone/close"), village, map("attendance", 8)), 422, "请输入开启测评时打印的计票密钥");
        String otherKey = cn.tierup.shared.crypto.SealedBox.generate().closingKey();
        refused(send(post(url + "/ballot/phone/close"), village, map("attendance", 8, "closingKey", otherKey)), 422,
                "计票密钥不正确");
        assertThat(state(c, v) + tally(slug)).isEqualTo(afterTwo);
        JsonNode at5 = ok(send(post(url + "/ballot/phone/close"), village, map("attendance", 8,
                "closingKey", key.toLowerCase().replace("-", ""))));
        assertThat(at5.get("step").asText()).isEqualTo("DECISION");
        assertThat(at5.get("deliberation").get("agree").asInt()).isEqualTo(2);
        assertThat(at5.get("deliberation").get("ballotsReturned").asInt()).isEqualTo(2);
        assertThat(at5.get("canDecide").asBoolean()).isFalse();
        assertRefused(() -> ballotBox.vote(slug, codes.get(2), List.of("DISAGREE")), "ballot.closed");
        assertThat(tally(slug)).isEqualTo("ABSTAIN=0,AGREE=2,DISAGREE=0");

        // the village neither grades itself nor sends its own case back
        String atFive = state(c, v);
        refused(send(post(url + "/decision"), village, map("grade", "一般", "version", at5.get("version").asLong())), 403, "没有权限");
        refused(send(post(url + "/reopen"), village, map("step", "PUBLIC_REVIEW", "reason", "重新开会")), 403, "没有权限");
        assertThat(state(c, v)).isEqualTo(atFive);
        JsonNode done = ok(send(post(url + "/decision"), secretary(), map("grade", "一般", "version", at5.get("version").asLong())));
        assertThat(done.get("decidedBy").asText()).isEqualTo(secretary());
    }

    String tally(String slug) {
        return String.join(",", jdbc.sql("select t.choice, t.n from ballot_tally t join poll p on p.id = t.poll_id"
                        + " where p.slug = :s order by t.choice")
                .param("s", slug).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list());
    }

    static void assertRefused(Runnable vote, String code) {
        assertThatThrownBy(vote::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    // ------------------------------------------------------------------ (c) reopening, a failed 审议

    @Test
    void theAuthorityReopensAStepWithAReasonItsMeetingsAreVoidAndTheCaseGoesBack() throws Exception {
        long c = campaign(OTHER_TOWN, today.getYear());
        Subject s = subjects(OTHER_TOWN).get(4);
        long v = s.id();
        String clerk = clerk();
        String secretary = secretary();
        String url = base(c, v);
        JsonNode at3 = reviews(c, v, clerk, "先进", "先进");
        selfGrade(c, v, clerk, at3, 88, Set.of(), "先进");
        JsonNode at5 = passingPaperBallot(c, v, clerk);
        JsonNode done = ok(send(post(url + "/decision"), secretary, map("grade", "先进", "version", at5.get("version").asLong())));
        assertThat(done.get("step").asText()).isEqualTo("DONE");
        assertThat(registered(s.name())).isEqualTo(1);
        String atDone = state(c, v);

        refused(send(post(url + "/reopen"), secretary, map("step", "MEMBER_REVIEW", "reason", "  ")), 422, "请写明重新开展的原因");
        refused(send(post(url + "/reopen"), secretary, map("step", "DONE", "reason", "重来")), 422, "只能重新开展已经进行过的步骤");
        refused(send(post(url + "/reopen"), secretary, map("reason", "重来")), 422, "只能重新开展已经进行过的步骤");
        refused(send(post(url + "/reopen"), "cun", map("step", "MEMBER_REVIEW", "reason", "重来")), 403, "没有权限");
        refused(send(post(url + "/reopen"), "nyj", map("step", "MEMBER_REVIEW", "reason", "重来")), 403, "没有权限");
        assertThat(state(c, v)).isEqualTo(atDone);

        String reason = "党员评议会议到会人数统计有误，须重新召开党员大会评议";
        JsonNode back = ok(send(post(url + "/reopen"), secretary, map("step", "MEMBER_REVIEW", "reason", reason)));
        assertThat(back.get("step").asText()).isEqualTo("MEMBER_REVIEW");
        assertThat(absent(back, "selfGrade")).isTrue();
        assertThat(absent(back, "decidedGrade")).isTrue();
        assertThat(absent(back, "memberReview")).isTrue();
        assertThat(absent(back, "deliberation")).isTrue();
        assertThat(back.get("publicReview").get("status").asText()).isEqualTo("RECORDED");
        Map<String, String> statusByStep = new LinkedHashMap<>();
        for (JsonNode m : back.get("meetings")) {
            statusByStep.put(m.get("step").asText(), m.get("status").asText());
            if (!m.get("step").asText().equals("PUBLIC_REVIEW")) {
                assertThat(m.get("voidReason").asText()).isEqualTo(reason);
            }
        }
        assertThat(statusByStep).containsExactly(Map.entry("PUBLIC_REVIEW", "RECORDED"), Map.entry("MEMBER_REVIEW", "VOID"),
                Map.entry("DELIBERATION", "VOID"));
        assertThat(registered(s.name())).as("a reopened case leaves the register").isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'GradingCase' and organization_id = :o"
                + " and action = 'REOPEN' and summary like :r").param("o", v).param("r", "%" + reason + "%").query(Long.class).single())
                .isEqualTo(1);

        // the steps from 2 on are held again and the case is decided anew
        int members = back.get("members").asInt();
        JsonNode again = ok(send(post(url + "/member-review"), clerk, meeting(today.minusDays(1), "村党员活动室", null, members,
                votes("一般", members - 3, 2, 1))));
        again = selfGrade(c, v, clerk, again, 80, Set.of(), "一般");
        again = passingPaperBallot(c, v, clerk);
        again = ok(send(post(url + "/decision"), secretary, map("grade", "一般", "version", again.get("version").asLong())));
        assertThat(again.get("decidedGrade").asText()).isEqualTo("一般");
        assertThat(again.get("meetings")).hasSize(5);
        assertThat(registered(s.name())).isEqualTo(1);

        // reopening only the decision keeps every meeting and the self-grade
        JsonNode redo = ok(send(post(url + "/reopen"), secretary, map("step", "DECISION", "reason", "评定时未参考年度考核结果")));
        assertThat(redo.get("step").asText()).isEqualTo("DECISION");
        assertThat(redo.get("selfGrade").asText()).isEqualTo("一般");
        assertThat(absent(redo, "decidedGrade")).isTrue();
        assertThat(redo.get("deliberation").get("status").asText()).isEqualTo("RECORDED");
        JsonNode changed = ok(send(post(url + "/decision"), secretary, map("grade", "后进", "reason", "年度考核不称职",
                "version", redo.get("version").asLong())));
        assertThat(changed.get("decidedLevel").asText()).isEqualTo("LAGGING");
    }

    long registered(String name) throws Exception {
        return ok(send(get("/api/grading/register").param("year", "" + today.getYear()).param("name", name), "admin", null))
                .get("total").asLong();
    }

    @Test
    void aDeliberationWithoutTheCampaignsShareGoesBackToSelfGradingForAnotherRoundAndFixesTheSettings() throws Exception {
        // last year's campaign of the town, with its own settings
        long c = campaign(OTHER_TOWN, today.getYear() - 1);
        Subject s = subjects(OTHER_TOWN).get(5);
        long v = s.id();
        String clerk = clerk();
        String url = base(c, v);
        String setup = "/api/grading/setup/" + c;

        JsonNode initial = ok(send(get(setup), "admin", null));
        assertThat(initial.get("passPercent").asInt()).isEqualTo(50);
        assertThat(initial.get("passPercentFixed").asBoolean()).isFalse();
        refused(send(put(setup + "/pass-percent"), "admin", map("percent", 40)), 422, "审议通过比例应在 50% 到 99% 之间");
        refused(send(put(setup + "/pass-percent"), "admin", map()), 422, "审议通过比例应在 50% 到 99% 之间");
        refused(send(put(setup + "/pass-percent"), clerk, map("percent", 60)), 403, "没有权限");
        assertThat(ok(send(put(setup + "/pass-percent"), "admin", map("percent", 60))).get("passPercent").asInt()).isEqualTo(60);

        JsonNode at3 = reviews(c, v, clerk, "先进", "先进");
        JsonNode settings = ok(send(get(setup), "admin", null));
        for (JsonNode f : settings.get("fields")) {
            assertThat(f.get("fixed").asBoolean()).as(f.toString()).isEqualTo(f.get("field").asText().equals("VILLAGE"));
        }
        refused(send(put(setup + "/schemes/VILLAGE"), "admin", map("schemeId", null)), 422, "不能再更换标准");
        ok(send(put(setup + "/schemes/SCHOOL"), "admin", map("schemeId", null)));

        selfGrade(c, v, clerk, at3, 87, Set.of(), "先进");
        // 11 of 20 valid ballots agree: 55%, more than half but not more than the campaign's 60%
        JsonNode failed = ok(send(post(url + "/ballot/paper"), clerk, paper(today, 22, 22, 21, 11, 6, 3, 1)));
        assertThat(failed.get("step").asText()).isEqualTo("SELF_GRADING");
        assertThat(failed.get("round").asInt()).isEqualTo(2);
        assertThat(absent(failed, "selfGrade")).isTrue();
        assertThat(failed.get("passPercent").asInt()).isEqualTo(60);
        JsonNode first = last(failed.get("meetings"));
        assertThat(first.get("passed").asBoolean()).isFalse();
        assertThat(first.get("proposedGrade").asText()).isEqualTo("先进");
        assertThat(failed.get("scoreSheet").get("scores").get("1.1").asInt()).as("the score sheet stays to be revised").isEqualTo(3);
        refused(send(put(setup + "/pass-percent"), "admin", map("percent", 55)), 422, "不能再修改通过比例");
        assertThat(ok(send(get(setup), "admin", null)).get("passPercentFixed").asBoolean()).isTrue();

        // round 2: the leadership grades itself 一般 and the meeting agrees (13 of 20, 65%)
        JsonNode again = ok(send(post(url + "/self-grade"), clerk, map("grade", "一般",
                "statement", "审议未通过，班子重新对照标准，自评为一般。", "version", failed.get("version").asLong())));
        assertThat(again.get("round").asInt()).isEqualTo(2);
        JsonNode passed = ok(send(post(url + "/ballot/paper"), clerk, paper(today, 22, 22, 20, 13, 5, 2, 0)));
        assertThat(passed.get("step").asText()).isEqualTo("DECISION");
        assertThat(passed.get("deliberation").get("round").asInt()).isEqualTo(2);
        assertThat(passed.get("deliberation").get("proposedGrade").asText()).isEqualTo("一般");
        List<String> deliberations = new ArrayList<>();
        passed.get("meetings").forEach(m -> {
            if (m.get("step").asText().equals("DELIBERATION")) {
                deliberations.add(m.get("round").asInt() + ":" + m.get("passed").asBoolean());
            }
        });
        assertThat(deliberations).containsExactly("1:false", "2:true");
    }
}
