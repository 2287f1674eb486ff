package com.chaching.platform;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes idempotency keys past their retention, every hour, in every running copy (the delete is idempotent). */
@Component
class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyRepository keys;
    private final Clock clock;

    IdempotencyPurge(IdempotencyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${chaching.idempotency.purge-interval:PT1H}")
    void purgeExpiredKeys() {
        Instant now = clock.instant();
        int purged = 0;
        // Account by account: a delete across accounts would touch every shard under Citus (decisions.md (cm)).
        for (String accountId : keys.accountsWithExpiredKeys(now)) {
            purged += keys.purgeExpired(accountId, now);
        }
        if (purged > 0) {
            log.info("purged {} expired idempotency keys", purged);
        }
    }
}
