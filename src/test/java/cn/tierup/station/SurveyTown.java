package cn.tierup.station;

import cn.tierup.station.internal.StationRepository;
import cn.tierup.station.internal.StationSessionRepository;
import cn.tierup.testsupport.TestUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A town of a test's own under the demo city, with villages and accounts made over the API as the city's administrator,
 * its campaign rooted at it (so its year meets no other class's campaign), and stations with their learning sessions
 * put straight into the station module's repositories (the registry's pages are not this test's subject).
 */
final class SurveyTown {

    static final String PASSWORD = "Yuanjiao2026pass";

    final MockMvc mvc;
    final TestUsers users;
    final JsonMapper json;
    final StationRepository stations;
    final StationSessionRepository sessions;
    final long id;

    SurveyTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, StationRepository stations,
                StationSessionRepository sessions, String name) throws Exception {
        this.mvc = mvc;
        this.users = users;
        this.json = json;
        this.stations = stations;
        this.sessions = sessions;
        long city = jdbc.sql("select id from organization where name = '中共彭州市委员会'").query(Long.class).single();
        this.id = org(city, name, "COMMITTEE", "TOWN");
    }

    long org(long parent, String name, String kind, String field) throws Exception {
        return admin(post("/api/orgs"), Map.of("parentId", parent, "organization", Map.of("name", name, "kind", kind,
                "field", field)), 201).get("id").asLong();
    }

    long village(String name) throws Exception {
        return org(id, name, "BRANCH", "VILLAGE");
    }

    long campaign(int year) throws Exception {
        return admin(post("/api/campaigns"), Map.of("rootOrganizationId", id, "year", year), 201).get("id").asLong();
    }

    void account(String username, String displayName, long organizationId, String role) throws Exception {
        admin(post("/api/accounts"), Map.of("username", username, "displayName", displayName, "organizationId",
                organizationId, "role", role, "password", PASSWORD, "enabled", true), 201);
    }

    Station station(long host, String name, TerminalKind kind, StationStatus status, String funding, LocalDate openedOn) {
        return stations.saveAndFlush(new Station(host, new StationDetails(name, name + "村委会二楼", kind, "电视机、卫星接收设备",
                EquipmentCondition.GOOD, "李桂芳", null, "每周二、四下午", new BigDecimal(funding), "县级财政",
                openedOn, status), "test", LocalDateTime.now()));
    }

    StationSession session(Station s, LocalDate on, int partyMembers, int publicAttendees) {
        return sessions.saveAndFlush(new StationSession(s, new StationSession.Particulars(on, "学习党的十七届五中全会精神",
                SessionKind.GROUP_STUDY, partyMembers, publicAttendees), "test", LocalDateTime.now()));
    }

    JsonNode admin(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        return as("admin", request, body, status);
    }

    JsonNode as(String user, MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        var response = mvc.perform(request.with(users.as(user))).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isEqualTo(status);
        return text.isEmpty() ? null : json.readTree(text);
    }
}
