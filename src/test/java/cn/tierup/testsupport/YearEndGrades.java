package cn.tierup.testsupport;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 年末审定 grades for tests of what reads them (figures, transitions, commendations), any grade name of any class, with no
 * self-review behind them: one decided row per organisation in {@code acceptance_review}, as the 上级审评 leaves it,
 * which is what {@code year_end_grade_view} publishes. The 上级审评 itself is tested through its API (ReviewFlowIT). A plain helper (not a bean), so that using it changes no test context.
 */
public final class YearEndGrades {

    private final JdbcClient jdbc;

    public YearEndGrades(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's 年末审定 in the campaign, decided by its authority; replaces one recorded before. */
    public void decided(long campaignId, long organizationId, long authorityId, String grade, Grade level, String by) {
        decided(campaignId, organizationId, authorityId, grade, level, by, LocalDateTime.now());
    }

    /** As above, decided at the given time. */
    public void decided(long campaignId, long organizationId, long authorityId, String grade, Grade level, String by,
                        LocalDateTime now) {
        jdbc.sql("delete from acceptance_review where campaign_id = :c and organization_id = :o")
                .param("c", campaignId).param("o", organizationId).update();
        jdbc.sql("insert into acceptance_review (campaign_id, organization_id, authority_organization_id, status,"
                        + " decided_grade, decided_level, decision_reason, decided_by, decided_at, created_at, updated_at)"
                        + " values (:c, :o, :a, 'DECIDED', :g, :l, null, :by, :at, :at, :at)")
                .param("c", campaignId).param("o", organizationId).param("a", authorityId).param("g", grade)
                .param("l", level.name()).param("by", by).param("at", now).update();
    }
}
