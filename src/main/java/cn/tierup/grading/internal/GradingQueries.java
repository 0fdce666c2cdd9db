package cn.tierup.grading.internal;

import cn.tierup.grading.CaseView.PastGrade;
import cn.tierup.grading.Grade;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Grading's questions to its own tables that its repositories do not answer by name. */
@Component
public class GradingQueries {

    private final JdbcClient jdbc;

    GradingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields for which a standard exists. */
    public List<String> schemeFields() {
        return jdbc.sql("select distinct field from grading_scheme where field is not null order by field")
                .query(String.class).list();
    }

    /** Whether any 审议 of the campaign has been recorded (after which the passing share is fixed). */
    public boolean deliberationRecorded(long campaignId) {
        return jdbc.sql("select count(*) from grading_meeting m join grading_case g on g.id = m.case_id"
                        + " where g.campaign_id = :c and m.step = 'DELIBERATION'")
                .param("c", campaignId).query(Long.class).single() > 0;
    }

    /** Whether a standard is graded against or chosen by a campaign. */
    public boolean schemeInUse(long schemeId) {
        return jdbc.sql("select (select count(*) from grading_case where scheme_id = :s)"
                        + " + (select count(*) from grading_setup_scheme where scheme_id = :s)")
                .param("s", schemeId).query(Long.class).single() > 0;
    }

    /** The grades decided for an organisation in campaigns of the years {@code from}–{@code to}, oldest decision first. */
    public List<PastGrade> decidedBetween(long organizationId, int from, int to) {
        return jdbc.sql("select c.campaign_year, g.decided_grade, g.decided_level, g.decided_by, g.decided_at"
                        + " from grading_case g join campaign_year_view c on c.id = g.campaign_id where g.organization_id = :org"
                        + " and g.decided_grade is not null and c.campaign_year between :from and :to order by g.decided_at")
                .param("org", organizationId).param("from", from).param("to", to)
                .query((rs, n) -> new PastGrade(rs.getInt(1), rs.getString(2), Grade.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toLocalDateTime()))
                .list();
    }
}
