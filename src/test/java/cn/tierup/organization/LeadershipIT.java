package cn.tierup.organization;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** 班子调整: a new secretary ends the predecessor's term, every term stays as history, the 书记 follows. */
@IntegrationTest
class LeadershipIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    JsonNode appoint(String user, long org, String name, String post, LocalDate on) throws Exception {
        String out = mvc.perform(post("/api/orgs/" + org + "/leadership").with(users.as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personName\": \"" + name + "\", \"post\": \"" + post + "\", \"startedOn\": \"" + on + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(out);
    }

    @Test
    void aNewSecretaryEndsThePredecessorsTermAndTheHistoryStays() throws Exception {
        long village = jdbc.sql("select organization_id from account where username = 'cun'").query(Long.class).single();
        LocalDate today = LocalDate.now();
        JsonNode first = appoint("cun", village, "赵老书记", "SECRETARY", today.minusYears(3));
        appoint("cun", village, "钱委员", "COMMITTEE_MEMBER", today.minusYears(3));
        appoint("zhen", village, "孙新书记", "SECRETARY", today.minusDays(10));
        JsonNode all = json.readTree(mvc.perform(get("/api/orgs/" + village + "/leadership").with(users.as("zhen")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode old = null;
        int current = 0;
        for (JsonNode p : all) {
            if (p.get("id").asLong() == first.get("id").asLong()) {
                old = p;
            }
            if (!p.hasNonNull("endedOn") && p.get("post").asText().equals("SECRETARY")) {
                current++;
                assertThat(p.get("personName").asText()).isEqualTo("孙新书记");
            }
        }
        assertThat(current).isEqualTo(1);
        assertThat(old.get("endedOn").asText()).isEqualTo(today.minusDays(11).toString());
        assertThat(old.get("endReason").asText()).contains("孙新书记");
        assertThat(jdbc.sql("select secretary from organization where id = :id").param("id", village).query(String.class).single())
                .isEqualTo("孙新书记");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'LeadershipPost' and organization_id = :o")
                .param("o", village).query(Long.class).single()).isGreaterThanOrEqualTo(4);
        mvc.perform(get("/orgs/" + village + "/leadership").with(users.as("cun"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("赵老书记"))).andExpect(content().string(containsString("孙新书记")));
    }

    @Test
    void aTermEndsAfterItBeganWithAReasonAndOnlyThoseWhoKeepTheOrganisationChangeIt() throws Exception {
        long village = jdbc.sql("select organization_id from account where username = 'cun'").query(Long.class).single();
        JsonNode p = appoint("cun", village, "李宣传", "PROPAGANDA_MEMBER", LocalDate.now().minusYears(1));
        mvc.perform(post("/api/leadership/" + p.get("id").asLong() + "/end").with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\": \"" + LocalDate.now().minusYears(2) + "\", \"reason\": \"换届\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("不能早于任职日期")));
        mvc.perform(post("/api/leadership/" + p.get("id").asLong() + "/end").with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\": \"" + LocalDate.now() + "\", \"reason\": \"\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("卸任原因")));
        mvc.perform(post("/api/leadership/" + p.get("id").asLong() + "/end").with(users.as("dangyuan")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\": \"" + LocalDate.now() + "\", \"reason\": \"换届\"}")).andExpect(status().isForbidden());
        long otherTownVillage = jdbc.sql("select min(o.id) from organization o join organization t on t.id = o.parent_id"
                + " where t.name = '中共彭州市天彭镇委员会'").query(Long.class).single();
        mvc.perform(post("/api/orgs/" + otherTownVillage + "/leadership").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personName\": \"越权\", \"post\": \"SECRETARY\", \"startedOn\": \"2020-01-01\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/leadership/" + p.get("id").asLong() + "/end").with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\": \"" + LocalDate.now() + "\", \"reason\": \"换届\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.endReason").value("换届"));
    }
}
