package cn.tierup.setup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.tierup.grading.GradeRegister;
import cn.tierup.identity.AccountPrincipal;
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
 * The demo city as a new user meets it: every organisation of the earlier years' campaigns graded by its own
 * grading authority, recorded as decided by a person of that authority (never the administrator), its meetings
 * dated in the order of the steps, and the village account's person the branch's recorded 书记.
 *
 * <p>A context of its own: the shared one leaves the demo's campaigns out, and nothing here changes anything.
 */
@SpringBootTest(properties = {"tierup.demo.enabled=true", "tierup.demo.campaign=true"})
class DemoPastYearsIT {

    @Autowired JdbcClient jdbc;
    @Autowired GradeRegister register;
    @Autowired UserDetailsService accounts;

    long root;
    List<Participant> participants;

    record Participant(long id, String name, long authorityId) {
    }

    record Decision(String step, String decidedBy, Long authorityOrganizationId, LocalDate selfOn, LocalDate decidedOn,
                    long caseId) {
    }

    @BeforeEach
    void demoCity() {
        root = jdbc.sql("select id from organization where name = :n").param("n", DemoDataLoader.ROOT_NAME)
                .query(Long.class).single();
        String rootPath = jdbc.sql("select path from organization where id = :id").param("id", root).query(String.class).single();
        // who takes part: every active organisation under the campaign's root, decided by its own 评定组织 or else its parent
        participants = jdbc.sql("select id, name, coalesce(grading_authority_id, parent_id) as authority from organization"
                        + " where path like :p and id <> :root and retired = false order by id")
                .param("p", rootPath + "%").param("root", root)
                .query((rs, n) -> new Participant(rs.getLong("id"), rs.getString("name"), rs.getLong("authority"))).list();
    }

    List<long[]> pastCampaigns() {
        List<long[]> out = jdbc.sql("select id, campaign_year from campaign where root_organization_id = :root"
                        + " and campaign_year < :year order by campaign_year")
                .param("root", root).param("year", LocalDate.now().getYear())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        assertThat(out).as("the demo's earlier years").hasSize(3);
        return out;
    }

    Map<Long, Decision> decisions(long campaignId) {
        Map<Long, Decision> out = new HashMap<>();
        jdbc.sql("select id, organization_id, step, decided_by, authority_organization_id, self_at, decided_at"
                        + " from grading_case where campaign_id = :c").param("c", campaignId)
                .query(rs -> {
                    out.put(rs.getLong("organization_id"), new Decision(rs.getString("step"), rs.getString("decided_by"),
                            rs.getObject("authority_organization_id") == null ? null : rs.getLong("authority_organization_id"),
                            rs.getTimestamp("self_at") == null ? null : rs.getTimestamp("self_at").toLocalDateTime().toLocalDate(),
                            rs.getTimestamp("decided_at") == null ? null
                                    : rs.getTimestamp("decided_at").toLocalDateTime().toLocalDate(),
                            rs.getLong("id")));
                });
        return out;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * A register lists the cases of its organisation's subtree and those its subtree decided elsewhere in the tree: the
     * justice bureau's holds its own offices and the law firms under the "两新" committee it grades, each year — the
     * same set as counted directly from the cases.
     */
    @Test
    void theJusticeBureausRegisterHoldsTheLawFirmsItGradesOutsideItsSubtree() {
        AccountPrincipal sifa = (AccountPrincipal) accounts.loadUserByUsername("sifa");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(sifa, null, sifa.getAuthorities()));
        String path = jdbc.sql("select path from organization where id = :id").param("id", sifa.user().organizationId())
                .query(String.class).single();
        for (long[] c : pastCampaigns()) {
            List<String> expected = jdbc.sql("select o.name from grading_case g join organization o on o.id = g.organization_id"
                            + " join organization a on a.id = g.authority_organization_id where g.campaign_id = :c"
                            + " and g.decided_grade is not null and (o.path like :p or a.path like :p) order by o.name")
                    .param("c", c[0]).param("p", path + "%").query(String.class).list();
            List<String> listed = register.find(new GradeRegister.Query((int) c[1], null, null, null, null, 0, 1000))
                    .items().stream().map(GradeRegister.Entry::name).sorted().toList();
            assertThat(expected).as("law firms graded by the bureau, " + c[1]).anyMatch(n -> n.contains("律师事务所"));
            assertThat(listed).as("the bureau's register, " + c[1]).isEqualTo(expected);
            assertThat(register.find(new GradeRegister.Query((int) c[1], null, null, null, "律师", 0, 1000)).items().stream()
                    .map(GradeRegister.Entry::name).sorted().toList())
                    .as("searched by name").isEqualTo(expected.stream().filter(n -> n.contains("律师")).toList());
        }
    }

    @Test
    void everyOrganisationOfTheEarlierYearsIsDecided() {
        assertThat(participants).hasSizeGreaterThan(250);
        for (long[] c : pastCampaigns()) {
            Map<Long, Decision> decided = decisions(c[0]);
            List<String> open = participants.stream()
                    .filter(p -> decided.get(p.id()) == null || !"DONE".equals(decided.get(p.id()).step()))
                    .map(Participant::name).toList();
            assertThat(open).as("organisations left undecided in %d (%d of %d)", c[1], open.size(), participants.size())
                    .isEmpty();
        }
    }

    @Test
    void everyDecisionIsMadeByAPersonOfTheOrganisationsOwnAuthority() {
        Map<String, long[]> accounts = new HashMap<>();
        Map<String, String> roles = new HashMap<>();
        jdbc.sql("select username, organization_id, role from account").query(rs -> {
            accounts.put(rs.getString(1), new long[] {rs.getLong(2)});
            roles.put(rs.getString(1), rs.getString(3));
        });
        for (long[] c : pastCampaigns()) {
            Map<Long, Decision> decided = decisions(c[0]);
            List<String> wrong = new ArrayList<>();
            for (Participant p : participants) {
                Decision d = decided.get(p.id());
                if (d == null || d.decidedBy() == null) {
                    continue; // undecided: the test above
                }
                long[] account = accounts.get(d.decidedBy());
                if (account == null || account[0] != p.authorityId() || "ADMIN".equals(roles.get(d.decidedBy()))
                        || d.authorityOrganizationId() == null || d.authorityOrganizationId() != p.authorityId()) {
                    wrong.add(p.name() + " ← " + d.decidedBy());
                }
            }
            assertThat(wrong).as("decisions of %d not made by an account of the organisation's grading authority", c[1])
                    .isEmpty();
            assertThat(decided.values()).extracting(Decision::decidedBy).doesNotContain("admin");
        }
    }

    @Test
    void theMeetingsOfEveryCaseAreDatedInTheOrderOfTheSteps() {
        for (long[] c : pastCampaigns()) {
            Map<Long, Decision> decided = decisions(c[0]);
            Map<Long, Map<String, LocalDate>> held = new HashMap<>();
            jdbc.sql("select m.case_id, m.step, m.held_on from grading_meeting m join grading_case k on k.id = m.case_id"
                            + " where k.campaign_id = :c and m.status = 'RECORDED'").param("c", c[0])
                    .query(rs -> {
                        held.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .merge(rs.getString(2), rs.getDate(3).toLocalDate(), (a, b) -> a.isAfter(b) ? a : b);
                    });
            List<String> wrong = new ArrayList<>();
            for (Participant p : participants) {
                Decision d = decided.get(p.id());
                if (d == null || !"DONE".equals(d.step())) {
                    continue;
                }
                Map<String, LocalDate> m = held.getOrDefault(d.caseId(), Map.of());
                // 群众初评 ≤ 党员评议 ≤ 自评 ≤ 审议 ≤ 上级评定
                List<LocalDate> inOrder = new ArrayList<>();
                inOrder.add(m.get("PUBLIC_REVIEW"));
                inOrder.add(m.get("MEMBER_REVIEW"));
                inOrder.add(d.selfOn());
                inOrder.add(m.get("DELIBERATION"));
                inOrder.add(d.decidedOn());
                boolean ok = !inOrder.contains(null);
                for (int i = 1; ok && i < inOrder.size(); i++) {
                    ok = !inOrder.get(i).isBefore(inOrder.get(i - 1));
                }
                if (!ok) {
                    wrong.add(p.name() + " " + inOrder);
                }
            }
            assertThat(wrong).as("cases of %d whose steps are dated out of order (%d)", c[1], wrong.size()).isEmpty();
        }
    }

    @Test
    void theVillageAccountsPersonIsTheBranchsRecordedSecretary() {
        long village = jdbc.sql("select organization_id from account where username = 'cun'").query(Long.class).single();
        String person = jdbc.sql("select display_name from account where username = 'cun'").query(String.class).single();
        List<String> secretaries = jdbc.sql("select person_name from leadership_post where organization_id = :o"
                + " and post = 'SECRETARY' and ended_on is null").param("o", village).query(String.class).list();
        assertThat(secretaries).as("the branch's recorded 书记").containsExactly(person);
        assertThat(jdbc.sql("select secretary from organization where id = :o").param("o", village).query(String.class).single())
                .isEqualTo(person);
    }
}
