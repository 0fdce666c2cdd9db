package cn.tierup.shared.ratelimit;

import cn.tierup.shared.DatabaseKind;
import cn.tierup.shared.crypto.MasterKey;
import cn.tierup.shared.ratelimit.internal.LockingJdbcBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits of public submissions per address (answers, suggestions, ratings), kept as Bucket4j token buckets in the
 * database, so that every instance behind a load balancer draws on the same bucket and the limit holds for all of
 * them together. On PostgreSQL the store is Bucket4j's own (select for update); on H2 a store of the same table
 * written to Bucket4j's select-for-update SPI. A bucket is named by a keyed hash of the address, never the address;
 * it lives until it is full again and is then purged, so the table holds only the addresses of the last few minutes.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final int PURGE_BATCH = 1000;

    private final ProxyManager<String> buckets;
    private final ExpiredEntriesCleaner cleaner;
    private final SecretKeySpec key;

    @Autowired
    public RateLimits(DataSource dataSource, DatabaseKind database, MasterKey master) {
        this(dataSource, database.postgres(), master, Duration.ofSeconds(10));
    }

    /**
     * A store whose rows may go {@code keepAfterFull} after their bucket is full again (no state is lost by
     * forgetting a full bucket; the margin keeps rows that are about to be used again).
     */
    public RateLimits(DataSource dataSource, boolean postgres, MasterKey master, Duration keepAfterFull) {
        this.key = master.derive("rate-limit-addresses");
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterFull);
        if (postgres) {
            var store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table(LockingJdbcBuckets.TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(expiry)
                    .build();
            this.buckets = store;
            this.cleaner = store;
        } else {
            var store = new LockingJdbcBuckets(dataSource, ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiry));
            this.buckets = store;
            this.cleaner = store;
        }
    }

    /**
     * A limit of {@code perMinute} submissions a minute from one address for one purpose (a name of the kind of
     * submission); 0 or less: no limit (load tests whose traffic all comes from one address).
     */
    public Limit perMinute(String purpose, int perMinute) {
        return limit(purpose, perMinute, Duration.ofMinutes(1));
    }

    /** At most {@code capacity} submissions from one address in each {@code period}; 0 or less: no limit. */
    public Limit limit(String purpose, int capacity, Duration period) {
        return new Limit(purpose, capacity, period);
    }

    /** Removes the buckets that are full again; the number removed. Every instance does it; they do not collide. */
    @Scheduled(fixedDelayString = "${tierup.rate-limit.purge-every:PT1M}", initialDelayString = "${tierup.rate-limit.purge-every:PT1M}")
    public int purgeExpired() {
        int removed = 0;
        int n;
        do {
            n = cleaner.removeExpired(PURGE_BATCH);
            removed += n;
        } while (n == PURGE_BATCH);
        return removed;
    }

    /** The name of an address's bucket for a purpose: the purpose and a keyed hash, so the table names no address. */
    public String bucketName(String purpose, String address) {
        return purpose + ":" + MasterKey.hex(key, purpose + "|" + address).substring(0, 32);
    }

    /** One limit: at most so many submissions from one address in each period. */
    public final class Limit {

        private final String purpose;
        private final int capacity;
        private final BucketConfiguration configuration;

        private Limit(String purpose, int capacity, Duration period) {
            this.purpose = purpose;
            this.capacity = capacity;
            // the whole period's allowance at once, refilled when the period is over: a burst, then a wait, as the
            // sliding window of 30 (or 20) a minute this replaces allowed
            this.configuration = capacity <= 0 ? null : BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build())
                    .build();
        }

        /** Whether one more submission from this address is taken now (and counts it). */
        public boolean admit(String address) {
            if (capacity <= 0) {
                return true;
            }
            try {
                return buckets.builder().build(bucketName(purpose, address == null ? "?" : address), () -> configuration)
                        .tryConsume(1);
            } catch (RuntimeException e) {
                // a limiter that cannot reach its store must not turn residents' answers away: let it through, loudly
                log.warn("rate limit store failed for {}; submission let through", purpose, e);
                return true;
            }
        }
    }
}
