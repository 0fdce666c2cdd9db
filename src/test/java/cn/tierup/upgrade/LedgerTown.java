package cn.tierup.upgrade;

import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A town of one test class's own under the demo city, for a station's 争创目标 and 整改台账: the town and its villages
 * with their accounts made over the API as the city's administrator, each village's 远程教育站点 registered over the
 * station API, a campaign rooted at the town in {@link CampaignFixture#OWN_TOWN_YEAR}, and a station graded as the
 * station module's API grades it — the village's self-assessment handed in, the town's decision.
 */
final class LedgerTown extends OwnTown {

    final String user;
    long campaign;

    /** The town {@code name}, with a supervisor account {@code user} named {@code person}. */
    LedgerTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, String name, String user, String person)
            throws Exception {
        super(mvc, users, jdbc, json, name);
        this.user = user;
        account(user, person, id, "SUPERVISOR");
    }

    /** A village of the town with its branch account. */
    long village(String name, String user, String person) throws Exception {
        long v = village(name);
        account(user, person, v, "BRANCH");
        return v;
    }

    long campaign() throws Exception {
        campaign = admin(post("/api/campaigns"), Map.of("rootOrganizationId", id, "year", CampaignFixture.OWN_TOWN_YEAR), 201)
                .get("id").asLong();
        return campaign;
    }

    /** A station hosted by {@code host}, in use since the spring before the campaign's year. */
    long station(long host, String name) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hostOrganizationId", host);
        body.put("name", name);
        body.put("address", name.replace("远教站点", "") + "村委会二楼");
        body.put("terminalKind", "INTERNET");
        body.put("equipment", "电视机、机顶盒、电脑");
        body.put("equipmentCondition", "GOOD");
        body.put("managerName", "王秀英");
        body.put("openingHours", "每周二、五下午");
        body.put("yearlyFunding", 2400);
        body.put("fundingSource", "镇财政补助");
        body.put("openedOn", LocalDate.of(CampaignFixture.OWN_TOWN_YEAR - 1, 4, 1).toString());
        body.put("status", "IN_USE");
        return admin(post("/api/stations"), body, 201).get("id").asLong();
    }

    /**
     * The station graded {@code grade} (先进, 一般 or 后进) in the campaign: {@code hostUser} fills the score sheet (the
     * points that give that grade on the shipped standard) and hands it in, the town decides the same grade.
     */
    JsonNode grade(long station, String hostUser, String grade) throws Exception {
        String url = "/api/station-gradings/" + campaign + "/" + station;
        JsonNode sheet = ok(get(url), hostUser, null);
        int total = switch (grade) {
            case "先进" -> 92;
            case "一般" -> 75;
            default -> 50;
        };
        Map<String, Integer> scores = new LinkedHashMap<>();
        int left = total;
        JsonNode dimensions = sheet.get("standard").get("dimensions");
        for (int d = 0; d < dimensions.size(); d++) {
            JsonNode criteria = dimensions.get(d).get("criteria");
            for (int c = 0; c < criteria.size() && left > 0; c++) {
                int p = Math.min(left, criteria.get(c).get("points").asInt());
                scores.put((d + 1) + "." + (c + 1), p);
                left -= p;
            }
        }
        JsonNode assessed = ok(put(url + "/self-assessment"), hostUser, Map.of("scores", scores, "vetoes", List.of(),
                "statement", "站点按时开放，学习记录齐全", "version", sheet.get("version").asLong()));
        assertThat(assessed.get("proposedGrade").asText()).isEqualTo(grade);
        JsonNode submitted = ok(post(url + "/submit"), hostUser, Map.of("version", assessed.get("version").asLong()));
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("grade", grade);
        decision.put("version", submitted.get("version").asLong());
        JsonNode decided = ok(post(url + "/decision"), user, decision);
        assertThat(decided.get("decidedGrade").asText()).isEqualTo(grade);
        return decided;
    }

    private JsonNode ok(MockHttpServletRequestBuilder request, String as, Object body) throws Exception {
        return as(as, request, body, 200);
    }
}
