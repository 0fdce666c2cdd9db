package cn.tierup.grading.internal;

import cn.tierup.shared.NotFoundException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What grading reads of an organisation: its field, its place, its roll (with the branches under a 总支,
 * whose 党员大会 they attend) and its grading authority (the
 * one set on it, else its parent). Read directly, because the authority of a 律师事务所 (司法局党委) need
 * not lie above it in the tree and so may not read it through the organisation module's scope.
 */
@Component
public class GradedOrganizations {

    private final JdbcClient jdbc;

    GradedOrganizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record GradedOrganization(long id, String name, String path, String field, String kind, String secretary,
                                     Long authorityId, String authorityName, String authorityPath, long members,
                                     boolean retired) {
    }

    public GradedOrganization get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    public Optional<GradedOrganization> find(long id) {
        return jdbc.sql("select o.id, o.name, o.path, o.field, o.kind, o.secretary, o.retired, a.id as aid, a.name as aname,"
                        + " a.path as apath, (select count(*) from member_roll_view m join org_tree_view mo on mo.id = m.organization_id"
                        + " where mo.path like o.path || '%' and m.status = 'ACTIVE'"
                        + " and m.category in ('FULL', 'PROBATIONARY')) as members"
                        + " from org_tree_view o left join org_tree_view a on a.id = coalesce(o.grading_authority_id, o.parent_id)"
                        + " where o.id = :id")
                .param("id", id)
                .query((rs, n) -> new GradedOrganization(rs.getLong("id"), rs.getString("name"), rs.getString("path"),
                        rs.getString("field"), rs.getString("kind"), rs.getString("secretary"),
                        rs.getObject("aid") == null ? null : rs.getLong("aid"), rs.getString("aname"), rs.getString("apath"),
                        rs.getLong("members"), rs.getBoolean("retired")))
                .optional();
    }
}
