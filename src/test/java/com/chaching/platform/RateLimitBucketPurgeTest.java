package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.RateLimiter.ClientKind;
import com.chaching.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The purge deletes only buckets back to full: Bucket4j marks each row with when that will be (by the wall
 * clock), so a bucket still refilling outlives the purge and a client cannot escape its budget by waiting for
 * one.
 */
@TestPropertySource(properties = "chaching.rate-limit.failed-sign-ins-per-quarter-hour=5")
class RateLimitBucketPurgeTest extends ApiTest {

    @Autowired
    RateLimiter limiter;

    @Autowired
    RateLimitBucketPurge purge;

    @Test
    void anEmptiedBudgetOutlivesThePurgeAndAFullOneIsDeleted() {
        String guesser = "203.0.113.guesser-" + System.nanoTime();
        String idle = "203.0.113.idle-" + System.nanoTime();
        for (int failure = 1; failure <= 5; failure++) {
            limiter.spend(guesser, ClientKind.FAILED_SIGN_IN);
        }
        limiter.spend(idle, ClientKind.FAILED_SIGN_IN);
        // As the wall clock would, an hour on: the idle client's bucket has long been full again.
        jdbc.sql("update rate_limit_buckets set expires_at = expires_at - 3600000 where id like ?").param("%/" + idle + "/%").update();

        purge.removeFullBuckets();

        assertThat(limiter.hasBudget(guesser, ClientKind.FAILED_SIGN_IN)).as("still refused after the purge").isFalse();
        assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id like ?").param("%/" + idle + "/%").query(Long.class).single())
                .as("the full bucket's row is gone").isZero();
        assertThat(limiter.spend(idle, ClientKind.FAILED_SIGN_IN).remaining()).as("and starts full when next used").isEqualTo(4);
    }
}
