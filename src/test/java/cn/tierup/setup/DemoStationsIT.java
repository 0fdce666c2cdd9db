package cn.tierup.setup;

import cn.tierup.identity.AccountPrincipal;
import cn.tierup.reporting.StationSurveyTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's 远程教育站点 as a new user meets them: last year's campaign has a decided grade for the stations on
 * the registry then, of all three classes, each decided by an account of the host's grading authority and never by
 * the host; and 附件5 counts as surveyed exactly the stations whose host handed its 自查报告 in this year. Everything is
 * computed from the records, nothing counted by hand.
 *
 * <p>The same context as {@link DemoPastYearsIT}; nothing here changes anything.
 */
@SpringBootTest(properties = {"tierup.demo.enabled=true", "tierup.demo.campaign=true"})
class DemoStationsIT {

    @Autowired JdbcClient jdbc;
    @Autowired StationSurveyTable stationSurvey;
    @Autowired UserDetailsService users;

    long root;
    String rootPath;

    @BeforeEach
    void demoCity() {
        root = jdbc.sql("select id from organization where name = :n").param("n", DemoDataLoader.ROOT_NAME)
                .query(Long.class).single();
        rootPath = jdbc.sql("select path from organization where id = :id").param("id", root).query(String.class).single();
    }

    @AfterEach
    void nobody() {
        SecurityContextHolder.clearContext();
    }

    long campaign(int year) {
        return jdbc.sql("select id from campaign where root_organization_id = :root and campaign_year = :y")
                .param("root", root).param("y", year).query(Long.class).single();
    }

    record Grading(long stationId, long hostId, String status, String decidedLevel, String decidedBy, Long authorityId,
                   String proposedLevel, String reason, int score) {
    }

    @Test
    void lastYearsStationsAreGradedByTheirHostsAuthority() {
        int year = LocalDate.now().getYear() - 1;
        long campaign = campaign(year);
        // the stations on the registry at some time last year, with their host and its grading authority
        Map<Long, long[]> onRegistry = new HashMap<>();
        jdbc.sql("select s.id, o.id, coalesce(o.grading_authority_id, o.parent_id) from station s"
                        + " join organization o on o.id = s.host_organization_id where o.path like :p"
                        + " and s.opened_on <= :end and (s.retired_on is null or s.retired_on >= :start)")
                .param("p", rootPath + "%").param("end", LocalDate.of(year, 12, 31)).param("start", LocalDate.of(year, 1, 1))
                .query(rs -> {
                    onRegistry.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        assertThat(onRegistry).as("the demo's stations last year").hasSizeGreaterThan(100);
        Map<String, Long> accountOrg = new HashMap<>();
        jdbc.sql("select username, organization_id from account").query(rs -> {
            accountOrg.put(rs.getString(1), rs.getLong(2));
        });
        List<Grading> gradings = jdbc.sql("select station_id, host_organization_id, status, decided_level, decided_by,"
                        + " authority_organization_id, proposed_level, decision_reason, score_total"
                        + " from station_grading where campaign_id = :c and grading_round = 'START'").param("c", campaign)
                .query((rs, n) -> new Grading(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getInt(9)))
                .list();

        List<Grading> decided = gradings.stream().filter(g -> "DECIDED".equals(g.status()) && g.decidedLevel() != null)
                .filter(g -> onRegistry.containsKey(g.stationId())).toList();
        assertThat(decided.size()).as("stations of %d with a decided grade, of %d on the registry", year, onRegistry.size())
                .isGreaterThanOrEqualTo(onRegistry.size() * 95 / 100);
        Map<String, Integer> byLevel = new HashMap<>();
        decided.forEach(g -> byLevel.merge(g.decidedLevel(), 1, Integer::sum));
        assertThat(byLevel).as("grades of %d", year).containsOnlyKeys("ADVANCED", "AVERAGE", "LAGGING");
        assertThat(byLevel.get("AVERAGE")).as("most stations 一般")
                .isGreaterThan(byLevel.get("ADVANCED")).isGreaterThan(byLevel.get("LAGGING"));

        List<String> wrong = new ArrayList<>();
        for (Grading g : decided) {
            long[] host = onRegistry.get(g.stationId());
            Long deciderOrg = g.decidedBy() == null ? null : accountOrg.get(g.decidedBy());
            if (g.hostId() != host[0] || g.authorityId() == null || g.authorityId() != host[1] || deciderOrg == null
                    || deciderOrg != host[1] || deciderOrg == host[0] || "admin".equals(g.decidedBy())) {
                wrong.add("station " + g.stationId() + " ← " + g.decidedBy());
            }
            // the self-assessment agrees with the decision, or the decision says why not
            if (!g.decidedLevel().equals(g.proposedLevel()) && (g.reason() == null || g.reason().isBlank())) {
                wrong.add("station " + g.stationId() + " decided otherwise without a reason");
            }
        }
        assertThat(wrong).as("station grades of %d not decided by the host's authority", year).isEmpty();
        assertThat(decided).as("a few decided otherwise than self-assessed")
                .anyMatch(g -> !g.decidedLevel().equals(g.proposedLevel()));
    }

    @Test
    void theSurveySummaryCountsTheStationsOfHostsThatHandedTheirReportIn() {
        long campaign = campaign(LocalDate.now().getYear());
        AccountPrincipal admin = (AccountPrincipal) users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
        StationSurveyTable.Summary summary = stationSurvey.summary(campaign, root);

        // the hosts whose report of this campaign is handed in (待审核 or 已通过)
        Set<Long> handedIn = new HashSet<>(jdbc.sql("select organization_id from survey_report where campaign_id = :c"
                + " and status in ('SUBMITTED', 'ACCEPTED')").param("c", campaign).query(Long.class).list());
        long total = 0;
        for (StationSurveyTable.Line town : summary.children()) {
            String path = jdbc.sql("select path from organization where id = :id").param("id", town.organizationId())
                    .query(String.class).single();
            List<Long> hosts = jdbc.sql("select s.host_organization_id from station s join organization o"
                            + " on o.id = s.host_organization_id where o.path like :p and s.retired_on is null")
                    .param("p", path + "%").query(Long.class).list();
            long expected = hosts.stream().filter(handedIn::contains).count();
            assertThat(town.surveyed()).as("已调查站点 of %s", town.name()).isEqualTo(expected);
            total += expected;
        }
        assertThat(total).as("the demo's stations surveyed this year").isPositive();
    }

    @Test
    void lastYearSomeStationsWereInRectificationAndTheYearEndGradedThem() {
        int year = LocalDate.now().getYear() - 1;
        long campaign = campaign(year);
        Map<Long, String> start = new HashMap<>();
        jdbc.sql("select station_id, decided_level from station_grading where campaign_id = :c and grading_round = 'START'"
                + " and decided_level is not null").param("c", campaign).query(rs -> {
            start.put(rs.getLong(1), rs.getString(2));
        });

        // 丽春镇's 一般 and 后进 stations: a goal each, approved, against the station's own grade
        long lichun = jdbc.sql("select id from organization where name = '中共彭州市丽春镇委员会'").query(Long.class).single();
        List<Long> expected = jdbc.sql("select s.id from station s join organization o on o.id = s.host_organization_id"
                + " where o.parent_id = :t").param("t", lichun).query(Long.class).list().stream()
                .filter(id -> "AVERAGE".equals(start.get(id)) || "LAGGING".equals(start.get(id))).toList();
        assertThat(expected).as("丽春镇's stations graded 一般 or 后进 last year").isNotEmpty();
        Map<Long, String> goals = new HashMap<>();
        jdbc.sql("select station_id, status, grade_level from upgrade_goal where campaign_id = :c and station_id is not null")
                .param("c", campaign).query(rs -> {
                    goals.put(rs.getLong(1), rs.getString(2) + "/" + rs.getString(3));
                });
        assertThat(goals.keySet()).as("stations with a 争创目标").containsExactlyInAnyOrderElementsOf(expected);
        goals.forEach((station, g) -> assertThat(g).as("goal of station %d", station).isEqualTo("APPROVED/" + start.get(station)));
        // their ledgers: every closed line closed on an evidence file by someone other than who put it in; some still open
        List<String> wrongCloses = jdbc.sql("select i.id from rectification_item i where i.campaign_id = :c"
                + " and i.station_id is not null and i.status = 'CLOSED' and (i.closed_by = i.created_by or not exists"
                + " (select 1 from rectification_note n where n.item_id = i.id and n.storage_key is not null))")
                .param("c", campaign).query(String.class).list();
        assertThat(wrongCloses).as("station ledger lines closed without evidence or by their author").isEmpty();
        Map<String, Long> lines = new HashMap<>();
        jdbc.sql("select status, count(*) from rectification_item where campaign_id = :c and station_id is not null"
                + " group by status").param("c", campaign).query(rs -> {
            lines.put(rs.getString(1), rs.getLong(2));
        });
        assertThat(lines.get("CLOSED")).as("closed station ledger lines").isPositive();
        assertThat(lines.getOrDefault("CLOSED", 0L) + lines.getOrDefault("OPEN", 0L)).isEqualTo(2L * expected.size());
        // the 年末审定: only stations graded at the start, each by the authority that decided the start
        List<String> wrongEnds = jdbc.sql("select e.station_id from station_grading e where e.campaign_id = :c"
                + " and e.grading_round = 'YEAR_END' and not exists (select 1 from station_grading s where s.campaign_id"
                + " = e.campaign_id and s.station_id = e.station_id and s.grading_round = 'START'"
                + " and s.authority_organization_id = e.authority_organization_id and s.decided_level is not null)")
                .param("c", campaign).query(String.class).list();
        assertThat(wrongEnds).as("year-end grades without a start grade by the same authority").isEmpty();
        long ends = jdbc.sql("select count(*) from station_grading where campaign_id = :c and grading_round = 'YEAR_END'"
                + " and decided_level is not null").param("c", campaign).query(Long.class).single();
        assertThat(ends).as("stations with a 年末审定 last year").isPositive();
        assertThat(jdbc.sql("select count(*) from station_grading where campaign_id = :c and grading_round = 'YEAR_END'"
                + " and authority_organization_id = :t").param("c", campaign).param("t", lichun).query(Long.class).single())
                .as("丽春镇's stations re-graded").isPositive();
        // and a 示范站点 named in the year, hosted in 丽春镇
        assertThat(jdbc.sql("select count(*) from acceptance_recognition r join station s on s.id = r.station_id"
                + " join organization o on o.id = s.host_organization_id where o.parent_id = :t and r.recognized_on"
                + " between :a and :b").param("t", lichun).param("a", LocalDate.of(year, 1, 1))
                .param("b", LocalDate.of(year, 12, 31)).query(Long.class).single()).as("示范站点 of 丽春镇").isEqualTo(1);
    }
}
