package cn.tierup.identity.internal;

import cn.tierup.identity.AccountView;
import cn.tierup.identity.Role;
import cn.tierup.shared.PageResult;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account lists across the tree, joined with organisation's published view for names and paths. */
@Repository
public class AccountQueries {

    private final JdbcClient jdbc;

    public AccountQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of accounts at organisations matching {@code scopePattern} (a path LIKE pattern), optionally
     * filtered by {@code query} (a LIKE pattern over username, display name and organisation name), in tree
     * order and, within an organisation, by the person's name in pinyin order. An account counts as locked when some address has to wait past {@code now} to try its password.
     */
    public PageResult<AccountView> page(String scopePattern, String query, int page, int size, LocalDateTime now) {
        String where = " from account a join org_tree_view o on o.id = a.organization_id where o.path like :scope"
                + (query == null ? "" : " and (a.username like :q or a.display_name like :q or o.name like :q)");
        var countSpec = jdbc.sql("select count(*)" + where).param("scope", scopePattern);
        var listSpec = jdbc.sql("select a.id, a.username, a.display_name, a.organization_id, o.name as org_name, a.role,"
                        + " a.enabled, a.last_login_at, a.version, a.member_id, (select count(*) from login_throttle t"
                        + " where t.username = a.username and t.next_attempt_at > :now) as held_back" + where
                        + " order by o.sort_key, o.path, a.name_key, a.username limit :limit offset :offset")
                .param("scope", scopePattern).param("limit", size).param("offset", (long) page * size)
                .param("now", Timestamp.valueOf(now));
        if (query != null) {
            countSpec = countSpec.param("q", query);
            listSpec = listSpec.param("q", query);
        }
        long total = countSpec.query(Long.class).single();
        List<AccountView> items = listSpec.query((rs, i) -> {
            var last = rs.getTimestamp("last_login_at");
            return new AccountView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                    rs.getLong("organization_id"), rs.getString("org_name"), Role.valueOf(rs.getString("role")),
                    rs.getBoolean("enabled"), rs.getLong("held_back") > 0,
                    last == null ? null : last.toLocalDateTime(), rs.getLong("version"),
                    rs.getObject("member_id") == null ? null : rs.getLong("member_id"), null);
        }).list();
        return new PageResult<>(items, page, size, total);
    }
}
