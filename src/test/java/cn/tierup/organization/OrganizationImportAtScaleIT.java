package cn.tierup.organization;

import cn.tierup.identity.AccountBootstrap;
import cn.tierup.identity.AccountPrincipal;
import cn.tierup.identity.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A file above the old limit of 5,000 organisations, written whole. A context of its own (a city and a town, no demo
 * data): 6,000 more organisations in the shared demo city would make every later test's city-wide pages slower
 * (on H2 the pledge journey took 44 → 78 s when they sat under 丽春镇, 53 s under a town of their own).
 */
@SpringBootTest(properties = "tierup.demo.enabled=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationImportAtScaleIT {

    static final String CITY = "中共规模导入市委员会";
    static final String TOWN = "中共规模导入市批量镇委员会";
    static final String ADMIN = "gmdr-admin";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationBootstrap orgs;
    @Autowired AccountBootstrap accounts;
    @Autowired UserDetailsService users;
    @Autowired TransactionTemplate tx;

    @BeforeAll
    void aCityWithATown() {
        tx.executeWithoutResult(s -> {
            Organization city = orgs.root(details(CITY, OrgKind.COMMITTEE, Field.AGENCY));
            orgs.child(city, details(TOWN, OrgKind.COMMITTEE, Field.TOWN));
            accounts.create(ADMIN, "规模导入管理员", "tierup2026", city.getId(), Role.ADMIN);
        });
    }

    static OrganizationDetails details(String name, OrgKind kind, Field field) {
        return new OrganizationDetails(name, kind, field, null, null, null, null, null, null, null, null);
    }

    RequestPostProcessor admin() {
        AccountPrincipal p = (AccountPrincipal) users.loadUserByUsername(ADMIN);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    /**
     * 30 总支 under the town and 200 支部 under each (rows naming a row above as their parent), one with a grading
     * authority of its own: more than the 500 rows written between two flushes and the 1,000 names looked up at a
     * time. Written whole, each in its place in the tree (path, depth, sort key under its parent's) and audited one by
     * one, as a form's would be.
     */
    @Test
    void aTreeOfSixThousandOrganisationsIsWrittenWholeEachInItsPlaceAndAudited() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int g = 1; g <= 30; g++) {
            String general = "规模导入镇批量" + g + "村总支部委员会";
            rows.add(List.of(general, TOWN, "党总支", "村"));
            for (int b = 1; b <= 200; b++) {
                List<String> row = new ArrayList<>(List.of("规模导入镇批量" + g + "村第" + b + "党支部", general,
                        "党支部", "村", "", "", "", "", "", "", "", ""));
                if (g == 1 && b == 1) {
                    row.set(11, TOWN);
                }
                rows.add(row);
            }
        }
        mvc.perform(multipart("/api/import/orgs").file(new MockMultipartFile("file", "orgs.xlsx", null, FilledTemplate.fill(mvc, admin(), "orgs", rows))).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(6030));
        String batch = "o.name like '规模导入镇批量%'";
        assertThat(count("select count(*) from organization o where " + batch)).isEqualTo(6030);
        assertThat(count("select count(*) from organization o join organization p on p.id = o.parent_id where " + batch
                + " and o.path = p.path || o.id || '/' and o.depth = p.depth + 1 and o.sort_key like p.sort_key || '%'"
                + " and length(o.sort_key) = length(p.sort_key) + " + Organization.SORT_SEGMENT))
                .as("every organisation in its place under its parent").isEqualTo(6030);
        assertThat(count("select count(*) from organization o join organization p on p.id = o.parent_id where " + batch
                + " and p.name = '" + TOWN + "'")).isEqualTo(30);
        long town = count("select id from organization where name = '" + TOWN + "'");
        assertThat(count("select grading_authority_id from organization where name = '规模导入镇批量1村第1党支部'"))
                .isEqualTo(town);
        assertThat(count("select count(*) from organization o where " + batch + " and grading_authority_id is not null")).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry a join organization o on a.entity_id = cast(o.id as varchar(20))"
                + " where a.entity_type = 'Organization' and a.action = 'CREATE' and a.actor = '" + ADMIN + "'"
                + " and a.organization_id = o.id and a.organization_path = o.path and " + batch))
                .as("one audit entry per organisation").isEqualTo(6030);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
