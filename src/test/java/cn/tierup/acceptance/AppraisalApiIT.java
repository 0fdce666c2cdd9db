package cn.tierup.acceptance;

import cn.tierup.ballot.Ballots;
import cn.tierup.shared.DomainException;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;

/**
 * The 党员群众民主测评 through the API, as 九尺镇's account holds sittings for its villages in a past campaign rooted at
 * the town (its 年初定级 grades decided, the 总结验收 phase over: work is taken and marked 逾期): a paper count
 * that does not add up is refused and changes nothing, a corrected one is confirmed; a phone sitting gives one code per
 * person present, a code rates once, a wrong key counts nothing; another town can neither see nor count; the results and
 * rates per organisation are the test's own count, through the page's API and the port the 上级审评 reads.
 */
@IntegrationTest
@org.springframework.context.annotation.Import(AppraisalFixture.class)
class AppraisalApiIT {

    static final String TOWN = "中共彭州市九尺镇委员会";
    static final String CLERK = "jiuchi";
    static final String STRANGER = "guihua";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired AppraisalFixture fixture;
    @Autowired JsonMapper json;
    @Autowired Ballots ballots;
    @Autowired AppraisalResults results;

    final LocalDate today = OfficeDay.today();

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    long campaign() {
        return fixture.campaignWithGradedTown(TOWN, CLERK);
    }

    Answer send(MockHttpServletRequestBuilder request, String as, Object body) throws Exception {
        request.with(users.as(as));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        var r = mvc.perform(request).andReturn().getResponse();
        return new Answer(r.getStatus(), r.getContentAsString(StandardCharsets.UTF_8));
    }

    record Answer(int status, String body) {
    }

    JsonNode ok(MockHttpServletRequestBuilder request, String as, Object body) throws Exception {
        Answer r = send(request, as, body);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return json.readTree(r.body());
    }

    void refused(MockHttpServletRequestBuilder request, String as, Object body, int status, String message) throws Exception {
        Answer r = send(request, as, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (message != null) {
            assertThat(json.readTree(r.body()).get("detail").asText()).contains(message);
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof LocalDate d ? d.toString() : v);
        }
        return m;
    }

    /** A field left out of the answer, or null. */
    static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    static BigDecimal rate(long satisfied, long fairly, long dissatisfied) {
        return BigDecimal.valueOf((satisfied + fairly) * 100).divide(BigDecimal.valueOf(satisfied + fairly + dissatisfied), 2,
                RoundingMode.HALF_UP);
    }

    long sittings() {
        return jdbc.sql("select count(*) from acceptance_appraisal").query(Long.class).single();
    }

    /** Three villages the town grades, from the organisations the API offers it. */
    List<Long> threeVillages(long c, long town) throws Exception {
        JsonNode desk = ok(get("/api/acceptance/appraisals/" + c + "/" + town), CLERK, null);
        List<Long> villages = new ArrayList<>();
        for (JsonNode x : desk.get("candidates")) {
            if (x.get("name").asText().contains("村") && villages.size() < 3) {
                villages.add(x.get("id").asLong());
            }
        }
        assertThat(villages).hasSize(3);
        return villages;
    }

    @Test
    void aPaperCountThatDoesNotAddUpIsRefusedAndChangesNothingAndTheCorrectedOneCountsForEachVillage() throws Exception {
        long c = campaign();
        long town = id(TOWN);
        List<Long> v = threeVillages(c, town);
        String base = "/api/acceptance/appraisals/" + c + "/" + town;
        AppraisalResults.AppraisalResult e = results.result(c, v.get(0)).orElse(new AppraisalResults.AppraisalResult(0, 0, 0, 0));
        var thirdBefore = results.result(c, v.get(2));

        // a sitting that cannot be held is refused, and none is made
        long before = sittings();
        refused(post(base), CLERK, map("heldOn", today.plusDays(1), "place", "镇党委会议室", "membersExpected", 30,
                "membersPresent", 25, "publicExpected", 12, "publicPresent", 10, "mode", "PAPER", "organizations", v),
                422, "不能晚于今天");
        refused(post(base), CLERK, map("heldOn", today, "place", "镇党委会议室", "membersExpected", 30,
                "membersPresent", 31, "publicExpected", 12, "publicPresent", 10, "mode", "PAPER", "organizations", v),
                422, "党员实到 31 人，多于应到 30 人");
        long elsewhere = jdbc.sql("select id from organization where parent_id = :p and field = 'VILLAGE' order by id")
                .param("p", id("中共彭州市桂花镇委员会")).query(Long.class).list().get(0);
        refused(post(base), CLERK, map("heldOn", today, "place", "镇党委会议室", "membersExpected", 30, "membersPresent", 25,
                "publicExpected", 12, "publicPresent", 10, "mode", "PAPER", "organizations", List.of(v.get(0), elsewhere)),
                422, "只能测评本年度已完成对标定级");
        refused(post(base), STRANGER, map("heldOn", today, "place", "镇党委会议室", "membersExpected", 30, "membersPresent", 25,
                "publicExpected", 12, "publicPresent", 10, "mode", "PAPER", "organizations", v), 403, null);
        assertThat(sittings()).isEqualTo(before);

        JsonNode held = ok(post(base), CLERK, map("heldOn", today.minusDays(1), "place", "镇党委会议室", "membersExpected", 30,
                "membersPresent", 25, "publicExpected", 12, "publicPresent", 10, "mode", "PAPER", "organizations", v));
        assertThat(held.get("codes")).isEmpty();
        JsonNode s = held.get("sitting");
        long id = s.get("id").asLong();
        assertThat(s.get("status").asText()).isEqualTo("ENTERING");
        assertThat(s.get("late").asBoolean()).as("written after the phase ended").isTrue();
        assertThat(s.get("lines")).hasSize(3);
        String url = "/api/acceptance/appraisals/sittings/" + id;

        // 35 present; every returned sheet rates every village once
        List<Map<String, Object>> wrong = List.of(
                map("organizationId", v.get(0), "satisfied", 20, "fairlySatisfied", 8, "dissatisfied", 3, "invalid", 1),
                map("organizationId", v.get(1), "satisfied", 25, "fairlySatisfied", 5, "dissatisfied", 2, "invalid", 1),
                map("organizationId", v.get(2), "satisfied", 10, "fairlySatisfied", 12, "dissatisfied", 10, "invalid", 0));
        long version = s.get("version").asLong();
        refused(put(url + "/tally"), CLERK, map("issued", 35, "returned", 32, "lines", wrong, "version", version), 422,
                "合计 33 张，与收回的 32 张不符");
        refused(put(url + "/tally"), CLERK, map("issued", 36, "returned", 32, "lines", wrong, "version", version), 422,
                "发出测评票 36 张，多于实到人数 35 人");
        refused(put(url + "/tally"), CLERK, map("issued", 30, "returned", 32, "lines", wrong, "version", version), 422,
                "收回测评票 32 张，多于发出的 30 张");
        refused(put(url + "/tally"), CLERK, map("issued", 35, "returned", 32, "lines", wrong.subList(0, 2), "version", version),
                422, "的满意、基本满意、不满意和无效票数");
        refused(put(url + "/tally"), STRANGER, map("issued", 35, "returned", 33, "lines", wrong, "version", version), 403, null);
        JsonNode unchanged = ok(get(url), CLERK, null);
        assertThat(unchanged.get("version").asLong()).isEqualTo(version);
        assertThat(absent(unchanged, "ballotsReturned")).as("no count yet").isTrue();
        unchanged.get("lines").forEach(l -> assertThat(l.get("entered").asBoolean()).isFalse());
        refused(post(url + "/confirm"), CLERK, map("version", version), 422, "请先录入");

        // entered with a slip (it adds up, but one village's sheets were misread), then corrected before it is confirmed
        List<Map<String, Object>> slip = List.of(
                map("organizationId", v.get(0), "satisfied", 20, "fairlySatisfied", 9, "dissatisfied", 3, "invalid", 1),
                map("organizationId", v.get(1), "satisfied", 25, "fairlySatisfied", 5, "dissatisfied", 2, "invalid", 1),
                map("organizationId", v.get(2), "satisfied", 10, "fairlySatisfied", 12, "dissatisfied", 11, "invalid", 0));
        JsonNode entered = ok(put(url + "/tally"), CLERK, map("issued", 35, "returned", 33, "lines", slip, "version", version));
        assertThat(entered.get("lines").get(0).get("rating").get("fairlySatisfied").asInt()).isEqualTo(9);
        List<Map<String, Object>> right = List.of(
                map("organizationId", v.get(0), "satisfied", 21, "fairlySatisfied", 8, "dissatisfied", 3, "invalid", 1),
                map("organizationId", v.get(1), "satisfied", 25, "fairlySatisfied", 5, "dissatisfied", 2, "invalid", 1),
                map("organizationId", v.get(2), "satisfied", 10, "fairlySatisfied", 12, "dissatisfied", 11, "invalid", 0));
        JsonNode corrected = ok(put(url + "/tally"), CLERK, map("issued", 35, "returned", 33, "lines", right,
                "version", entered.get("version").asLong()));
        assertThat(results.result(c, v.get(2))).as("nothing counts before it is confirmed").isEqualTo(thirdBefore);
        refused(post(url + "/confirm"), STRANGER, map("version", corrected.get("version").asLong()), 403, null);
        refused(get(url), STRANGER, null, 403, null);
        JsonNode confirmed = ok(post(url + "/confirm"), CLERK, map("version", corrected.get("version").asLong()));
        assertThat(confirmed.get("status").asText()).isEqualTo("COUNTED");
        assertThat(confirmed.get("countedBy").asText()).isNotEqualTo(CLERK).isNotBlank();
        refused(put(url + "/tally"), CLERK, map("issued", 35, "returned", 33, "lines", wrong,
                "version", confirmed.get("version").asLong()), 422, "不能再更改");

        JsonNode third = confirmed.get("lines").get(2).get("rating");
        assertThat(List.of(third.get("satisfied").asLong(), third.get("fairlySatisfied").asLong(),
                third.get("dissatisfied").asLong(), third.get("ratings").asLong())).containsExactly(10L, 12L, 11L, 33L);
        assertThat(third.get("satisfactionRate").decimalValue()).isEqualByComparingTo(rate(10, 12, 11)).isEqualByComparingTo("66.67");

        JsonNode desk = ok(get(base), CLERK, null);
        assertThat(desk.get("rule").asText()).contains("基本满意计为满意");
        JsonNode result = null;
        for (JsonNode r : desk.get("results")) {
            if (r.get("organizationId").asLong() == v.get(0)) {
                result = r;
            }
        }
        assertThat(result).isNotNull();
        // every counted sitting of the town adds up (the phone test may have rated this village too)
        assertThat(result.get("rating").get("ratings").asLong()).isEqualTo(e.ratings() + 32);
        assertThat(result.get("rating").get("satisfactionRate").decimalValue())
                .isEqualByComparingTo(rate(e.satisfied() + 21, e.fairlySatisfied() + 8, e.dissatisfied() + 3));
        assertThat(results.result(c, v.get(0)).orElseThrow().ratings()).isEqualTo(e.ratings() + 32);
        // the 上级审评 sees the same appraisal beside the village's self-review
        JsonNode review = ok(get("/api/acceptance/reviews/" + c + "/" + v.get(0)), CLERK, null);
        assertThat(review.get("appraisal").get("ratings").asLong()).isEqualTo(e.ratings() + 32);
        assertThat(review.get("appraisal").get("rate").decimalValue())
                .isEqualByComparingTo(rate(e.satisfied() + 21, e.fairlySatisfied() + 8, e.dissatisfied() + 3));
        refused(get(base), STRANGER, null, 403, null);
    }

    @Test
    void aPhoneSittingGivesOneCodePerPersonPresentEachRatesEveryVillageOnceAndOnlyTheClerksKeyCountsIt() throws Exception {
        long c = campaign();
        long town = id(TOWN);
        List<Long> v = threeVillages(c, town);
        AppraisalResults.AppraisalResult earlier = results.result(c, v.get(1)).orElse(new AppraisalResults.AppraisalResult(0, 0, 0, 0));
        String base = "/api/acceptance/appraisals/" + c + "/" + town;
        JsonNode held = ok(post(base), CLERK, map("heldOn", today, "place", "镇便民服务中心", "membersExpected", 4,
                "membersPresent", 3, "publicExpected", 3, "publicPresent", 2, "mode", "PHONE", "organizations", v));
        List<String> codes = new ArrayList<>();
        held.get("codes").forEach(x -> codes.add(x.asText()));
        assertThat(codes).hasSize(5).doesNotHaveDuplicates();
        String key = held.get("closingKey").asText();
        JsonNode s = held.get("sitting");
        assertThat(s.get("status").asText()).isEqualTo("VOTING");
        String slug = s.get("link").asText().substring("/q/a/".length());
        long id = s.get("id").asLong();
        String url = "/api/acceptance/appraisals/sittings/" + id;
        assertThat(ok(get(url), CLERK, null).toString()).as("codes and key are shown once").doesNotContain(codes.get(0))
                .doesNotContain(key);

        List<List<String>> votes = List.of(
                List.of("SATISFIED", "FAIRLY_SATISFIED", "DISSATISFIED"),
                List.of("SATISFIED", "SATISFIED", "DISSATISFIED"),
                List.of("FAIRLY_SATISFIED", "DISSATISFIED", "SATISFIED"),
                List.of("SATISFIED", "SATISFIED", "FAIRLY_SATISFIED"));
        for (int i = 0; i < votes.size(); i++) {
            ballots.vote(slug, codes.get(i), votes.get(i));
        }
        // a second rating from one code is refused
        assertThatThrownBy(() -> ballots.vote(slug, codes.get(0), votes.get(1)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ballot.code"));
        assertThat(ok(get(url), CLERK, null).get("turnout").asInt()).isEqualTo(4);

        // a wrong key, or another town, counts nothing: the ballot stays open
        refused(post(url + "/count"), CLERK, map("closingKey", cn.tierup.shared.crypto.SealedBox.generate().closingKey()), 422,
                "计票密钥不正确");
        refused(post(url + "/count"), CLERK, map("closingKey", ""), 422, "请输入开启测评时打印的计票密钥");
        refused(post(url + "/count"), STRANGER, map("closingKey", key), 403, null);
        refused(post(url + "/void"), STRANGER, map("reason", "密钥遗失"), 403, null);
        JsonNode still = ok(get(url), CLERK, null);
        assertThat(still.get("status").asText()).isEqualTo("VOTING");
        assertThat(still.get("turnout").asInt()).isEqualTo(4);
        refused(put(url + "/tally"), CLERK, map("issued", 5, "returned", 4, "lines", List.of(), "version",
                still.get("version").asLong()), 422, "不能手工录入");

        JsonNode counted = ok(post(url + "/count"), CLERK, map("closingKey", key));
        assertThat(counted.get("status").asText()).isEqualTo("COUNTED");
        assertThat(counted.get("ballotsIssued").asInt()).isEqualTo(5);
        assertThat(counted.get("ballotsReturned").asInt()).isEqualTo(4);
        // the test's own count per village
        for (int subject = 0; subject < 3; subject++) {
            long sat = 0;
            long fair = 0;
            long dis = 0;
            for (List<String> vote : votes) {
                switch (vote.get(subject)) {
                    case "SATISFIED" -> sat++;
                    case "FAIRLY_SATISFIED" -> fair++;
                    default -> dis++;
                }
            }
            JsonNode r = counted.get("lines").get(subject).get("rating");
            assertThat(List.of(r.get("satisfied").asLong(), r.get("fairlySatisfied").asLong(), r.get("dissatisfied").asLong()))
                    .containsExactly(sat, fair, dis);
            assertThat(r.get("satisfactionRate").decimalValue()).isEqualByComparingTo(rate(sat, fair, dis));
        }
        assertThatThrownBy(() -> ballots.vote(slug, codes.get(4), votes.get(0)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ballot.closed"));
        refused(post(url + "/void"), CLERK, map("reason", "重新测评"), 422, "不能作废");

        // the port the 上级审评 reads adds this sitting to whatever was counted before: 2 satisfied, 1 fairly, 1 not
        AppraisalResults.AppraisalResult now = results.result(c, v.get(1)).orElseThrow();
        assertThat(List.of(now.satisfied(), now.fairlySatisfied(), now.dissatisfied(), (long) now.sittings()))
                .containsExactly(earlier.satisfied() + 2, earlier.fairlySatisfied() + 1, earlier.dissatisfied() + 1,
                        earlier.sittings() + 1L);
    }

    @Test
    void aPhoneSittingWhoseKeyIsLostIsVoidedWithAReasonAndCountsNothing() throws Exception {
        long c = campaign();
        long town = id(TOWN);
        List<Long> v = threeVillages(c, town);
        JsonNode held = ok(post("/api/acceptance/appraisals/" + c + "/" + town), CLERK, map("heldOn", today, "place", "镇会议室",
                "membersExpected", 2, "membersPresent", 2, "publicExpected", 0, "publicPresent", 0, "mode", "PHONE",
                "organizations", List.of(v.get(2))));
        String url = "/api/acceptance/appraisals/sittings/" + held.get("sitting").get("id").asLong();
        String slug = held.get("sitting").get("link").asText().substring("/q/a/".length());
        String code = held.get("codes").get(0).asText();
        refused(post(url + "/void"), CLERK, map("reason", " "), 422, "请说明作废的理由");
        JsonNode voided = ok(post(url + "/void"), CLERK, map("reason", "计票密钥遗失"));
        assertThat(voided.get("status").asText()).isEqualTo("VOIDED");
        assertThat(absent(voided, "link")).as("the link is gone").isTrue();
        assertThatThrownBy(() -> ballots.vote(slug, code, List.of("SATISFIED"))).isInstanceOf(DomainException.class);
    }
}
