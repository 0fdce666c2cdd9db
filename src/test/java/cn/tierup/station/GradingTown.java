package cn.tierup.station;

import cn.tierup.station.internal.StationRepository;
import cn.tierup.testsupport.TestUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A town of a test's own under the demo city, with villages that host 远程教育站点: the organisations and accounts made
 * over the API as the city's administrator, the stations put straight through the {@link Station} aggregate (so the
 * grading tests stand apart from the registry's API), and a campaign rooted at the town in a past year.
 */
final class GradingTown {

    static final String PASSWORD = "Zhandian2026pass";

    final MockMvc mvc;
    final TestUsers users;
    final JsonMapper json;
    final StationRepository stations;
    final TransactionTemplate tx;
    final long id;
    final Map<String, Long> orgs = new LinkedHashMap<>();

    GradingTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, StationRepository stations,
                PlatformTransactionManager transactions, String name) throws Exception {
        this.mvc = mvc;
        this.users = users;
        this.json = json;
        this.stations = stations;
        this.tx = new TransactionTemplate(transactions);
        long city = jdbc.sql("select id from organization where name = '中共彭州市委员会'").query(Long.class).single();
        this.id = org(city, name, "COMMITTEE", "TOWN");
    }

    long village(String name) throws Exception {
        long v = org(id, name, "BRANCH", "VILLAGE");
        orgs.put(name, v);
        return v;
    }

    long org(long parent, String name, String kind, String field) throws Exception {
        return admin(post("/api/orgs"), Map.of("parentId", parent, "organization",
                Map.of("name", name, "kind", kind, "field", field)), 201).get("id").asLong();
    }

    void account(String username, String displayName, long org, String role) throws Exception {
        admin(post("/api/accounts"), Map.of("username", username, "displayName", displayName, "organizationId", org,
                "role", role, "password", PASSWORD, "enabled", true), 201);
    }

    long campaign(int year) throws Exception {
        return admin(post("/api/campaigns"), Map.of("rootOrganizationId", id, "year", year), 201).get("id").asLong();
    }

    /** A station in use since {@code openedOn}, hosted by {@code host}. */
    long station(long host, String name, LocalDate openedOn) {
        return tx.execute(t -> stations.saveAndFlush(new Station(host, new StationDetails(name, name.replace("远教站点", "") + "村委会",
                TerminalKind.INTERNET, "电视机、机顶盒、电脑", EquipmentCondition.GOOD, "李建国", openedOn, "每周一、三、五下午",
                new BigDecimal("3000.00"), "县级财政", openedOn, StationStatus.IN_USE), "admin", LocalDateTime.now())).getId());
    }

    /** A station retired on {@code retiredOn}: off the registry from then on. */
    long retiredStation(long host, String name, LocalDate openedOn, LocalDate retiredOn) {
        long s = station(host, name, openedOn);
        tx.executeWithoutResult(t -> {
            Station st = stations.findById(s).orElseThrow();
            st.retire(retiredOn, st.getVersion(), "admin", LocalDateTime.now());
            stations.saveAndFlush(st);
        });
        return s;
    }

    JsonNode admin(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        var response = mvc.perform(request.with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isEqualTo(status);
        return json.readTree(text);
    }
}
