package com.chaching.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles charges and refunds left pending by a crash or a lost answer (architecture.md "Billing
 * engine"): at start-up and every 30 seconds, in every running copy, it looks up at the gateway each one
 * pending for over a minute. It never sends a charge again.
 */
@Component
public class TransactionReconciler {

    private static final Logger log = LoggerFactory.getLogger(TransactionReconciler.class);
    /** Long enough for any gateway call still under way to have answered. */
    static final Duration LOOK_UP_AFTER = Duration.ofMinutes(1);
    /** A request the gateway has no record of this long after it was sent never reached it. */
    static final Duration NEVER_ARRIVED_AFTER = Duration.ofMinutes(10);
    private static final int BATCH = 100;

    private final TransactionRepository transactions;
    private final TransactionService service;
    private final Clock serverClock;

    TransactionReconciler(TransactionRepository transactions, TransactionService service, Clock serverClock) {
        this.transactions = transactions;
        this.service = service;
        this.serverClock = serverClock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        reconcilePending();
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${chaching.reconciler.interval:PT30S}")
    void everyHalfMinute() {
        reconcilePending();
    }

    /** One pass; returns how many pending transactions it looked at. */
    public int reconcilePending() {
        Instant now = serverClock.instant();
        int looked = 0;
        for (TransactionRepository.Pending pending : transactions.pendingBefore(now.minus(LOOK_UP_AFTER), BATCH)) {
            try {
                // No transaction around it: reconcile asks the gateway first and opens its own to settle.
                service.reconcile(pending.tenant(), pending.transactionId(), now.minus(NEVER_ARRIVED_AFTER));
                looked++;
            } catch (RuntimeException e) {
                log.warn("could not reconcile transaction {} yet", pending.transactionId(), e);
            }
        }
        return looked;
    }
}
