package cn.tierup.organization;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

    /**
     * The database's tree order ({@code order by sort_key, path}) is the sort key's order as plain text, and the key is
     * unique: pages that put a short list of many lines in order in Java (the upgrade overview) rely on it.
     */
    @Test
    void theTreeOrderIsTheSortKeyComparedAsPlainText() {
        List<String> inTheDatabasesOrder = jdbc.sql("select sort_key from organization order by sort_key, path")
                .query(String.class).list();
        assertThat(inTheDatabasesOrder).hasSizeGreaterThan(200).doesNotContainNull().doesNotHaveDuplicates();
        List<String> inJava = new ArrayList<>(inTheDatabasesOrder);
        inJava.sort(java.util.Comparator.naturalOrder());
        assertThat(inTheDatabasesOrder).isEqualTo(inJava);
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

    /** An organisation created with a grading authority other than its parent (the new row is not yet written when asked). */
    @Test
    void anOrganisationIsCreatedWithItsOwnGradingAuthority() throws Exception {
        long town = id("中共彭州市丽春镇委员会");
        long agencies = id("中共彭州市直属机关工作委员会");
        String body = """
                {"parentId": %d, "gradingAuthorityId": %d,
                 "organization": {"name": "中共彭州市丽春镇机关评定村支部委员会", "kind": "BRANCH", "field": "VILLAGE"}}
                """.formatted(town, agencies);
        mvc.perform(post("/api/orgs").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.effectiveGradingAuthorityId").value(agencies));
        // the organisation department's choice: a town's account may not make it
        mvc.perform(post("/api/orgs").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("机关评定村", "机关评定二村")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from organization where name = '中共彭州市丽春镇机关评定二村支部委员会'")
                .query(Long.class).single()).isZero();
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

    /** The names in a sheet's first column from row 3 (under the title, subtitle and header), before the total. */
    static List<String> firstColumn(byte[] xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            List<String> names = new ArrayList<>();
            for (int r = 3; r < s.getLastRowNum(); r++) {
                names.add(s.getRow(r).getCell(0).getStringCellValue());
            }
            return names;
        }
    }

    /**
     * Organisations sort by the 排序号 their office gives them among their parent's, then by pinyin — never by
     * character code — the same in the tree, the list page, the API and the .xlsx. Under a committee of its own:
     * 工业开发区 (gōng) before 三界镇 (sān) by pinyin though 三 comes first by character code; with 排序号 (the towns
     * first, as offices list them) 三界镇 leads.
     */
    @Test
    void organisationsSortBy排序号ThenByPinyinOnScreenAndInTheSpreadsheet() throws Exception {
        long city = id("中共彭州市委员会");
        JsonNode root = create("admin", city, "排序测试党委", "COMMITTEE");
        long parent = root.get("id").asLong();
        JsonNode park = create("admin", parent, "排序测试工业开发区支部", "BRANCH");
        JsonNode town = create("admin", parent, "排序测试三界镇支部", "BRANCH");
        JsonNode bureau = create("admin", parent, "排序测试财政局支部", "BRANCH");
        assertThat("三界镇".compareTo("工业开发区")).as("by character code 三 comes first").isNegative();

        List<String> pinyin = List.of("排序测试财政局支部", "排序测试工业开发区支部", "排序测试三界镇支部");
        assertThat(apiChildren(parent)).containsExactlyElementsOf(pinyin);
        String tree = mvc.perform(get("/orgs/" + parent + "/children").with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(order(tree, pinyin)).containsExactlyElementsOf(pinyin);
        String list = mvc.perform(get("/orgs").param("under", "" + parent).with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(order(list, pinyin)).containsExactlyElementsOf(pinyin);
        byte[] xlsx = mvc.perform(get("/orgs/export.xlsx").param("under", "" + parent).with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(firstColumn(xlsx)).containsExactly("排序测试党委", pinyin.get(0), pinyin.get(1), pinyin.get(2));

        // the office numbers its units: the town first, then the development zone, the bureau unnumbered (last)
        renumber(town, 1);
        renumber(park, 2);
        List<String> numbered = List.of("排序测试三界镇支部", "排序测试工业开发区支部", "排序测试财政局支部");
        assertThat(apiChildren(parent)).containsExactlyElementsOf(numbered);
        tree = mvc.perform(get("/orgs/" + parent + "/children").with(users.as("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(order(tree, numbered)).containsExactlyElementsOf(numbered);
        list = mvc.perform(get("/orgs").param("under", "" + parent).with(users.as("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(order(list, numbered)).containsExactlyElementsOf(numbered);
        xlsx = mvc.perform(get("/orgs/export.xlsx").param("under", "" + parent).with(users.as("admin")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(firstColumn(xlsx)).containsExactly("排序测试党委", numbered.get(0), numbered.get(1), numbered.get(2));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            int column = -1;
            for (int c = 0; c < s.getRow(2).getLastCellNum(); c++) {
                if ("排序号".equals(s.getRow(2).getCell(c).getStringCellValue())) {
                    column = c;
                }
            }
            assertThat(column).as("the 排序号 column, as the import reads it").isPositive();
            assertThat(s.getRow(4).getCell(column).getNumericCellValue()).isEqualTo(1);
        }
        // a bad 排序号 is refused with what to fix, nothing changed
        mvc.perform(put("/api/orgs/" + bureau.get("id").asLong()).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": %d, "organization": {"name": "排序测试财政局支部", "kind": "BRANCH", "field": "VILLAGE", "sortOrder": 0}}
                                """.formatted(bureau.get("version").asLong())))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.detail", containsString("排序号应为 1 到 99999")));

        // the demo city lists its towns by 排序号, then its departments
        List<String> cityUnits = apiChildren(city);
        assertThat(cityUnits.subList(0, 4)).containsExactly("中共彭州市天彭镇委员会", "中共彭州市致和镇委员会",
                "中共彭州市濛阳镇委员会", "中共彭州市丽春镇委员会");
        assertThat(cityUnits.indexOf("中共彭州市三界镇委员会")).isLessThan(cityUnits.indexOf("中共彭州市直属机关工作委员会"));
        assertThat(cityUnits.indexOf("排序测试党委")).as("unnumbered, after the numbered ones")
                .isGreaterThan(cityUnits.indexOf("中共彭州市司法局委员会"));
    }

    void renumber(JsonNode org, int sortOrder) throws Exception {
        long orgId = org.get("id").asLong();
        JsonNode now = json.readTree(mvc.perform(get("/api/orgs/" + orgId).with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString());
        mvc.perform(put("/api/orgs/" + orgId).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": %d, "organization": {"name": "%s", "kind": "BRANCH", "field": "VILLAGE", "sortOrder": %d}}
                                """.formatted(now.get("version").asLong(), now.get("name").asText(), sortOrder)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sortOrder").value(sortOrder));
    }

    List<String> apiChildren(long parent) throws Exception {
        JsonNode children = json.readTree(mvc.perform(get("/api/orgs/" + parent + "/children").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> names = new ArrayList<>();
        children.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    /** The names as they come in a page, in the order they first appear. */
    static List<String> order(String html, List<String> names) {
        return names.stream().sorted(java.util.Comparator.comparingInt(n -> {
            int i = html.indexOf(">" + n + "<");
            assertThat(i).as(n + " on the page").isNotNegative();
            return i;
        })).toList();
    }

    /** A committee's page and the tree show its subtree's members beside its own roll (农业局党委: 0 of its own, 135 in its six branches). */
    @Test
    void aCommitteeShowsTheMembersOfItsWholeSubtreeBesideItsOwnRoll() throws Exception {
        long agriculture = id("中共彭州市农业局委员会");
        long own = jdbc.sql("select count(*) from member where organization_id = :o and status = 'ACTIVE'"
                + " and category in ('FULL', 'PROBATIONARY')").param("o", agriculture).query(Long.class).single();
        long subtree = jdbc.sql("select count(*) from member m join organization o on o.id = m.organization_id"
                + " where o.path like (select path from organization where id = :o) || '%' and o.retired = false"
                + " and m.status = 'ACTIVE' and m.category in ('FULL', 'PROBATIONARY')").param("o", agriculture)
                .query(Long.class).single();
        assertThat(own).isZero();
        // the demo's six branches hold 29 + 34 + 6 + 9 + 4 + 53; other classes in this shared context may add to them,
        // so what is checked below is that every page shows what the rolls hold now
        assertThat(subtree).isGreaterThanOrEqualTo(29 + 34 + 6 + 9 + 4 + 53);
        JsonNode view = json.readTree(mvc.perform(get("/api/orgs/" + agriculture).with(users.as("admin"))).andReturn()
                .getResponse().getContentAsString());
        assertThat(view.get("memberCount").asLong()).isZero();
        assertThat(view.get("subtreeMemberCount").asLong()).isEqualTo(subtree);
        String page = mvc.perform(get("/orgs/" + agriculture).with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本级 0 名，所属组织共 " + subtree + " 名");
        long agencies = id("中共彭州市直属机关工作委员会");
        String tree = mvc.perform(get("/orgs/" + agencies + "/children").with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(tree).contains("本级0名，所属组织共" + subtree + "名党员");
        JsonNode children = json.readTree(mvc.perform(get("/api/orgs/" + agencies + "/children").with(users.as("admin")))
                .andReturn().getResponse().getContentAsString());
        children.forEach(c -> {
            if (c.get("id").asLong() == agriculture) {
                assertThat(c.get("subtreeMemberCount").asLong()).isEqualTo(subtree);
            } else if (c.get("childCount").asLong() == 0) {
                assertThat(c.get("subtreeMemberCount").asLong()).isEqualTo(c.get("memberCount").asLong());
            }
        });
    }
}
