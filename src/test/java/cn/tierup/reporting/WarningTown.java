package cn.tierup.reporting;

import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A town of the warnings' tests: besides what every own town has, its villages' leadership (a 书记 appointed, a term
 * ended) and their pledge ratings set to the counts a test wants, so that each warning rule has someone to name.
 */
class WarningTown extends OwnTown {

    WarningTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, String name) throws Exception {
        super(mvc, users, jdbc, json, name);
    }

    /** Appoints {@code person} the organisation's 书记 from {@code on} (a predecessor's term ends the day before); the post's id. */
    long secretary(long org, String person, LocalDate on) throws Exception {
        return admin(post("/api/orgs/{id}/leadership", org), Map.of("personName", person, "post", "SECRETARY",
                "startedOn", on.toString()), 201).get("id").asLong();
    }

    /** Ends a term on a day with the reason. */
    void end(long post, LocalDate on, String reason) throws Exception {
        admin(post("/api/leadership/{id}/end", post), Map.of("on", on.toString(), "reason", reason), 200);
    }

    /** The organisation's pledge ratings of the campaign as counted: 满意, 基本满意, 不满意. */
    void ratings(long campaign, long org, long satisfied, long fairly, long dissatisfied) {
        long board = jdbc.sql("select id from pledge_board where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", org).query(Long.class).single();
        jdbc.sql("update pledge_rating_tally set n = case choice when 'SATISFIED' then :s when 'FAIRLY_SATISFIED' then :f else :d end"
                        + " where board_id = :b")
                .param("s", satisfied).param("f", fairly).param("d", dissatisfied).param("b", board).update();
    }
}
