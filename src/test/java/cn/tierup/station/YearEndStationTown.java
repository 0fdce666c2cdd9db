package cn.tierup.station;

import cn.tierup.testsupport.OwnTown;
import cn.tierup.station.internal.StationRepository;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A town of a test's own whose stations are graded twice in its campaign of {@link CampaignFixture#OWN_TOWN_YEAR}: the
 * 年初定级 and the 年末审定 over the station grading API, each round's steps taken by the host (self-assessment, hand-in)
 * and by the town (decision). The campaign's 总结验收 may start after today, to be moved into the year once the tests
 * have seen the year-end round refused before it.
 */
final class YearEndStationTown {

    static final String START = "START";
    static final String YEAR_END = "YEAR_END";
    static final int YEAR = CampaignFixture.OWN_TOWN_YEAR;

    final GradingTown town;
    final MockMvc mvc;
    final TestUsers users;
    final JsonMapper json;
    final JdbcClient jdbc;
    final String townUser;
    /** Each village's account, and each station's host. */
    final Map<Long, String> userOf = new LinkedHashMap<>();
    final Map<Long, Long> hostOf = new LinkedHashMap<>();
    long campaign;

    YearEndStationTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, StationRepository stations,
                       PlatformTransactionManager transactions, String name, String townUser, String townPerson) throws Exception {
        this.mvc = mvc;
        this.users = users;
        this.json = json;
        this.jdbc = jdbc;
        this.town = new GradingTown(mvc, users, jdbc, json, stations, transactions, name);
        this.townUser = townUser;
        town.account(townUser, townPerson, town.id, "SUPERVISOR");
    }

    long village(String name, String user, String person) throws Exception {
        long v = town.village(name);
        town.account(user, person, v, "BRANCH");
        userOf.put(v, user);
        return v;
    }

    long station(long village, String name) {
        long s = town.station(village, name, LocalDate.of(YEAR - 1, 5, 1));
        hostOf.put(s, village);
        return s;
    }

    /**
     * The campaign rooted at the town: 现状大调查, 对标定级 and 晋位升级 in its year, 总结验收 in November and December of
     * it — or, {@code acceptanceLater}, starting a month from today, not begun yet.
     */
    long campaign(boolean acceptanceLater) throws Exception {
        campaign = town.admin(post("/api/campaigns"), schedule(acceptanceLater, null), 201).get("id").asLong();
        return campaign;
    }

    /** Moves the 总结验收 (not begun) into the campaign's year: the year-end round opens. */
    void openAcceptance() throws Exception {
        long version = town.admin(get("/api/campaigns/" + campaign), Map.of(), 200).get("version").asLong();
        town.admin(put("/api/campaigns/" + campaign), schedule(false, version), 200);
    }

    private Map<String, Object> schedule(boolean acceptanceLater, Long version) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rootOrganizationId", town.id);
        f.put("year", YEAR);
        f.put("name", YEAR + "年度远程教育站点年末审定活动");
        dates(f, "survey", LocalDate.of(YEAR, 3, 1), LocalDate.of(YEAR, 3, 31), LocalDate.of(YEAR, 3, 31));
        dates(f, "grading", LocalDate.of(YEAR, 4, 1), LocalDate.of(YEAR, 4, 30), LocalDate.of(YEAR, 4, 10));
        dates(f, "upgrade", LocalDate.of(YEAR, 5, 1), LocalDate.of(YEAR, 10, 31), LocalDate.of(YEAR, 10, 31));
        LocalDate later = LocalDate.now().plusMonths(1);
        if (acceptanceLater) {
            dates(f, "acceptance", later, later.plusMonths(1), later.plusDays(20));
        } else {
            dates(f, "acceptance", LocalDate.of(YEAR, 11, 1), LocalDate.of(YEAR, 12, 31), LocalDate.of(YEAR, 11, 20));
        }
        if (version != null) {
            f.put("version", version);
        }
        return f;
    }

    private static void dates(Map<String, Object> f, String phase, LocalDate starts, LocalDate ends, LocalDate due) {
        f.put(phase + "StartsOn", starts.toString());
        f.put(phase + "EndsOn", ends.toString());
        f.put(phase + "DueOn", due.toString());
    }

    String url(long station, String round) {
        return "/api/station-gradings/" + campaign + "/" + station + "?round=" + round;
    }

    String path(long station, String action, String round) {
        return "/api/station-gradings/" + campaign + "/" + station + "/" + action + "?round=" + round;
    }

    /** The host fills the score sheet for {@code total} points (the criteria in order), with the veto items given. */
    OwnTown.Answer assess(long station, String round, String user, int total, List<Integer> vetoes) throws Exception {
        JsonNode standard = town.ok(town.answer(get(url(station, round)), user, null)).get("standard");
        Map<String, Integer> scores = new LinkedHashMap<>();
        int left = total;
        for (int d = 0; d < standard.get("dimensions").size(); d++) {
            JsonNode criteria = standard.get("dimensions").get(d).get("criteria");
            for (int c = 0; c < criteria.size() && left > 0; c++) {
                int p = Math.min(left, criteria.get(c).get("points").asInt());
                scores.put((d + 1) + "." + (c + 1), p);
                left -= p;
            }
        }
        return town.answer(put(path(station, "self-assessment", round)), user, Map.of("scores", scores, "vetoes", vetoes,
                "statement", "站点全年正常开放，按月组织党员群众集中学习", "version", version(station, round)));
    }

    /** The host's self-assessment for {@code total} points, handed in: its proposed grade. */
    String handIn(long station, String round, int total, List<Integer> vetoes) throws Exception {
        String user = userOf.get(hostOf.get(station));
        town.ok(assess(station, round, user, total, vetoes));
        JsonNode v = town.ok(town.answer(post(path(station, "submit", round)), user, Map.of("version", version(station, round))));
        assertThat(v.get("status").asText()).isEqualTo("SUBMITTED");
        return v.get("proposedGrade").asText();
    }

    /** The town decides the grade the host proposed: the decided class. */
    String decide(long station, String round) throws Exception {
        JsonNode seen = town.ok(town.answer(get(url(station, round)), townUser, null));
        JsonNode v = town.ok(town.answer(post(path(station, "decision", round)), townUser,
                Map.of("grade", seen.get("proposedGrade").asText(), "version", version(station, round))));
        return v.get("decidedLevel").asText();
    }

    long version(long station, String round) {
        return jdbc.sql("select coalesce(max(version), 0) from station_grading where campaign_id = :c and station_id = :s"
                        + " and grading_round = :r")
                .param("c", campaign).param("s", station).param("r", round).query(Long.class).single();
    }

    long rows(String round) {
        return jdbc.sql("select count(*) from station_grading where campaign_id = :c and grading_round = :r")
                .param("c", campaign).param("r", round).query(Long.class).single();
    }

}
