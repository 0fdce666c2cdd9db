package cn.tierup.shared.internal;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements whose rows are handed over as the result set is read, for a province's 100,000 lines and more: inside a
 * transaction PostgreSQL's driver then reads {@value #FETCH_SIZE} rows at a time through a cursor (it only does so with
 * auto-commit off and a fetch size; otherwise it reads every row into memory first). H2 takes the size as a hint.
 */
public final class StreamingJdbc {

    /** Rows per round trip while streaming. */
    public static final int FETCH_SIZE = 1000;

    private StreamingJdbc() {
    }

    /** A client over {@code dataSource} (the transaction's connection, as any other) that streams its results. */
    public static JdbcClient client(DataSource dataSource) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        return JdbcClient.create(streaming);
    }
}
