package com.chaching.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the rate-limit buckets that are back to full, every ten minutes, in every running copy (Bucket4j's
 * delete skips rows another copy holds, so copies do not wait on each other). A deleted bucket starts full
 * when next used: nothing is lost.
 */
@Component
class RateLimitBucketPurge {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBucketPurge.class);

    private final RateLimiter limiter;

    RateLimitBucketPurge(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Scheduled(initialDelayString = "${chaching.rate-limit.purge-interval:PT10M}", fixedDelayString = "${chaching.rate-limit.purge-interval:PT10M}")
    void removeFullBuckets() {
        int removed = limiter.removeFull();
        if (removed > 0) {
            log.info("removed {} rate-limit buckets back to full", removed);
        }
    }
}
