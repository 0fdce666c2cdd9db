package cn.tierup.campaign.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaign questions that cross the organisation tree, answered by joining organisation's published view. */
@Repository
public class CampaignQueries {

    private final JdbcClient jdbc;

    public CampaignQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ids of campaigns whose root lies on the path or below it (so the organisation at {@code path} takes
     * part in or runs them): latest year first, then the highest root.
     */
    public List<Long> idsOnOrBelow(String path) {
        return jdbc.sql("select c.id from campaign c join org_tree_view r on r.id = c.root_organization_id"
                        + " where :path like r.path || '%' or r.path like :path || '%' order by c.campaign_year desc, r.depth, c.id desc")
                .param("path", path).query(Long.class).list();
    }

    /** Ids of the organisations on or below the path that are not retired (the campaign's root's whole tree). */
    public List<Long> activeIdsUnder(String path) {
        return jdbc.sql("select id from org_tree_view where path like :path and retired = false order by path")
                .param("path", path + "%").query(Long.class).list();
    }

    /** The organisations on or below the path that are not retired, id to name, in the tree's order: one statement. */
    public java.util.Map<Long, String> activeNamesUnder(String path) {
        java.util.Map<Long, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, name from org_tree_view where path like :path and retired = false order by sort_key, path")
                .param("path", path + "%").query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }
}
