package cn.tierup.organization.internal;

import cn.tierup.identity.OrganizationDirectory;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells identity where an organisation stands in the tree, and whose roll a member is on, by primary key. */
@Component
class DirectoryAdapter implements OrganizationDirectory {

    private final JdbcClient jdbc;

    DirectoryAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrgRef> find(long organizationId) {
        return jdbc.sql("select id, name, path, retired from organization where id = :id").param("id", organizationId)
                .query((rs, i) -> new OrgRef(rs.getLong("id"), rs.getString("name"), rs.getString("path"),
                        rs.getBoolean("retired")))
                .optional();
    }

    @Override
    public Optional<MemberRef> findMember(long memberId) {
        return jdbc.sql("select id, name, organization_id, status from member where id = :id").param("id", memberId)
                .query((rs, i) -> new MemberRef(rs.getLong("id"), rs.getString("name"), rs.getLong("organization_id"),
                        !"LEFT".equals(rs.getString("status"))))
                .optional();
    }
}
