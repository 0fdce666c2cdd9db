package cn.tierup.testsupport;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for the 上级审评 while the year-end figures are tested on their own: writes an organisation's 年末审定
 * straight into the review table, as the review's decision leaves it, so {@code year_end_grade_view} shows it.
 * Once the review's API is in place, tests should decide year-end grades through it instead. Made with the
 * test's {@link JdbcClient} (not a bean, so the shared test context stays the same).
 */
public class YearEndGradeFixture {

    private final JdbcClient jdbc;

    public YearEndGradeFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's year-end grade {@code gradeName} (class {@code level}), decided by the authority's {@code decider}. */
    public void decided(long campaignId, long organizationId, long authorityId, String gradeName, Grade level, String decider,
                        LocalDateTime at) {
        jdbc.sql("insert into acceptance_review (campaign_id, organization_id, authority_organization_id, status,"
                        + " decided_grade, decided_level, decided_by, decided_at, created_at, updated_at)"
                        + " values (:c, :o, :a, 'DECIDED', :g, :l, :by, :at, :at, :at)")
                .param("c", campaignId).param("o", organizationId).param("a", authorityId).param("g", gradeName)
                .param("l", level.name()).param("by", decider).param("at", at).update();
    }
}
