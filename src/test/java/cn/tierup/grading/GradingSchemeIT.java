package cn.tierup.grading;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.util.Map;
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

/** The standards are data: shipped per field, 五好四强 in the same shape, copied and adapted without code. */
@IntegrationTest
class GradingSchemeIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    long scheme(String code) {
        return jdbc.sql("select id from grading_scheme where code = :c").param("c", code).query(Long.class).single();
    }

    JsonNode read(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    @Test
    void everyFieldHasAHundredPointFiveGoodSchemeWithTheVillageSheetsShape() throws Exception {
        for (String field : new String[] {"TOWN", "VILLAGE", "COMMUNITY", "AGENCY", "INSTITUTION", "STATE_ENTERPRISE", "SCHOOL",
                "HEALTH", "PRIVATE_ENTERPRISE", "SOCIAL_ORGANIZATION", "CULTURE"}) {
            JsonNode s = read(mvc.perform(get("/api/grading-schemes/" + scheme("FIVE_GOOD_" + field)).with(users.as("zhen")))
                    .andExpect(status().isOk()));
            JsonNode dims = s.get("standard").get("dimensions");
            assertThat(dims).hasSize(5);
            assertThat(dims.get(0).get("name").asText()).isEqualTo("领导班子好");
            int total = 0;
            for (JsonNode d : dims) {
                for (JsonNode c : d.get("criteria")) {
                    total += c.get("points").asInt();
                }
            }
            assertThat(total).isEqualTo(100);
        }
        JsonNode village = read(mvc.perform(get("/api/grading-schemes/" + scheme("FIVE_GOOD_VILLAGE")).with(users.as("cun"))));
        JsonNode lead = village.get("standard").get("dimensions").get(0).get("criteria");
        assertThat(lead).hasSize(8);
        int leadPoints = 0;
        for (JsonNode c : lead) {
            assertThat(c.get("points").asInt()).isBetween(2, 3);
            leadPoints += c.get("points").asInt();
        }
        assertThat(leadPoints).isEqualTo(21);
        mvc.perform(get("/api/grading-schemes").with(users.as("dangyuan"))).andExpect(status().isForbidden());
    }

    @Test
    void fiveGoodFourStrongWithItsFourGradesIsTheSameKindOfData() throws Exception {
        long id = scheme("FIVE_GOOD_FOUR_STRONG");
        JsonNode s = read(mvc.perform(get("/api/grading-schemes/" + id).with(users.as("admin"))));
        java.util.List<String> grades = new java.util.ArrayList<>();
        s.get("standard").get("grades").forEach(g -> grades.add(g.get("name").asText()));
        assertThat(grades).containsExactly("县先进", "一类", "二类", "三类");
        JsonNode e = read(mvc.perform(post("/api/grading-schemes/" + id + "/evaluate").with(users.as("cun"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"scores\": {\"1.1\": 4, \"1.2\": 4, \"1.3\": 4, \"2.1\": 4, \"2.2\": 4,"
                        + " \"2.3\": 4, \"3.1\": 4, \"3.2\": 4, \"3.3\": 4, \"4.1\": 4, \"4.2\": 4, \"4.3\": 4, \"5.1\": 4, \"5.2\": 4,"
                        + " \"5.3\": 4, \"6.1\": 5, \"6.2\": 5, \"7.1\": 5, \"7.2\": 5, \"8.1\": 5}}"))
                .andExpect(status().isOk()));
        assertThat(e.get("total").asInt()).isEqualTo(85);
        assertThat(e.get("grade").get("name").asText()).isEqualTo("一类");
        JsonNode vetoed = read(mvc.perform(post("/api/grading-schemes/" + id + "/evaluate").with(users.as("cun"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"scores\": {\"1.1\": 4}, \"vetoes\": [2]}")));
        assertThat(vetoed.get("grade").get("name").asText()).isEqualTo("三类");
        mvc.perform(post("/api/grading-schemes/" + id + "/evaluate").with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\": {\"1.1\": 5}}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("0 到 4 分")));
    }

    @Test
    void anAdministratorAdaptsACopyWhileTheShippedStandardStays() throws Exception {
        long shipped = scheme("FIVE_GOOD_COMMUNITY");
        mvc.perform(post("/api/grading-schemes/" + shipped + "/copy").with(users.as("zhen"))).andExpect(status().isForbidden());
        JsonNode copy = read(mvc.perform(post("/api/grading-schemes/" + shipped + "/copy").with(users.as("admin")))
                .andExpect(status().isCreated()));
        String text = "【维度】领导班子好\n- 团结协作 50\n【维度】群众反映好\n- 群众满意 50\n【等次】好 90 先进类\n【等次】较好 75 一般类\n"
                + "【等次】一般 60 一般类\n【等次】较差 0 后进类\n【一票否决】班子瘫痪\n";
        mvc.perform(put("/api/grading-schemes/" + shipped).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", "改", "standard", text, "version", 0))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("先复制")));
        mvc.perform(put("/api/grading-schemes/" + copy.get("id").asLong()).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", "好较好一般较差", "standard", text.replace("【等次】较差 0", "【等次】较差 5"),
                                "version", copy.get("version").asLong()))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("分数线应为 0")));
        JsonNode revised = read(mvc.perform(put("/api/grading-schemes/" + copy.get("id").asLong()).with(users.as("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", "好较好一般较差", "standard", text, "version", copy.get("version").asLong()))))
                .andExpect(status().isOk()));
        assertThat(revised.get("standard").get("grades")).hasSize(4);
        assertThat(read(mvc.perform(get("/api/grading-schemes/" + shipped).with(users.as("admin"))))
                .get("standard").get("grades")).hasSize(3);
        mvc.perform(get("/grading-schemes/" + copy.get("id").asLong()).with(users.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("较差")));
    }

    /** {@code GET} gives a scheme as JSON; that JSON, changed or not, is what {@code PUT} takes back (before, only the text). */
    @Test
    void whatGetReturnsIsWhatPutTakesBack() throws Exception {
        long shipped = scheme("FIVE_GOOD_VILLAGE");
        long id = read(mvc.perform(post("/api/grading-schemes/" + shipped + "/copy").with(users.as("admin")))
                .andExpect(status().isCreated())).get("id").asLong();
        String url = "/api/grading-schemes/" + id;
        tools.jackson.databind.node.ObjectNode got = (tools.jackson.databind.node.ObjectNode)
                read(mvc.perform(get(url).with(users.as("admin"))).andExpect(status().isOk()));
        JsonNode standardBefore = got.get("standard").deepCopy();

        // unchanged: taken, and the standard is what it was
        JsonNode same = read(mvc.perform(put(url).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(got.toString())).andExpect(status().isOk()));
        assertThat(same.get("standard")).isEqualTo(standardBefore);
        assertThat(same.get("version").asLong()).isGreaterThan(got.get("version").asLong());

        // changed as a client changes what it read: a new name, a criterion worth more, a higher 先进 line
        tools.jackson.databind.node.ObjectNode changed = (tools.jackson.databind.node.ObjectNode) same.deepCopy();
        changed.put("name", "村党组织“五个好”标准（本市修订）");
        tools.jackson.databind.node.ObjectNode firstCriterion = (tools.jackson.databind.node.ObjectNode)
                changed.get("standard").get("dimensions").get(0).get("criteria").get(0);
        int points = firstCriterion.get("points").asInt();
        firstCriterion.put("points", points + 1);
        ((tools.jackson.databind.node.ObjectNode) changed.get("standard").get("grades").get(0)).put("minimum", 86);
        JsonNode revised = read(mvc.perform(put(url).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(changed.toString())).andExpect(status().isOk()));
        JsonNode again = read(mvc.perform(get(url).with(users.as("admin"))).andExpect(status().isOk()));
        assertThat(again.get("name").asText()).isEqualTo("村党组织“五个好”标准（本市修订）");
        assertThat(again.get("standard").get("dimensions").get(0).get("criteria").get(0).get("points").asInt()).isEqualTo(points + 1);
        assertThat(again.get("standard").get("grades").get(0).get("minimum").asInt()).isEqualTo(86);
        assertThat(again.get("standard")).isEqualTo(revised.get("standard"));
        String stored = jdbc.sql("select standard from grading_scheme where id = :id").param("id", id).query(String.class).single();

        // what cannot change this way, a structure breaking the standard's rules, a field no standard has: refused, nothing saved
        tools.jackson.databind.node.ObjectNode otherField = (tools.jackson.databind.node.ObjectNode) again.deepCopy();
        otherField.put("field", "TOWN");
        mvc.perform(put(url).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(otherField.toString()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("“field”不能通过修改标准来改变")));
        tools.jackson.databind.node.ObjectNode notZero = (tools.jackson.databind.node.ObjectNode) again.deepCopy();
        tools.jackson.databind.node.ArrayNode grades = (tools.jackson.databind.node.ArrayNode) notZero.get("standard").get("grades");
        ((tools.jackson.databind.node.ObjectNode) grades.get(grades.size() - 1)).put("minimum", 5);
        mvc.perform(put(url).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(notZero.toString()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("分数线应为 0")));
        tools.jackson.databind.node.ObjectNode stray = (tools.jackson.databind.node.ObjectNode) again.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) stray.get("standard").get("dimensions").get(0)).put("weight", 2);
        mvc.perform(put(url).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(stray.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不接受的字段：standard.dimensions[0].weight")));
        assertThat(jdbc.sql("select standard from grading_scheme where id = :id").param("id", id).query(String.class).single())
                .isEqualTo(stored);

        // the typed text is still taken
        String text = "【维度】领导班子好\n- 团结协作 50\n【维度】群众反映好\n- 群众满意 50\n【等次】先进 85 先进类\n【等次】一般 60 一般类\n"
                + "【等次】后进 0 后进类\n";
        JsonNode typed = read(mvc.perform(put(url).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", "两维度", "standard", text, "version", again.get("version").asLong()))))
                .andExpect(status().isOk()));
        assertThat(typed.get("standard").get("dimensions")).hasSize(2);
    }
}
