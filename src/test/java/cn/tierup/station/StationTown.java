package cn.tierup.station;

import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A town of a test's own under the demo city, its villages and accounts made over the API as the city's administrator,
 * and the HTTP helpers the station tests share.
 */
final class StationTown {

    final MockMvc mvc;
    final TestUsers users;
    final JdbcClient jdbc;
    final JsonMapper json;
    final long id;
    final String name;

    StationTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, String name) throws Exception {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.json = json;
        this.name = name;
        long city = jdbc.sql("select id from organization where name = '中共彭州市委员会'").query(Long.class).single();
        this.id = org(city, name, "COMMITTEE", "TOWN");
    }

    long org(long parent, String name, String kind, String field) throws Exception {
        return ok(send(post("/api/orgs"), "admin", Map.of("parentId", parent, "organization",
                Map.of("name", name, "kind", kind, "field", field))), 201).get("id").asLong();
    }

    /** An account bound to an organisation: BRANCH for a village's 书记, SUPERVISOR for a town's. */
    void account(String username, String displayName, long org, String role) throws Exception {
        ok(send(post("/api/accounts"), "admin", Map.of("username", username, "displayName", displayName,
                "organizationId", org, "role", role, "password", "Check2026pass", "enabled", true)), 201);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder r, String as, Object body) throws Exception {
        r.with(users.as(as)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        if (body != null) {
            r.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return mvc.perform(r).andReturn().getResponse();
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return text.isEmpty() ? null : json.readTree(text);
    }

    /** A download: the status, and an .xlsx whose first sheet reads with the anchor column. */
    cn.tierup.shared.xlsx.XlsxSheetReader.SheetContent xlsx(MockHttpServletResponse r, String anchor) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.getContentType()).contains("spreadsheetml");
        return cn.tierup.shared.xlsx.XlsxSheetReader.read(r.getContentAsByteArray(), anchor, 1000);
    }

    static Map<String, Object> station(Long host, String name, LocalDate openedOn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostOrganizationId", host);
        m.put("name", name);
        m.put("address", name.replace("远程教育站点", "") + "党群服务中心");
        m.put("terminalKind", "SATELLITE");
        m.put("equipment", "电视机、卫星接收器、电脑各 1 台");
        m.put("equipmentCondition", "GOOD");
        m.put("managerName", "周秀英");
        m.put("managerTrainedOn", "2023-04-18");
        m.put("openingHours", "周一至周五 9:00—17:00");
        m.put("yearlyFunding", 3000);
        m.put("fundingSource", "镇财政补助");
        m.put("openedOn", openedOn.toString());
        m.put("status", "IN_USE");
        return m;
    }

    static Map<String, Object> session(LocalDate on, String topic, String kind, Integer members, Integer publicCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heldOn", on.toString());
        m.put("topic", topic);
        m.put("kind", kind);
        m.put("partyMembers", members);
        m.put("publicAttendees", publicCount);
        return m;
    }
}
