package com.chaching.subscriptions;

import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One step of a subscription's due work — a renewal, a trial's end, a retry, an expiry, a resumption, a
 * scheduled cancellation — in one transaction that locks the subscription, checks the work is still due
 * (another worker may have done it) and carries it out; then the charge it calls for, holding no transaction.
 * So each piece of work happens once however many workers try.
 */
@Component
class DueWorkStep {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionTransitions transitions;
    private final SubscriptionCollection collection;
    private final AccountClock clocks;
    private final TransactionTemplate inTransaction;

    DueWorkStep(SubscriptionRepository subscriptions, SubscriptionTransitions transitions, SubscriptionCollection collection,
                AccountClock clocks, TransactionTemplate inTransaction) {
        this.subscriptions = subscriptions;
        this.transitions = transitions;
        this.collection = collection;
        this.clocks = clocks;
        this.inTransaction = inTransaction;
    }

    /** What a step did: whether work was due, and the invoice to charge. */
    record Done(boolean ran, @Nullable String toCollect) {
    }

    /** Runs the subscription's due work, if it still is; returns whether it was. */
    boolean run(Tenant tenant, String subscriptionId) {
        Done done = inTransaction.execute(status -> decide(tenant, subscriptionId));
        if (done == null || !done.ran()) {
            return false;
        }
        if (done.toCollect() != null) {
            collection.collect(tenant, subscriptionId, done.toCollect());
        }
        return true;
    }

    /** The transactional half of {@link #run}: the charge, if any, is left to the caller. */
    @Transactional(propagation = Propagation.MANDATORY)
    Done decide(Tenant tenant, String subscriptionId) {
        SubscriptionRow row = transitions.lock(tenant, subscriptionId).orElse(null);
        if (row == null) {
            return new Done(false, null);
        }
        Optional<LifecycleEvent.Due> due = SubscriptionLifecycle.dueAt(row.state(), clocks.now(tenant));
        if (due.isEmpty()) {
            // Done by another worker already, which saved the next work's instant with it.
            return new Done(false, null);
        }
        return new Done(true, transitions.apply(tenant, row, due.get()));
    }
}
