package cn.tierup.organization.internal;

import cn.tierup.organization.Organization;
import cn.tierup.shared.ChineseOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the sort keys that the database cannot compute itself (they need the Chinese collation): at start,
 * for organisations and members that have none — rows from before the keys existed, or written by SQL.
 * Organisations are keyed top-down, each after its parent. Runs before the first-run setup and the demo data.
 */
@Component
@Order(0)
class SortKeyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SortKeyBackfill.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SortKeyBackfill(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    private record Row(long id, Long parentId, String name, Integer sortOrder, String sortKey) {
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> {
            int orgs = organizations();
            int members = members();
            if (orgs + members > 0) {
                log.info("Sort keys filled: {} organisations, {} members", orgs, members);
            }
        });
    }

    int organizations() {
        long missing = jdbc.sql("select count(*) from organization where sort_key is null").query(Long.class).single();
        if (missing == 0) {
            return 0;
        }
        List<Row> rows = jdbc.sql("select id, parent_id, name, sort_order, sort_key from organization order by depth, id")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"),
                        rs.getString("name"), rs.getObject("sort_order") == null ? null : rs.getInt("sort_order"),
                        rs.getString("sort_key")))
                .list();
        Map<Long, String> keys = new HashMap<>();
        List<Object[]> updates = new ArrayList<>();
        for (Row r : rows) {
            String parentKey = r.parentId() == null ? "" : keys.getOrDefault(r.parentId(), "");
            String key = parentKey + Organization.sortSegment(r.sortOrder(), r.name(), r.id());
            keys.put(r.id(), key);
            if (!key.equals(r.sortKey())) {
                updates.add(new Object[] {key, r.id()});
            }
        }
        for (Object[] u : updates) {
            jdbc.sql("update organization set sort_key = :k where id = :id").param("k", u[0]).param("id", u[1]).update();
        }
        return updates.size();
    }

    int members() {
        List<Object[]> missing = jdbc.sql("select id, name from member where name_key is null")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (Object[] m : missing) {
            jdbc.sql("update member set name_key = :k where id = :id").param("k", ChineseOrder.key((String) m[1]))
                    .param("id", m[0]).update();
        }
        return missing.size();
    }
}
