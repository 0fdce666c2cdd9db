package cn.tierup.identity;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@IntegrationTest
class AccountApiIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    long orgOf(String username) {
        return jdbc.sql("select organization_id from account where username = :u").param("u", username).query(Long.class).single();
    }

    long accounts(String username) {
        return jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single();
    }

    static String body(String username, String displayName, long org, String role, String password, boolean enabled) {
        return """
                {"username": "%s", "displayName": "%s", "organizationId": %d, "role": "%s", "password": "%s", "enabled": %s}
                """.formatted(username, displayName, org, role, password, enabled);
    }

    ResultActions create(String as, String body) throws Exception {
        return mvc.perform(post("/api/accounts").with(users.as(as)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode created(String body) throws Exception {
        String out = create("admin", body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(out);
    }

    @Test
    void anAdministratorCreatesAnAccountBoundToAnOrganisationInScopeThatCanThenLogIn() throws Exception {
        long village = orgOf("cun");
        JsonNode a = created(body("acct-new", "周新书记", village, "BRANCH", "Branch2026pass", true));
        assertThat(a.get("organizationId").asLong()).isEqualTo(village);
        assertThat(a.get("organizationName").asText()).contains("丽春镇");
        assertThat(a.get("role").asText()).isEqualTo("BRANCH");
        assertThat(a.get("enabled").asBoolean()).isTrue();
        mvc.perform(get("/api/accounts/" + a.get("id").asLong()).with(users.as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("acct-new"));
        mvc.perform(get("/api/me").with(httpBasic("acct-new", "Branch2026pass")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organizationId").value(village));
    }

    /** People read names, and Chinese names sort by pinyin: 阿明, 李四, 张三 — never by login name. */
    @Test
    void accountsOfOneOrganisationAreListedByTheirNamesInPinyinOrder() throws Exception {
        long village = orgOf("cun");
        created(body("zz-amin", "排序阿明", village, "MEMBER", "Member2026pass", true));
        created(body("aa-zhangsan", "排序张三", village, "MEMBER", "Member2026pass", true));
        created(body("mm-lisi", "排序李四", village, "MEMBER", "Member2026pass", true));
        String out = mvc.perform(get("/api/accounts").param("q", "排序").param("size", "100").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        json.readTree(out).get("items").forEach(a -> names.add(a.get("displayName").asText()));
        assertThat(names).containsExactly("排序阿明", "排序李四", "排序张三");
    }

    @Test
    void onlyAccountManagersManageAccountsSoASupervisorIsRefused() throws Exception {
        long village = orgOf("cun");   // inside 丽春镇, the supervisor's own subtree
        create("zhen", body("acct-by-zhen", "越权新建", village, "BRANCH", "Branch2026pass", true))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("没有权限")));
        assertThat(accounts("acct-by-zhen")).isZero();
        long cun = jdbc.sql("select id from account where username = 'cun'").query(Long.class).single();
        mvc.perform(get("/api/accounts").with(users.as("zhen"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/accounts/" + cun).with(users.as("zhen"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/accounts/" + cun + "/password").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\": \"Taken2026over\"}")).andExpect(status().isForbidden());
        mvc.perform(formLogin("/login").user("cun").password("Taken2026over")).andExpect(unauthenticated());
    }

    @Test
    void aWeakPasswordIsRefusedInChineseAndCreatesNothing() throws Exception {
        long village = orgOf("cun");
        for (String weak : List.of("abc123", "onlyletters", "12345678", "")) {
            create("admin", body("acct-weak", "弱密码", village, "BRANCH", weak, true))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail").value("密码至少 8 位，并且要同时包含字母和数字。"));
        }
        assertThat(accounts("acct-weak")).isZero();
    }

    @Test
    void aTakenUsernameIsRefusedInChineseAndCreatesNothing() throws Exception {
        long village = orgOf("cun");
        created(body("acct-dup", "第一个", village, "BRANCH", "Branch2026pass", true));
        for (String taken : List.of("acct-dup", "zhen")) {
            create("admin", body(taken, "第二个", village, "MEMBER", "Member2026pass", true))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail").value("账户名“" + taken + "”已被使用，请换一个。"));
            assertThat(accounts(taken)).isEqualTo(1);
        }
        assertThat(jdbc.sql("select display_name from account where username = 'acct-dup'").query(String.class).single())
                .isEqualTo("第一个");
    }

    @Test
    void aDisabledAccountCannotLogInUntilItIsEnabled() throws Exception {
        long village = orgOf("cun");
        JsonNode a = created(body("acct-off", "停用人员", village, "MEMBER", "Member2026pass", false));
        mvc.perform(formLogin("/login").user("acct-off").password("Member2026pass"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=disabled"));
        mvc.perform(get("/api/me").with(httpBasic("acct-off", "Member2026pass"))).andExpect(status().isUnauthorized());

        mvc.perform(put("/api/accounts/" + a.get("id").asLong()).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("acct-off", "停用人员", village, "MEMBER", "", true).replace("}", ", \"version\": "
                                + a.get("version").asLong() + "}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(formLogin("/login").user("acct-off").password("Member2026pass"))
                .andExpect(authenticated().withUsername("acct-off")).andExpect(redirectedUrl("/"));
    }

    @Test
    void theCreationIsAuditedAndThePasswordHashAppearsNeitherThereNorInAnyAnswer() throws Exception {
        long village = orgOf("cun");
        List<String> answers = new ArrayList<>();
        JsonNode a = created(body("acct-audit", "审计对象", village, "BRANCH", "Secret2026pass", true));
        answers.add(a.toString());
        long id = a.get("id").asLong();
        String hash = jdbc.sql("select password_hash from account where id = :id").param("id", id).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2");

        List<String> trail = jdbc.sql("select actor || '|' || action || '|' || coalesce(summary, '') || '|'"
                        + " || coalesce(before_state, '') || '|' || coalesce(after_state, '')"
                        + " from audit_entry where entity_type = 'Account' and entity_id = :id")
                .param("id", String.valueOf(id)).query(String.class).list();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0)).startsWith("admin|CREATE|").contains("acct-audit");

        answers.add(mvc.perform(post("/api/accounts/" + id + "/password").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\": \"Secret2027pass\"}"))
                .andExpect(status().isNoContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String newHash = jdbc.sql("select password_hash from account where id = :id").param("id", id).query(String.class).single();
        for (String path : List.of("/api/accounts/" + id, "/api/accounts?q=acct-audit", "/api/audit?org=" + village,
                "/accounts?q=acct-audit", "/accounts/" + id + "/edit")) {
            answers.add(mvc.perform(get(path).with(users.as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
        }
        trail = jdbc.sql("select coalesce(summary, '') || coalesce(before_state, '') || coalesce(after_state, '')"
                        + " from audit_entry where entity_type = 'Account' and entity_id = :id")
                .param("id", String.valueOf(id)).query(String.class).list();
        assertThat(trail).hasSize(2);
        assertThat(answers).as("the audit API lists the creation").anySatisfy(text -> assertThat(text).contains("新建账户 acct-audit"));
        for (String text : concat(trail, answers)) {
            assertThat(text).doesNotContain(hash, hash.substring("{bcrypt}".length()), newHash.substring("{bcrypt}".length()),
                    "Secret2026pass", "Secret2027pass", "passwordHash", "password_hash");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
