package com.chaching.subscriptions;

import com.chaching.accounts.TestClockAdvanced;
import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing engine (architecture.md): workers in every running copy claim subscriptions whose work is
 * due, with {@code FOR UPDATE SKIP LOCKED}, and run each one's step; the test clock runs the same steps,
 * synchronously and in time order, for one account.
 */
@Component
class SubscriptionEngine {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEngine.class);
    /** A guard against a step that would not move its subscription forward. */
    private static final int MAX_STEPS_PER_ADVANCE = 1_000_000;

    private final SubscriptionRepository subscriptions;
    private final SubscriptionBilling billing;
    private final AccountClock clocks;
    private final Clock serverClock;
    private final TransactionTemplate inTransaction;
    private final ExecutorService workers;
    private final int batchSize;

    SubscriptionEngine(SubscriptionRepository subscriptions, SubscriptionBilling billing, AccountClock clocks, Clock serverClock,
                       TransactionTemplate inTransaction, @Value("${chaching.engine.workers:4}") int workers,
                       @Value("${chaching.engine.batch-size:200}") int batchSize) {
        this.subscriptions = subscriptions;
        this.billing = billing;
        this.clocks = clocks;
        this.serverClock = serverClock;
        this.inTransaction = inTransaction;
        this.workers = Executors.newFixedThreadPool(workers, Thread.ofVirtual().name("billing-worker-", 0).factory());
        this.batchSize = batchSize;
    }

    /** api.md "Test clock": the work due up to {@code to}, in time order, with the clock at each piece's instant. */
    @EventListener
    void onTestClockAdvanced(TestClockAdvanced advance) {
        runDueWork(advance.tenant(), advance.to());
    }

    void runDueWork(Tenant tenant, Instant until) {
        for (int steps = 0; steps < MAX_STEPS_PER_ADVANCE; steps++) {
            String id = subscriptions.firstDueOf(tenant, until).orElse(null);
            if (id == null) {
                return;
            }
            Instant due = subscriptions.nextWorkAt(tenant, id);
            if (due != null && due.isAfter(clocks.now(tenant))) {
                inTransaction.executeWithoutResult(status -> {
                    if (clocks.lockAndRead(tenant).isBefore(due)) {
                        clocks.advance(tenant, due);
                    }
                });
            }
            // A step that found nothing to do lost the race to a worker that did it: the next due piece is next.
            billing.runStep(tenant, id);
        }
        log.warn("stopped running due work for account {} after {} steps", tenant.accountId(), MAX_STEPS_PER_ADVANCE);
    }

    /** One pass over every account's due work, by this copy's workers; returns how many steps ran. */
    @Scheduled(initialDelayString = "${chaching.engine.interval:PT5S}", fixedDelayString = "${chaching.engine.interval:PT5S}")
    int runDueWorkEverywhere() {
        List<SubscriptionRepository.DueWork> due = inTransaction.execute(status -> subscriptions.claimDue(serverClock.instant(), batchSize));
        if (due == null || due.isEmpty()) {
            return 0;
        }
        List<Future<Boolean>> steps = due.stream().map(work -> workers.submit(() -> {
            try {
                return billing.runStep(work.tenant(), work.subscriptionId());
            } catch (RuntimeException e) {
                log.warn("billing work of subscription {} failed; it stays due", work.subscriptionId(), e);
                return false;
            }
        })).toList();
        int ran = 0;
        for (Future<Boolean> step : steps) {
            try {
                ran += step.get() ? 1 : 0;
            } catch (Exception e) {
                log.warn("a billing worker failed", e);
            }
        }
        return ran;
    }
}
