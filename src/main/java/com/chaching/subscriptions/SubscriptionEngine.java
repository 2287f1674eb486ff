package com.chaching.subscriptions;

import com.chaching.accounts.AccountService;
import com.chaching.accounts.TestClockAdvanced;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.RequestOrigin;
import com.chaching.platform.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * synchronously and in time order, for one account — within a bound on the work one advance may do.
 */
@Component
class SubscriptionEngine {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEngine.class);
    /**
     * docs/subscriptions.md "Test clock": one advance may cross at most this many billing periods, counted
     * over all of the account's subscriptions, so that it answers in seconds (a request never runs for hours).
     */
    static final int MAX_PERIODS_PER_ADVANCE = 250;
    /** A guard against steps that would not move a subscription forward: far more than the periods allowed could need. */
    private static final int MAX_STEPS_PER_ADVANCE = 20 * MAX_PERIODS_PER_ADVANCE;

    private final SubscriptionRepository subscriptions;
    private final DueWorkStep step;
    private final AccountClock clocks;
    private final AccountService accounts;
    private final Clock serverClock;
    private final TransactionTemplate inTransaction;
    private final RenewalBatch batch;
    private final ExecutorService workers;
    private final int workerCount;
    private final int batchSize;
    private final int accountsPerPass;

    SubscriptionEngine(SubscriptionRepository subscriptions, DueWorkStep step, RenewalBatch batch, AccountClock clocks,
                       AccountService accounts, Clock serverClock, TransactionTemplate inTransaction,
                       @Value("${chaching.engine.workers:4}") int workers, @Value("${chaching.engine.batch-size:200}") int batchSize,
                       @Value("${chaching.engine.accounts-per-pass:100}") int accountsPerPass) {
        this.subscriptions = subscriptions;
        this.step = step;
        this.clocks = clocks;
        this.accounts = accounts;
        this.serverClock = serverClock;
        this.inTransaction = inTransaction;
        this.batch = batch;
        this.workers = Executors.newFixedThreadPool(workers, Thread.ofVirtual().name("billing-worker-", 0).factory());
        this.workerCount = workers;
        this.batchSize = batchSize;
        this.accountsPerPass = accountsPerPass;
    }

    /**
     * api.md "Test clock": refuses an advance that would cross more billing periods than allowed, before any
     * work is done (a 400 naming {@code to}); otherwise runs the work due up to {@code to}, in time order.
     */
    @EventListener
    void onTestClockAdvanced(TestClockAdvanced advance) {
        long periods = periodsCrossed(advance.tenant(), advance.to());
        if (periods > MAX_PERIODS_PER_ADVANCE) {
            throw ApiProblem.invalid("to", "This advance would cross " + periods + " billing periods of the account's subscriptions; one "
                    + "advance may cross at most " + MAX_PERIODS_PER_ADVANCE + ". Advance the clock in smaller steps.");
        }
        // The work is the engine's, as the scheduled workers' is: its events name no request.
        RequestOrigin.asEngineWork(() -> runDueWork(advance.tenant(), advance.to()));
    }

    /**
     * How many period ends the account's live subscriptions reach up to {@code to}, on each one's grid (paused
     * time and a restart only lower the count; a renewal deferred by dunning is counted where it falls). One that
     * will not renew — incomplete, or set to cancel at its period's end — counts once.
     */
    long periodsCrossed(Tenant tenant, Instant to) {
        ZoneId zone = ZoneId.of(accounts.get(tenant).timeZone());
        long periods = 0;
        for (SubscriptionRepository.Cycle cycle : subscriptions.liveCycles(tenant)) {
            if (!cycle.currentPeriodEnd().isAfter(to)) {
                if (cycle.status() == SubscriptionStatus.INCOMPLETE || cycle.cancelAtPeriodEnd()) {
                    // It expires, or ends at this period's end: no renewal follows.
                    periods++;
                    continue;
                }
                long last = BillingPeriods.periodAt(cycle.billingCycleAnchor(), zone, cycle.interval(), cycle.intervalCount(), to).index();
                long first = BillingPeriods.periodAt(cycle.billingCycleAnchor(), zone, cycle.interval(), cycle.intervalCount(),
                        cycle.currentPeriodEnd()).index();
                periods += 1 + last - first;
            }
        }
        return periods;
    }

    /** Runs each piece of the account's work due up to {@code until}, earliest first, with its clock at that piece's instant. */
    void runDueWork(Tenant tenant, Instant until) {
        for (int steps = 0; steps < MAX_STEPS_PER_ADVANCE; steps++) {
            SubscriptionRepository.DueWork due = subscriptions.firstDueOf(tenant, until).orElse(null);
            if (due == null) {
                return;
            }
            // The due instant comes with the subscription, read at once: the clock never passes until.
            inTransaction.executeWithoutResult(status -> {
                if (clocks.lockAndRead(tenant).isBefore(due.at())) {
                    clocks.advance(tenant, due.at());
                }
            });
            // A step that found nothing to do lost the race to a worker that did it: the next due piece is next.
            step.run(tenant, due.subscriptionId());
        }
        log.warn("stopped running due work for account {} after {} steps", tenant.accountId(), MAX_STEPS_PER_ADVANCE);
    }

    /**
     * One pass over the due work of up to {@code accounts-per-pass} accounts, by this copy's workers: each task
     * claims a batch of one account's due subscriptions ({@link RenewalBatch}), and an account with more due
     * work than one batch gets as many tasks as the workers can run at once. A batch that came back full is
     * followed by the account's next, queued behind the other accounts' batches, so that a pass runs all the
     * work due when it began, the accounts taking turns. Returns how many pieces of work ran.
     */
    @Scheduled(initialDelayString = "${chaching.engine.interval:PT5S}", fixedDelayString = "${chaching.engine.interval:PT5S}")
    int runDueWorkEverywhere() {
        List<SubscriptionRepository.AccountWithDueWork> due = subscriptions.accountsWithDueWork(serverClock.instant(), accountsPerPass);
        // A batch queues its successor before it ends: once every future here is done, none is left to come.
        Queue<Future<Integer>> batches = new ConcurrentLinkedQueue<>();
        for (SubscriptionRepository.AccountWithDueWork account : due) {
            long tasks = Math.min(workerCount, (account.due() + batchSize - 1) / batchSize);
            for (int i = 0; i < tasks; i++) {
                batches.add(workers.submit(() -> batchThenNext(account.tenant(), batches)));
            }
        }
        int ran = 0;
        for (Future<Integer> next = batches.poll(); next != null; next = batches.poll()) {
            try {
                ran += next.get();
            } catch (Exception e) {
                log.warn("a billing worker failed", e);
            }
        }
        return ran;
    }

    /**
     * One batch of the account's due work; if it was full, the account's next batch is queued. A short batch
     * ends the account's turn: what falls due later, or was left by a failure, waits for the next pass.
     */
    private int batchThenNext(Tenant tenant, Queue<Future<Integer>> batches) {
        int ran;
        try {
            ran = batch.run(tenant, batchSize);
        } catch (RuntimeException e) {
            log.warn("a billing batch of account {} failed; its work stays due", tenant.accountId(), e);
            return 0;
        }
        if (ran >= batchSize) {
            batches.add(workers.submit(() -> batchThenNext(tenant, batches)));
        }
        return ran;
    }
}
