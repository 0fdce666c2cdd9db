package cn.tierup;

import cn.tierup.shared.DatabaseKind;
import cn.tierup.shared.crypto.MasterKey;
import cn.tierup.shared.ratelimit.RateLimits;
import cn.tierup.testsupport.IntegrationTest;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address limits' store in the database stays bounded: a bucket is a row only until it is full again, and the
 * purge (every minute on every instance) removes those rows, so a flood of addresses leaves nothing behind. Runs the
 * store of the database at hand (Bucket4j's own on PostgreSQL, the SPI-written one on H2) with buckets of a fifth of
 * a second, so that they are full again by the time of the purge.
 */
@IntegrationTest
class RateLimitStoreIT {

    @Autowired DataSource dataSource;
    @Autowired DatabaseKind database;
    @Autowired MasterKey master;
    @Autowired RateLimits shared;
    @Autowired JdbcClient jdbc;

    long rows(String purpose) {
        return jdbc.sql("select count(*) from rate_limit_bucket where id like :p").param("p", purpose + ":%").query(Long.class).single();
    }

    @Test
    void aFloodOfAddressesLeavesNoRowsOnceTheirBucketsAreFullAgain() throws InterruptedException {
        // buckets of a short period whose rows may go as soon as they are full again
        RateLimits quick = new RateLimits(dataSource, database.postgres(), master, Duration.ofMillis(1));
        RateLimits.Limit flood = quick.limit("store-test-flood", 3, Duration.ofMillis(200));
        for (int i = 0; i < 400; i++) {
            assertThat(flood.admit("203.0.113." + (i % 250) + "-" + i)).isTrue();
        }
        assertThat(rows("store-test-flood")).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from rate_limit_bucket where id like '%203.0.113%'").query(Long.class).single())
                .as("buckets are named by a keyed hash, not the address").isZero();

        Thread.sleep(500);
        RateLimits.Limit now = shared.perMinute("store-test-live", 3);
        for (int i = 0; i < 4; i++) {
            now.admit("203.0.113.250");
        }
        assertThat(now.admit("203.0.113.250")).as("the live bucket is empty for the minute").isFalse();

        int removed = shared.purgeExpired();
        assertThat(removed).isGreaterThanOrEqualTo(400);
        assertThat(rows("store-test-flood")).isZero();
        assertThat(rows("store-test-live")).as("a bucket still in use stays").isEqualTo(1);
        assertThat(now.admit("203.0.113.250")).as("and keeps limiting").isFalse();
    }
}
