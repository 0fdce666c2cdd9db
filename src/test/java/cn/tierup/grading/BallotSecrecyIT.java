package cn.tierup.grading;

import cn.tierup.ballot.Ballots;
import cn.tierup.shared.OneTimeCodes;
import cn.tierup.testsupport.DatabaseRows;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import static cn.tierup.grading.GradingApiIT.assertRefused;
import static cn.tierup.grading.GradingApiIT.map;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;

/**
 * The phone 无记名测评 of a 审议 keeps its secret in the database itself: the codes are kept only as
 * keyed hashes with a spent flag, each vote only as a sealed text of one fixed length that the clerk's
 * printed key alone opens, and a vote writes nothing else — no counter, no time, no audit entry — so
 * nothing stored while the ballot runs depends on a choice. The count, with the key, writes the totals
 * and the sorted receipts once and deletes the codes and sealed votes. Checked with plain SQL over the
 * whole database after every vote, on H2 and PostgreSQL alike ({@code BallotFileCopyIT} reads copies of
 * the database's files).
 *
 * <p>Works in 白鹿镇, for which no other test opens a campaign.
 */
@IntegrationTest
class BallotSecrecyIT {

    static final String TOWN = "中共彭州市白鹿镇委员会";

    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Ballots ballotBox;

    final LocalDate today = OfficeDay.today();

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    JsonNode call(MockHttpServletRequestBuilder request, String as, Object body) throws Exception {
        request.with(users.as(as));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        String out = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(out).isIn(200, 201);
        return json.readTree(out);
    }

    /** The campaign rooted at the town, its 对标定级 under way since 1 January; opened once per context. */
    synchronized long campaign() throws Exception {
        int year = today.getYear();
        Long existing = jdbc.sql("select id from campaign where root_organization_id = :r and campaign_year = :y")
                .param("r", id(TOWN)).param("y", year).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        return call(post("/api/campaigns"), "admin", GradingApiIT.campaignForm(id(TOWN), year)).get("id").asLong();
    }

    synchronized String clerk() throws Exception {
        String username = "blz-zuzhi";
        if (jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single() == 0) {
            call(post("/api/accounts"), "admin", map("username", username, "displayName", "白鹿镇组织委员", "organizationId", id(TOWN),
                    "role", "SUPERVISOR", "password", "Ballot2026pass", "enabled", true));
        }
        return username;
    }

    List<Long> villages() {
        return jdbc.sql("select id from organization where parent_id = :p and field = 'VILLAGE' and retired = false order by id")
                .param("p", id(TOWN)).query(Long.class).list();
    }

    Map<String, Integer> votes(String leader, int lead) {
        Map<String, Integer> v = new LinkedHashMap<>();
        v.put(leader, lead);
        v.put(leader.equals("一般") ? "先进" : "一般", 2);
        return v;
    }

    /** Steps 1 to 3 of a village through the API, leaving it at the 审议. */
    void toDeliberation(long c, long village, String clerk) throws Exception {
        String url = "/api/grading/cases/" + c + "/" + village;
        JsonNode one = call(post(url + "/public-review"), clerk, map("heldOn", today.minusDays(2), "place", "村党群服务中心",
                "expected", 40, "attendance", 30, "votes", votes("一般", 20)));
        int members = one.get("members").asInt();
        JsonNode two = call(post(url + "/member-review"), clerk, map("heldOn", today.minusDays(1), "place", "村党员活动室",
                "attendance", members, "votes", votes("一般", members - 3)));
        Map<String, Integer> scores = new TreeMap<>();
        for (int d = 1; d <= 5; d++) {
            for (int k = 1; k <= 5; k++) {
                scores.put(d + "." + k, 3);
            }
        }
        JsonNode sheet = call(put(url + "/score-sheet"), clerk, map("scores", scores, "version", two.get("version").asLong()));
        assertThat(sheet.get("evaluation").get("total").asInt()).isEqualTo(75);
        call(post(url + "/self-grade"), clerk, map("grade", "一般", "statement", "对照标准自评为一般。",
                "version", sheet.get("version").asLong()));
    }

    // ------------------------------------------------------------------ what the database holds

    /** Names of the application's tables in the current schema. */
    List<String> tables() {
        return jdbc.sql("select lower(table_name) from information_schema.tables where table_schema = current_schema"
                        + " and table_type = 'BASE TABLE' order by 1")
                .query(String.class).list();
    }

    Map<String, String> columns(String table) {
        Map<String, String> out = new TreeMap<>();
        jdbc.sql("select lower(column_name), lower(data_type) from information_schema.columns"
                        + " where table_schema = current_schema and lower(table_name) = :t")
                .param("t", table)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    Map<String, Integer> tally(long meeting) {
        Map<String, Integer> out = new TreeMap<>();
        jdbc.sql("select choice, n from ballot_tally where poll_id = :m").param("m", meeting)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    long spent(long meeting) {
        return jdbc.sql("select count(*) from ballot_code where poll_id = :m and spent = true").param("m", meeting)
                .query(Long.class).single();
    }

    List<String> sealedVotes(long meeting) {
        return jdbc.sql("select sealed from ballot_vote where poll_id = :m").param("m", meeting).query(String.class).list();
    }

    Map<String, List<String>> everything() {
        return DatabaseRows.everything(jdbc);
    }

    static Map<String, List<String>> diff(Map<String, List<String>> before, Map<String, List<String>> after) {
        return DatabaseRows.diff(before, after);
    }

    @Test
    void aPhoneBallotStoresSealedVotesAndSpentCodesAndNothingElseThatDependsOnAChoiceUntilTheClerksKeyCountsIt() throws Exception {
        long c = campaign();
        String clerk = clerk();
        List<Long> villages = villages();
        long village = villages.get(0);
        long other = villages.get(1);
        toDeliberation(c, village, clerk);
        String url = "/api/grading/cases/" + c + "/" + village;

        JsonNode opened = call(post(url + "/ballot/phone"), clerk, map("heldOn", today, "place", "村党群服务中心", "expected", 15,
                "codes", 12));
        List<String> codes = new ArrayList<>();
        opened.get("codes").forEach(x -> codes.add(x.asText()));
        assertThat(codes).hasSize(12).doesNotHaveDuplicates();
        String closingKey = opened.get("closingKey").asText();
        assertThat(closingKey).matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        String slug = opened.get("meeting").get("slug").asText();
        // the ballot's own id, which its rows carry
        long meeting = jdbc.sql("select id from poll where slug = :s").param("s", slug).query(Long.class).single();
        long caseId = opened.get("grading").get("caseId").asLong();

        // the codes are kept as hashes keyed with the installation's secret (not the plain salted hash
        // anyone could recompute from the slug beside it), none spent; no totals exist yet
        Set<String> hashes = new TreeSet<>(jdbc.sql("select code_hash from ballot_code where poll_id = :m")
                .param("m", meeting).query(String.class).list());
        assertThat(hashes).hasSize(12).allMatch(h -> h.matches("[0-9a-f]{64}"));
        codes.forEach(code -> assertThat(hashes).doesNotContain(OneTimeCodes.hash(slug, OneTimeCodes.normalise(code))));
        assertThat(spent(meeting)).isZero();
        assertThat(tally(meeting)).isEmpty();
        String page = call(get(url), clerk, null).toString();
        assertThat(page).as("the codes and the key are shown once, when printed")
                .doesNotContain(codes.get(0)).doesNotContain(OneTimeCodes.normalise(codes.get(0)))
                .doesNotContain(closingKey).doesNotContain(closingKey.replace("-", ""));

        // every vote changes exactly one code's spent flag and adds one sealed vote of the ballot's one length,
        // whatever its choice: nothing else in the whole database moves, so no copy taken between two votes
        // says how the second voted
        Long lastAudit = jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
        LocalDateTime firstVote = LocalDateTime.now();
        String[] firstBatch = {"AGREE", "AGREE", "DISAGREE", "AGREE", "ABSTAIN", "DISAGREE", "AGREE"};
        List<String> receipts = new ArrayList<>();
        Set<Integer> sealedLengths = new TreeSet<>();
        for (int i = 0; i < firstBatch.length; i++) {
            Map<String, List<String>> before = everything();
            receipts.add(ballotBox.vote(slug, codes.get(i), List.of(firstBatch[i])));
            Map<String, List<String>> changed = diff(before, everything());
            assertThat(changed.keySet()).as("tables a vote wrote").containsExactlyInAnyOrder("ballot_code", "ballot_vote");
            assertThat(changed.get("ballot_code")).as("vote %d", i).hasSize(2)
                    .anyMatch(r -> r.matches("- " + meeting + " \\| [0-9a-f]{64} \\| (?i)(false|f)"))
                    .anyMatch(r -> r.matches("\\+ " + meeting + " \\| [0-9a-f]{64} \\| (?i)(true|t)"));
            assertThat(changed.get("ballot_vote")).hasSize(1).allMatch(r -> r.startsWith("+ " + meeting + " | "));
            sealedLengths.add(changed.get("ballot_vote").get(0).length());
        }
        assertThat(sealedLengths).as("lengths of the stored rows of 同意, 不同意 and 弃权 alike").hasSize(1);

        // the clerk works on another village while the ballot runs: that is audited, the votes are not
        call(post("/api/grading/cases/" + c + "/" + other + "/public-review"), clerk, map("heldOn", today.minusDays(1),
                "place", "村委会", "expected", 30, "attendance", 25, "votes", votes("先进", 15)));

        String[] secondBatch = {"AGREE", "DISAGREE", "AGREE"};
        for (int i = 0; i < secondBatch.length; i++) {
            receipts.add(ballotBox.vote(slug, codes.get(firstBatch.length + i), List.of(secondBatch[i])));
        }
        LocalDateTime lastVote = LocalDateTime.now();
        assertThat(receipts).hasSize(10).doesNotHaveDuplicates().allMatch(r -> r.matches("[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertThat(spent(meeting)).isEqualTo(10);
        assertThat(sealedVotes(meeting)).hasSize(10).doesNotHaveDuplicates();
        assertThat(tally(meeting)).as("nothing is counted while the ballot is open").isEmpty();
        assertThat(call(get(url), clerk, null).get("ballotTurnout").asInt()).isEqualTo(10);

        List<String> auditedMeanwhile = jdbc.sql("select actor || ' ' || entity_type || ' ' || organization_id || ' ' || action"
                        + " from audit_entry where id > :last or (at >= :from and at <= :to) order by id")
                .param("last", lastAudit).param("from", Timestamp.valueOf(firstVote)).param("to", Timestamp.valueOf(lastVote))
                .query(String.class).list();
        assertThat(auditedMeanwhile).containsExactly(clerk + " GradingCase " + other + " REVIEW");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'GradingCase' and entity_id = :id and id > :last")
                .param("id", String.valueOf(caseId)).param("last", lastAudit).query(Long.class).single()).isZero();

        // a code votes once; a refused vote changes nothing at all
        Map<String, List<String>> before = everything();
        assertRefused(() -> ballotBox.vote(slug, codes.get(0), List.of("DISAGREE")), "ballot.code");
        assertRefused(() -> ballotBox.vote(slug, codes.get(3).toLowerCase(), List.of("AGREE")), "ballot.code");
        assertRefused(() -> ballotBox.vote(slug, "", List.of("AGREE")), "ballot.code");
        assertThat(diff(before, everything())).isEmpty();

        // without the key, or with another ballot's, nothing is counted and the ballot stays open
        refusedWith(post(url + "/ballot/phone/close"), clerk, map("attendance", 13), "请输入开启测评时打印的计票密钥");
        refusedWith(post(url + "/ballot/phone/close"), clerk, map("attendance", 13,
                "closingKey", cn.tierup.shared.crypto.SealedBox.generate().closingKey()), "计票密钥不正确");
        assertThat(diff(before, everything())).isEmpty();

        JsonNode closed = call(post(url + "/ballot/phone/close"), clerk, map("attendance", 13, "closingKey", closingKey));
        JsonNode m = closed.get("deliberation");
        assertThat(List.of(m.get("ballotsIssued").asInt(), m.get("ballotsReturned").asInt(), m.get("agree").asInt(),
                m.get("disagree").asInt(), m.get("abstain").asInt(), m.get("invalid").asInt(), m.get("attendance").asInt()))
                .containsExactly(12, 10, 6, 3, 1, 0, 13);
        assertThat(m.get("passed").asBoolean()).as("6 of 10 valid votes agree").isTrue();
        assertThat(closed.get("step").asText()).isEqualTo("DECISION");

        // the count leaves the totals and the receipts, sorted; the codes and the sealed votes are gone
        assertThat(tally(meeting)).isEqualTo(Map.of("AGREE", 6, "DISAGREE", 3, "ABSTAIN", 1));
        assertThat(jdbc.sql("select count(*) from ballot_code where poll_id = :m").param("m", meeting)
                .query(Long.class).single()).isZero();
        assertThat(sealedVotes(meeting)).isEmpty();
        assertThat(ballotBox.receipts(slug)).containsExactlyElementsOf(receipts.stream().sorted().toList());

        // after the count the box is shut, for unspent and spent codes alike
        Map<String, List<String>> shut = everything();
        assertRefused(() -> ballotBox.vote(slug, codes.get(11), List.of("DISAGREE")), "ballot.closed");
        assertRefused(() -> ballotBox.vote(slug, codes.get(0), List.of("AGREE")), "ballot.closed");
        assertThat(diff(shut, everything())).isEmpty();

        // the ballot tables hold nothing of time
        List<String> ballotTables = tables().stream().filter(t -> t.contains("vote") || t.contains("ballot")).toList();
        assertThat(ballotTables).containsExactlyInAnyOrder("ballot_code", "ballot_tally", "ballot_vote", "ballot_receipt");
        List<String> types = new ArrayList<>();
        for (String t : ballotTables) {
            types.addAll(columns(t).values());
        }
        assertThat(columns("ballot_vote").keySet()).containsExactlyInAnyOrder("poll_id", "sealed");
        for (String type : types) {
            assertThat(type).doesNotContain("time").doesNotContain("date").doesNotContain("interval");
        }

        // no printed code, typed code, code hash or closing key is kept anywhere but in the hash column:
        // not in the audit trail, not in the meeting, not in any text column of any table
        List<String> secrets = new ArrayList<>();
        for (String code : codes) {
            secrets.add(code);
            secrets.add(OneTimeCodes.normalise(code));
        }
        secrets.addAll(hashes);
        secrets.add(closingKey);
        secrets.add(closingKey.replace("-", ""));
        String audit = String.join("\n", jdbc.sql("select coalesce(summary, '') || ' ' || coalesce(before_state, '') || ' '"
                + " || coalesce(after_state, '') from audit_entry").query(String.class).list());
        assertThat(audit).isNotEmpty();
        for (String s : secrets) {
            assertThat(audit).doesNotContain(s);
        }
        List<String> found = new ArrayList<>();
        for (String t : tables()) {
            for (Map.Entry<String, String> col : columns(t).entrySet()) {
                boolean text = col.getValue().contains("char") || col.getValue().equals("text") || col.getValue().contains("clob");
                if (!text || (t.equals("ballot_code") && col.getKey().equals("code_hash"))) {
                    continue;
                }
                StringBuilder where = new StringBuilder();
                Map<String, Object> params = new LinkedHashMap<>();
                for (int i = 0; i < secrets.size(); i++) {
                    where.append(i == 0 ? "" : " or ").append(col.getKey()).append(" like :s").append(i);
                    params.put("s" + i, "%" + secrets.get(i) + "%");
                }
                long n = jdbc.sql("select count(*) from " + t + " where " + where).params(params).query(Long.class).single();
                if (n > 0) {
                    found.add(t + "." + col.getKey());
                }
            }
        }
        assertThat(found).as("columns holding a code, its hash or the closing key").isEmpty();
    }

    void refusedWith(MockHttpServletRequestBuilder request, String as, Object body, String message) throws Exception {
        request.with(users.as(as)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(message);
    }
}
