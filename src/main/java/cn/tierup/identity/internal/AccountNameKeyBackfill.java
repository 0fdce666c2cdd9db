package cn.tierup.identity.internal;

import cn.tierup.shared.ChineseOrder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys the names of accounts that have no pinyin sort key — accounts from before the key existed, or written by
 * SQL — at start, since the database cannot compute the Chinese collation itself.
 */
@Component
@Order(0)
class AccountNameKeyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountNameKeyBackfill.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AccountNameKeyBackfill(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        int filled = tx.execute(s -> {
            List<Object[]> missing = jdbc.sql("select id, display_name from account where name_key is null")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
            for (Object[] a : missing) {
                jdbc.sql("update account set name_key = :k where id = :id")
                        .param("k", ChineseOrder.key((String) a[1])).param("id", a[0]).update();
            }
            return missing.size();
        });
        if (filled > 0) {
            log.info("Sort keys filled: {} accounts", filled);
        }
    }
}
