package cn.tierup.acceptance;

import cn.tierup.ballot.Ballots;
import cn.tierup.shared.OneTimeCodes;
import cn.tierup.testsupport.DatabaseRows;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A phone 民主测评 keeps its secret in the storage: every rating — one code rating three organisations — changes one
 * code's spent flag and adds one sealed vote of the ballot's one length, whatever was chosen, and nothing else in the
 * whole database (no line of the sitting, no counter, no audit entry, no time): every row of every table is compared
 * around each rating, as the grading ballot's test does. Nothing links a rating to a code, a person, a device or a time
 * finer than the meeting; the sitting's lines hold totals only after the clerk's key counts them, and no code or key is
 * stored anywhere in clear. Works in 桂花镇's villages in a past campaign rooted at
 * that town.
 */
@IntegrationTest
@org.springframework.context.annotation.Import(AppraisalFixture.class)
class AppraisalSecrecyIT {

    static final String TOWN = "中共彭州市桂花镇委员会";
    static final String CLERK = "guihua";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired AppraisalFixture fixture;
    @Autowired JsonMapper json;
    @Autowired Ballots ballots;

    JsonNode ok(MockHttpServletRequestBuilder request, Object body) throws Exception {
        request.with(users.as(CLERK));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        var r = mvc.perform(request).andReturn().getResponse();
        String out = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(out).isIn(200, 201);
        return json.readTree(out);
    }

    @Test
    void eachRatingSpendsOneCodeAndAddsOneSealedVoteOfOneLengthAndChangesNothingElseUntilTheKeyCountsIt() throws Exception {
        long town = jdbc.sql("select id from organization where name = :n").param("n", TOWN).query(Long.class).single();
        long c = fixture.campaignWithGradedTown(TOWN, CLERK);
        JsonNode desk = ok(get("/api/acceptance/appraisals/" + c + "/" + town), null);
        List<Long> villages = new ArrayList<>();
        desk.get("candidates").forEach(x -> {
            if (villages.size() < 3) {
                villages.add(x.get("id").asLong());
            }
        });
        assertThat(villages).hasSize(3);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("heldOn", LocalDate.now().toString());
        form.put("place", "桂花镇党委会议室");
        form.put("membersExpected", 6);
        form.put("membersPresent", 5);
        form.put("publicExpected", 2);
        form.put("publicPresent", 1);
        form.put("mode", "PHONE");
        form.put("organizations", villages);
        JsonNode held = ok(post("/api/acceptance/appraisals/" + c + "/" + town), form);
        List<String> codes = new ArrayList<>();
        held.get("codes").forEach(x -> codes.add(x.asText()));
        assertThat(codes).hasSize(6);
        String key = held.get("closingKey").asText();
        String slug = held.get("sitting").get("link").asText().substring("/q/a/".length());
        long sitting = held.get("sitting").get("id").asLong();
        long poll = jdbc.sql("select id from poll where slug = :s").param("s", slug).query(Long.class).single();

        List<List<String>> votes = List.of(
                List.of("SATISFIED", "SATISFIED", "SATISFIED"),
                List.of("DISSATISFIED", "DISSATISFIED", "DISSATISFIED"),
                List.of("FAIRLY_SATISFIED", "SATISFIED", "DISSATISFIED"),
                List.of("SATISFIED", "FAIRLY_SATISFIED", "FAIRLY_SATISFIED"),
                List.of("DISSATISFIED", "SATISFIED", "FAIRLY_SATISFIED"));
        Set<Integer> lengths = new TreeSet<>();
        for (int i = 0; i < votes.size(); i++) {
            Map<String, List<String>> before = DatabaseRows.everything(jdbc);
            ballots.vote(slug, codes.get(i), votes.get(i));
            Map<String, List<String>> changed = DatabaseRows.diff(before, DatabaseRows.everything(jdbc));
            assertThat(changed.keySet()).as("tables rating %d wrote", i).containsExactlyInAnyOrder("ballot_code", "ballot_vote");
            assertThat(changed.get("ballot_code")).hasSize(2)
                    .anyMatch(r -> r.matches("- " + poll + " \\| [0-9a-f]{64} \\| (?i)(false|f)"))
                    .anyMatch(r -> r.matches("\\+ " + poll + " \\| [0-9a-f]{64} \\| (?i)(true|t)"));
            assertThat(changed.get("ballot_vote")).hasSize(1).allMatch(r -> r.startsWith("+ " + poll + " | "));
            lengths.add(changed.get("ballot_vote").get(0).length());
        }
        assertThat(lengths).as("stored rows of every choice alike").hasSize(1);
        assertThat(jdbc.sql("select count(*) from acceptance_appraisal_line where appraisal_id = :a and satisfied is not null")
                .param("a", sitting).query(Long.class).single()).as("no totals before the count").isZero();

        // a refused rating changes nothing at all
        Map<String, List<String>> before = DatabaseRows.everything(jdbc);
        try {
            ballots.vote(slug, codes.get(0), votes.get(1));
        } catch (cn.tierup.shared.DomainException expected) {
            assertThat(expected.code()).isEqualTo("ballot.code");
        }
        assertThat(DatabaseRows.diff(before, DatabaseRows.everything(jdbc))).isEmpty();

        JsonNode counted = ok(post("/api/acceptance/appraisals/sittings/" + sitting + "/count"), Map.of("closingKey", key));
        assertThat(counted.get("status").asText()).isEqualTo("COUNTED");
        assertThat(jdbc.sql("select count(*) from ballot_code where poll_id = :p").param("p", poll).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from ballot_vote where poll_id = :p").param("p", poll).query(Long.class).single()).isZero();
        List<Long> first = jdbc.sql("select satisfied from acceptance_appraisal_line where appraisal_id = :a order by position")
                .param("a", sitting).query(Long.class).list();
        assertThat(first).containsExactly(2L, 3L, 1L);

        // no code, code hash or closing key in any text column of any table, nor in the audit trail
        List<String> secrets = new ArrayList<>();
        for (String code : codes) {
            secrets.add(code);
            secrets.add(OneTimeCodes.normalise(code));
        }
        secrets.add(key);
        secrets.add(key.replace("-", ""));
        String dump = String.join("\n", DatabaseRows.everything(jdbc).values().stream().flatMap(List::stream).toList());
        for (String s : secrets) {
            assertThat(dump).doesNotContain(s);
        }
    }
}
