package cn.tierup.organization;

import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A town of one test class's own for the roll: its villages and people added over the API as the city's administrator. */
final class RollTown extends OwnTown {

    RollTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, String name) throws Exception {
        super(mvc, users, jdbc, json, name);
    }

    /** A full member of {@code org}, born in {@code born}, with the phone given (null: none). */
    long member(long org, String name, String sex, int born, String phone) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("sex", sex);
        body.put("ethnicity", "汉族");
        body.put("birthDate", born + "-03-01");
        body.put("category", "FULL");
        body.put("joinedOn", (born + 25) + "-07-01");
        body.put("regularizedOn", (born + 26) + "-07-01");
        if (phone != null) {
            body.put("phone", phone);
        }
        return admin(post("/api/orgs/{orgId}/members", org), body, 201).get("id").asLong();
    }
}
