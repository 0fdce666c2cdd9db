package cn.tierup.acceptance;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's last year as a new user meets it: 丽春镇 and two other towns reviewed every organisation they graded —
 * the year-end grades decided by the town's own account, some moved up, a 后进 converted and one not, one decided
 * other than proposed with the reason — their 工作总结 handed in (丽春镇's accepted), and this year's campaign has no
 * review yet.
 *
 * <p>The demo's context (as {@code DemoPastYearsIT}'s): the shared one leaves the demo's campaigns out.
 */
@SpringBootTest(properties = {"tierup.demo.enabled=true", "tierup.demo.campaign=true"})
class ReviewDemoIT {

    @Autowired JdbcClient jdbc;

    record Line(String town, String start, String proposed, String decided, String reason, String decidedBy,
                String status) {
    }

    List<Line> lastYear() {
        return jdbc.sql("select t.name, d.grade, r.proposed_grade, r.decided_grade, r.decision_reason, r.decided_by, r.status"
                        + " from acceptance_review r join campaign c on c.id = r.campaign_id"
                        + " join decided_grade_view d on d.campaign_id = r.campaign_id and d.organization_id = r.organization_id"
                        + " join organization o on o.id = r.organization_id join organization t on t.id = o.parent_id"
                        + " where c.campaign_year = :y and c.root_organization_id = (select id from organization where parent_id is null)")
                .param("y", LocalDate.now().getYear() - 1)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list();
    }

    @Test
    void lastYearsReviewsAreDoneInThreeTownsWithEveryKindOfOutcome() {
        List<Line> lines = lastYear();
        assertThat(lines.stream().map(Line::town).distinct()).contains("中共彭州市丽春镇委员会").hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines).allMatch(l -> l.status().equals("DECIDED") && l.decided() != null);
        // decided by a person of the town (its own account), never the administrator
        assertThat(lines).allMatch(l -> jdbc.sql("select count(*) from account a join organization t on t.id = a.organization_id"
                + " where a.username = :u and t.name = :t").param("u", l.decidedBy()).param("t", l.town()).query(Long.class).single() == 1);
        assertThat(lines).as("moved up").anyMatch(l -> l.start().equals("一般") && l.decided().equals("先进"));
        assertThat(lines).as("a 后进 converted").anyMatch(l -> l.start().equals("后进") && !l.decided().equals("后进"));
        assertThat(lines).as("a 后进 not converted, with the reason")
                .anyMatch(l -> l.start().equals("后进") && l.decided().equals("后进") && l.reason() != null);
        assertThat(lines).as("decided other than proposed, with the reason")
                .anyMatch(l -> !l.decided().equals(l.proposed()) && l.reason() != null);
        assertThat(lines).allMatch(l -> l.decided().equals(l.proposed()) || l.reason() != null);
        // every organisation each of those towns graded has its review
        long graded = jdbc.sql("select count(*) from decided_grade_view d join campaign c on c.id = d.campaign_id"
                        + " join organization o on o.id = d.organization_id join organization t on t.id = d.authority_organization_id and t.id = o.parent_id where c.campaign_year = :y"
                        + " and t.name in (:towns)")
                .param("y", LocalDate.now().getYear() - 1).param("towns", lines.stream().map(Line::town).distinct().toList())
                .query(Long.class).single();
        assertThat((long) lines.size()).isEqualTo(graded);
    }

    /** 丽春镇's 工作总结 accepted by the city; the other reviewed towns' handed in, waiting for it. */
    @Test
    void lastYearsWorkSummariesAreHandedInByTheReviewedTowns() {
        List<String[]> summaries = jdbc.sql("select t.name, s.status from acceptance_work_summary s"
                        + " join campaign c on c.id = s.campaign_id join organization t on t.id = s.authority_organization_id"
                        + " where c.campaign_year = :y").param("y", LocalDate.now().getYear() - 1)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<String> towns = lastYear().stream().map(Line::town).distinct().toList();
        assertThat(summaries.stream().map(s -> s[0]).toList()).containsExactlyInAnyOrderElementsOf(towns);
        assertThat(summaries).allMatch(s -> s[1].equals(s[0].equals("中共彭州市丽春镇委员会") ? "ACCEPTED" : "SUBMITTED"));
    }

    @Test
    void thisYearsCampaignIsUntouched() {
        assertThat(jdbc.sql("select count(*) from acceptance_review r join campaign c on c.id = r.campaign_id"
                + " where c.campaign_year = :y").param("y", LocalDate.now().getYear()).query(Long.class).single()).isZero();
    }
}
