package cn.tierup.organization;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@IntegrationTest
class OrganizationApiIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    JsonNode create(String user, long parentId, String name, String kind) throws Exception {
        String body = """
                {"parentId": %d, "organization": {"name": "%s", "kind": "%s", "field": "VILLAGE"}}
                """.formatted(parentId, name, kind);
        String out = mvc.perform(post("/api/orgs").with(users.as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(out);
    }

    @Test
    void aTownAddsAVillageBranchAndTheChangeIsAudited() throws Exception {
        long town = id("中共彭州市丽春镇委员会");
        JsonNode created = create("zhen", town, "中共彭州市丽春镇测试一村支部委员会", "BRANCH");
        long newId = created.get("id").asLong();
        assertThat(created.get("path").asText()).startsWith(jdbc.sql("select path from organization where id = :id")
                .param("id", town).query(String.class).single()).endsWith("/" + newId + "/");
        assertThat(created.get("effectiveGradingAuthorityId").asLong()).isEqualTo(town);
        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'Organization' and entity_id = :id"
                + " and action = 'CREATE' and actor = 'zhen'").param("id", String.valueOf(newId)).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aTownCannotSeeOrChangeTheNextTown() throws Exception {
        long otherTown = id("中共彭州市天彭镇委员会");
        mvc.perform(get("/api/orgs/" + otherTown).with(users.as("zhen"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("权限")));
        mvc.perform(post("/api/orgs").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\": " + otherTown + ", \"organization\": {\"name\": \"越权村\", \"kind\": \"BRANCH\", \"field\": \"VILLAGE\"}}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from organization where name = '越权村'").query(Long.class).single()).isZero();
    }

    @Test
    void aMoveTakesTheWholeSubtreeAlong() throws Exception {
        long lichun = id("中共彭州市丽春镇委员会");
        long jiuchi = id("中共彭州市九尺镇委员会");
        JsonNode general = create("admin", lichun, "中共彭州市丽春镇搬迁村总支部委员会", "GENERAL_BRANCH");
        JsonNode sub = create("admin", general.get("id").asLong(), "中共彭州市丽春镇搬迁村第一党支部", "BRANCH");

        mvc.perform(post("/api/orgs/" + general.get("id").asLong() + "/move").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\": " + jiuchi + ", \"version\": " + general.get("version").asLong() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentId").value(jiuchi));

        String subPath = jdbc.sql("select path from organization where id = :id").param("id", sub.get("id").asLong())
                .query(String.class).single();
        String jiuchiPath = jdbc.sql("select path from organization where id = :id").param("id", jiuchi).query(String.class).single();
        assertThat(subPath).startsWith(jiuchiPath + general.get("id").asLong() + "/");
        mvc.perform(get("/api/orgs/" + sub.get("id").asLong()).with(users.as("zhen"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/orgs/" + sub.get("id").asLong()).with(users.as("admin")))
                .andExpect(jsonPath("$.depth").value(3));
    }

    @Test
    void noOrganizationGradesItselfOrIsGradedByItsOwnDescendant() throws Exception {
        long town = id("中共彭州市丽春镇委员会");
        JsonNode general = create("admin", town, "中共彭州市丽春镇评定村总支部委员会", "GENERAL_BRANCH");
        JsonNode sub = create("admin", general.get("id").asLong(), "中共彭州市丽春镇评定村第一党支部", "BRANCH");
        long gid = general.get("id").asLong();
        mvc.perform(put("/api/orgs/" + gid + "/authority").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gradingAuthorityId\": " + gid + ", \"version\": " + general.get("version").asLong() + "}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("不能评定自己")));
        mvc.perform(put("/api/orgs/" + gid + "/authority").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gradingAuthorityId\": " + sub.get("id").asLong() + ", \"version\": " + general.get("version").asLong() + "}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("下级组织")));
        // A town may not choose who grades its villages: that is the organisation department's.
        mvc.perform(put("/api/orgs/" + gid + "/authority").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gradingAuthorityId\": " + id("中共彭州市直属机关工作委员会") + ", \"version\": 0}"))
                .andExpect(status().isForbidden());
        long agencies = id("中共彭州市直属机关工作委员会");
        mvc.perform(put("/api/orgs/" + gid + "/authority").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gradingAuthorityId\": " + agencies + ", \"version\": " + general.get("version").asLong() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.effectiveGradingAuthorityId").value(agencies));
    }

    @Test
    void badInputGetsAChineseProblemAndChangesNothing() throws Exception {
        long town = id("中共彭州市丽春镇委员会");
        mvc.perform(post("/api/orgs").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\": " + town + ", \"organization\": {\"name\": \"\", \"kind\": \"BRANCH\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("请填写党组织全称")))
                .andExpect(jsonPath("$.detail", containsString("请选择所属领域")));
        mvc.perform(post("/api/orgs").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("无法解析")));
        mvc.perform(post("/api/orgs").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\": " + id("彭州市气象局支部") + ", \"organization\": {\"name\": \"支部下的组织\", \"kind\": \"BRANCH\", \"field\": \"AGENCY\"}}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("党支部下不能再设党组织")));
        mvc.perform(get("/api/orgs/999999999").with(users.as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void aStaleEditIsRefusedInsteadOfOverwriting() throws Exception {
        long town = id("中共彭州市丽春镇委员会");
        JsonNode org = create("admin", town, "中共彭州市丽春镇并发村支部委员会", "BRANCH");
        long orgId = org.get("id").asLong();
        String first = "{\"version\": " + org.get("version").asLong() + ", \"organization\": {\"name\": \"中共彭州市丽春镇并发村支部委员会\", \"kind\": \"BRANCH\", \"field\": \"VILLAGE\", \"secretary\": \"甲\"}}";
        String second = first.replace("\"甲\"", "\"乙\"");
        mvc.perform(put("/api/orgs/" + orgId).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(first))
                .andExpect(status().isOk());
        mvc.perform(put("/api/orgs/" + orgId).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(second))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("已被他人修改")));
        assertThat(jdbc.sql("select secretary from organization where id = :id").param("id", orgId).query(String.class).single())
                .isEqualTo("甲");
    }

    @Test
    void anOrganizationWithMembersCannotBeRetired() throws Exception {
        long branch = id("彭州市气象局支部");
        long version = jdbc.sql("select version from organization where id = :id").param("id", branch).query(Long.class).single();
        mvc.perform(post("/api/orgs/" + branch + "/retire").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + "}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("名党员")));
        assertThat(jdbc.sql("select retired from organization where id = :id").param("id", branch).query(Boolean.class).single()).isFalse();
    }
}
