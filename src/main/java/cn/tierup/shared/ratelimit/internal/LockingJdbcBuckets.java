package cn.tierup.shared.ratelimit.internal;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bucket4j's select-for-update protocol on plain SQL that H2 understands too: Bucket4j ships this store for
 * PostgreSQL, MySQL and others but not for H2 (the embedded default), whose PostgreSQL mode lacks the
 * {@code on conflict} its PostgreSQL store needs. Same table and columns as that store, so either may run on it.
 * A row per bucket: the state Bucket4j serialises and when it is full again (after which it can go).
 */
public final class LockingJdbcBuckets extends AbstractSelectForUpdateBasedProxyManager<String> implements ExpiredEntriesCleaner {

    public static final String TABLE = "rate_limit_bucket";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final CustomColumnProvider<String> expiresAt;
    private final ClientSideConfig config;

    public LockingJdbcBuckets(DataSource dataSource, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
        this.config = config;
        this.expiresAt = CustomColumnProvider.createExpiresInColumnProvider("expires_at",
                config.getExpirationAfterWriteStrategy().orElseThrow(() -> new IllegalArgumentException("buckets must expire")));
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new SelectForUpdateBasedTransaction() {
            @Override
            public void begin(Optional<Long> timeout) {
                run(() -> c.setAutoCommit(false));
            }

            @Override
            public void rollback() {
                run(c::rollback);
            }

            @Override
            public void commit(Optional<Long> timeout) {
                run(c::commit);
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement s = c.prepareStatement("select state from " + TABLE + " where id = ? for update")) {
                    applyTimeout(s, timeout);
                    s.setString(1, key);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement s = c.prepareStatement("insert into " + TABLE + " (id, state, expires_at) values (?, null, null)")) {
                    applyTimeout(s, timeout);
                    s.setString(1, key);
                    return s.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        // another request made the row first: Bucket4j rolls back and locks it in a new transaction
                        return false;
                    }
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
                try (PreparedStatement s = c.prepareStatement("update " + TABLE + " set state = ?, expires_at = ? where id = ?")) {
                    applyTimeout(s, timeout);
                    s.setBytes(1, data);
                    expiresAt.setCustomField(key, 2, s, state, now());
                    s.setString(3, key);
                    s.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void release() {
                run(c::close);
            }
        };
    }

    /** Deletes up to {@code batchSize} buckets that are full again; the number deleted. */
    @Override
    public int removeExpired(int batchSize) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from " + TABLE + " where id in"
                     + " (select id from " + TABLE + " where expires_at < ? order by expires_at limit ?)")) {
            s.setLong(1, System.currentTimeMillis());
            s.setInt(2, batchSize);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void removeProxy(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from " + TABLE + " where id = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long now() {
        return config.getClientSideClock().map(TimeMeter::currentTimeNanos).orElseGet(() -> System.currentTimeMillis() * 1_000_000L);
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    private static void run(SqlStep step) {
        try {
            step.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
