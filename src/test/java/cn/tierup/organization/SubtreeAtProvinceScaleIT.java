package cn.tierup.organization;

import cn.tierup.identity.AccountBootstrap;
import cn.tierup.identity.AccountPrincipal;
import cn.tierup.identity.Role;
import cn.tierup.organization.internal.OrganizationQueries;
import cn.tierup.setup.ProvinceDataGenerator;
import cn.tierup.shared.PageResult;
import cn.tierup.testsupport.StatementLog;
import cn.tierup.testsupport.StatementLog.Recorded;
import cn.tierup.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree stays one indexed query at province scale (about 100,000 organisations in five levels): a
 * subtree page with its total is a single statement, the database plans it on the path index, and it is
 * right. No timings here — speed is measured by {@code SubtreeBenchmark}.
 */
@SpringBootTest(properties = "tierup.demo.enabled=false")
@Import(StatementLog.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubtreeAtProvinceScaleIT {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationQueries queries;
    @Autowired OrganizationService service;
    @Autowired AccountBootstrap accounts;
    @Autowired UserDetailsService users;
    @Autowired TransactionTemplate tx;

    ProvinceDataGenerator.Result province;
    long county;
    String countyPath;

    @BeforeAll
    void generateTheProvince() {
        province = new ProvinceDataGenerator(dataSource).generate(ProvinceDataGenerator.Options.province());
        System.out.println("Generated " + province.organizations() + " organisations in " + province.millis() + " ms");
        tx.executeWithoutResult(s -> accounts.create("shengwei", "省委组织部管理员", "tierup2026", province.rootId(), Role.ADMIN));
        county = province.firstCountyId();
        countyPath = pathOf(county);
    }

    @BeforeEach
    void logInAsTheProvince() {
        AccountPrincipal p = (AccountPrincipal) users.loadUserByUsername("shengwei");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theProvinceHasAHundredThousandOrganisationsInFiveLevelsWithConsistentPaths() {
        assertThat(province.organizations()).isBetween(95_000, 105_000);
        assertThat(count("select count(*) from organization")).isEqualTo(province.organizations());
        assertThat(count("select max(depth) from organization")).isEqualTo(4);
        assertThat(count("select count(distinct depth) from organization")).isEqualTo(5);
        assertThat(count("select count(*) from organization o join organization p on p.id = o.parent_id"
                + " where o.path <> p.path || cast(o.id as varchar(20)) || '/' or o.depth <> p.depth + 1")).isZero();
        assertThat(count("select count(*) from organization where parent_id is null")).isEqualTo(1);
        assertThat(count("select count(*) from organization c join organization p on p.id = c.parent_id"
                + " where p.kind = 'BRANCH'")).isZero();
    }

    @Test
    void theApplicationsNextOrganisationTakesAFreshId() {
        long max = count("select max(id) from organization");
        OrganizationView created = service.create(province.firstTownId(), new OrganizationDetails(
                "中共成都市青羊区天彭街道规模测试社区支部委员会", OrgKind.BRANCH, Field.COMMUNITY, "周书记", null, null,
                null, null, null, null, null), null);
        assertThat(created.id()).isGreaterThan(max);
        assertThat(created.path()).isEqualTo(pathOf(province.firstTownId()) + created.id() + "/");
    }

    @Test
    void aCountySubtreePageIsOneStatementOnThePathIndexAndRight() throws SQLException {
        Recorded<PageResult<OrganizationRow>> r = StatementLog.record(
                () -> queries.subtree(countyPath, null, null, null, false, 0, 20));

        // the page, then the members of the subtrees of its rows with organisations under them, in one union
        assertThat(r.statements()).hasSize(2);
        assertPlannedOnThePathIndex(r.statements().get(0), countyPath);
        assertThat(r.statements().get(1)).contains("count(*) as n from member").contains("s.path like '" + countyPath + "%'");
        assertRightPage(r.result(), county, 0);
    }

    @Test
    void aLaterPageOfATownIsRightToo() {
        String townPath = pathOf(province.firstTownId());
        Recorded<PageResult<OrganizationRow>> r = StatementLog.record(
                () -> queries.subtree(townPath, null, null, null, false, 2, 20));

        assertThat(r.statements()).hasSize(1);
        assertRightPage(r.result(), province.firstTownId(), 2);
    }

    @Test
    void theProvinceAdministratorsListIsOneTreeStatementAfterTheScopeLookUp() {
        Recorded<PageResult<OrganizationRow>> r = StatementLog.record(() -> service.search(OrganizationCriteria.all()));

        // The guard reads the user's own organisation by primary key; the list itself is one statement, and the
        // members of the subtrees of the page's rows with organisations under them one more, whatever the number
        // of rows (a literal prefix count each, on the path index, in one union)
        assertThat(r.statements()).hasSize(3);
        assertThat(r.statements().get(0)).contains("from organization where id = ?");
        assertThat(r.statements().get(1)).contains("o.path like '" + pathOf(province.rootId()) + "%'");
        assertThat(r.statements().get(2)).contains("count(*) as n from member")
                .contains("s.path like '" + pathOf(province.rootId()) + "%'");
        assertThat(r.result().items().get(0).subtreeMemberCount()).isEqualTo(count("select count(*) from member m"
                + " join organization s on s.id = m.organization_id where s.retired = false and m.status = 'ACTIVE'"
                + " and m.category in ('FULL', 'PROBATIONARY')"));
        assertThat(r.result().total()).isEqualTo(count("select count(*) from organization where retired = false"));
        assertThat(r.result().items()).hasSize(20);
        assertThat(r.result().items().get(0).id()).isEqualTo(province.rootId());
        assertThat(r.result().items().get(0).childCount()).isEqualTo(ProvinceDataGenerator.Options.province().cities());
    }

    @Test
    void theProvinceAdministratorsSearchInACountyIsPlannedOnThePathIndex() throws SQLException {
        Recorded<PageResult<OrganizationRow>> r = StatementLog.record(() -> service.search(
                new OrganizationCriteria(county, null, null, null, false, 0, 20)));

        List<String> tree = r.statements().stream().filter(s -> s.contains("total_rows")).toList();
        assertThat(tree).hasSize(1);
        // the members of the subtrees of the page's rows that have organisations under them: one more statement
        List<String> subtreeCounts = r.statements().stream().filter(s -> s.contains("count(*) as n from member")).toList();
        assertThat(subtreeCounts).hasSize(1);
        assertThat(r.statements()).hasSize(5);
        // everything else is the guard's look-up of the user's and the county's organisation by primary key
        assertThat(r.statements()).filteredOn(s -> !tree.contains(s) && !subtreeCounts.contains(s))
                .allSatisfy(s -> assertThat(s).contains("from organization where id = ?"));
        assertPlannedOnThePathIndex(tree.get(0), countyPath);
        assertRightPage(r.result(), county, 0);
    }

    /** The page against the tree walked by parent ids, without the path. */
    private void assertRightPage(PageResult<OrganizationRow> page, long top, int pageNo) {
        String descendants = "(o.id = :top or o.parent_id = :top"
                + " or o.parent_id in (select id from organization where parent_id = :top)"
                + " or o.parent_id in (select id from organization where parent_id in"
                + " (select id from organization where parent_id = :top))"
                + " or o.parent_id in (select id from organization where parent_id in (select id from organization"
                + " where parent_id in (select id from organization where parent_id = :top))))";
        long expectedTotal = jdbc.sql("select count(*) from organization o where o.retired = false and " + descendants)
                .param("top", top).query(Long.class).single();
        List<Long> expectedIds = jdbc.sql("select o.id from organization o where o.retired = false and " + descendants
                        // the application's order: the stored sort key (排序号, then pinyin), then the path
                        + " order by o.sort_key, o.path limit 20 offset " + pageNo * 20)
                .param("top", top).query(Long.class).list();

        assertThat(expectedTotal).isGreaterThan(pageNo * 20L + 20);
        assertThat(page.total()).isEqualTo(expectedTotal);
        assertThat(page.items()).extracting(OrganizationRow::id).containsExactlyElementsOf(expectedIds);
        for (OrganizationRow row : page.items()) {
            assertThat(row.childCount()).isEqualTo(count("select count(*) from organization where parent_id = "
                    + row.id() + " and retired = false"));
            if (row.parentId() != null) {
                assertThat(row.parentName()).isEqualTo(jdbc.sql("select name from organization where id = :id")
                        .param("id", row.parentId()).query(String.class).single());
            }
        }
    }

    /** EXPLAIN of the very statement the application prepared, with the values it bound. */
    private void assertPlannedOnThePathIndex(String sql, String prefix) throws SQLException {
        assertThat(sql).contains("o.path like '" + prefix + "%'").contains("limit ? offset ?");
        List<String> plan = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("explain " + sql)) {
            ps.setInt(1, 20);
            ps.setLong(2, 0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        String text = String.join("\n", plan);
        System.out.println("Plan of the subtree page under " + prefix + ":\n" + text);
        if (TestDatabases.postgres()) {
            assertThat(text).containsPattern("(Bitmap )?Index (Only )?Scan (using|on) organization_path_prefix_idx");
            assertThat(text).doesNotContain("Seq Scan on organization");
        } else {
            // H2 turns the prefix into a range on the unique index of path
            assertThat(text).contains("organization_path_uk: path >= '" + prefix + "'");
            assertThat(text).doesNotContain("organization.tableScan");
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String pathOf(long id) {
        return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
    }
}
