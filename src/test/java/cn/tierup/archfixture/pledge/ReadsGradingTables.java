package cn.tierup.archfixture.pledge;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A purpose-made violation, never a bean: a "pledge" class outside an internal package that uses
 * JdbcClient and whose SQL names grading's and organization's tables. {@code ArchitectureTest} proves
 * on every run that its checks catch both.
 */
public class ReadsGradingTables {

    private final JdbcClient jdbc;

    public ReadsGradingTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> laggingOrganizations(long campaignId) {
        return jdbc.sql("select g.organization_id from grading_case g join organization o on o.id = g.organization_id"
                        + " where g.campaign_id = :c and g.decided_level = 'LAGGING'")
                .param("c", campaignId).query(Long.class).list();
    }

    public long pledgeCount(long organizationId) {
        // its own table and a published view: allowed
        return jdbc.sql("select count(*) from pledge p join org_tree_view o on o.id = p.organization_id where o.id = :o")
                .param("o", organizationId).query(Long.class).single();
    }
}
