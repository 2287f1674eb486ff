package com.chaching.subscriptions;

import com.chaching.catalog.Recurring;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.SubscriptionInvoice;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a subscription stands in its lifecycle: everything {@link SubscriptionLifecycle} decides on and
 * changes, and nothing else. The invoices it is waiting on are named for what they are: the first invoice
 * (its payment makes an incomplete subscription active), the dunning invoice (the one whose failed payment
 * made it past due) and the invoice being collected right now. {@code trialEndAnnounced}: the customer was told
 * that the trial ends soon (once per subscription, as Stripe's trial_will_end).
 */
record SubscriptionState(
        SubscriptionStatus status,
        CollectionMethod collectionMethod,
        Recurring.Interval interval,
        int intervalCount,
        Instant billingCycleAnchor,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        @Nullable Instant trialStart,
        @Nullable Instant trialEnd,
        boolean trialEndAnnounced,
        boolean cancelAtPeriodEnd,
        @Nullable Instant canceledAt,
        @Nullable Instant endedAt,
        @Nullable Pause pause,
        @Nullable String firstInvoice,
        @Nullable String latestInvoice,
        @Nullable Collecting collecting,
        @Nullable Dunning dunning,
        List<SubscriptionInvoice.Line> pendingLines,
        Instant createdAt) {

    /** Paused at {@code pausedAt}; returns to {@code resumesTo} by hand or at {@code resumesAt}. */
    record Pause(Instant pausedAt, @Nullable Instant resumesAt, SubscriptionStatus resumesTo) {
    }

    /**
     * The invoice whose payment failed, and its retries: {@code retriesMade} of the account's schedule are
     * spent, the next falls at {@code nextRetryAt} (none once the retries are over and the subscription is unpaid).
     */
    record Dunning(String invoice, Instant startedAt, int retriesMade, @Nullable Instant nextRetryAt) {
    }

    /** An invoice being charged; if no outcome has arrived by {@code checkAt} (a crash), it is collected again. */
    record Collecting(String invoice, Instant checkAt) {
    }

    BillingPeriods.Period currentPeriod() {
        return new BillingPeriods.Period(0, currentPeriodStart, currentPeriodEnd);
    }

    /** The status that payments and changes apply to: a paused subscription's is the one it will resume to. */
    SubscriptionStatus standing() {
        return pause != null ? pause.resumesTo() : status;
    }

    boolean isCollecting(String invoice) {
        return collecting != null && collecting.invoice().equals(invoice);
    }

    boolean isDunning(String invoice) {
        return dunning != null && dunning.invoice().equals(invoice);
    }

    SubscriptionState with(Change change) {
        Builder b = new Builder(this);
        change.apply(b);
        return b.build();
    }

    /** A change to some fields of a state. */
    @FunctionalInterface
    interface Change {
        void apply(Builder state);
    }

    /** A mutable copy, for {@link #with}: set what changes, keep the rest. */
    static final class Builder {
        SubscriptionStatus status;
        CollectionMethod collectionMethod;
        Recurring.Interval interval;
        int intervalCount;
        Instant billingCycleAnchor;
        Instant currentPeriodStart;
        Instant currentPeriodEnd;
        @Nullable Instant trialStart;
        @Nullable Instant trialEnd;
        boolean trialEndAnnounced;
        boolean cancelAtPeriodEnd;
        @Nullable Instant canceledAt;
        @Nullable Instant endedAt;
        @Nullable Pause pause;
        @Nullable String firstInvoice;
        @Nullable String latestInvoice;
        @Nullable Collecting collecting;
        @Nullable Dunning dunning;
        List<SubscriptionInvoice.Line> pendingLines;
        Instant createdAt;

        Builder(SubscriptionState state) {
            status = state.status;
            collectionMethod = state.collectionMethod;
            interval = state.interval;
            intervalCount = state.intervalCount;
            billingCycleAnchor = state.billingCycleAnchor;
            currentPeriodStart = state.currentPeriodStart;
            currentPeriodEnd = state.currentPeriodEnd;
            trialStart = state.trialStart;
            trialEnd = state.trialEnd;
            trialEndAnnounced = state.trialEndAnnounced;
            cancelAtPeriodEnd = state.cancelAtPeriodEnd;
            canceledAt = state.canceledAt;
            endedAt = state.endedAt;
            pause = state.pause;
            firstInvoice = state.firstInvoice;
            latestInvoice = state.latestInvoice;
            collecting = state.collecting;
            dunning = state.dunning;
            pendingLines = state.pendingLines;
            createdAt = state.createdAt;
        }

        SubscriptionState build() {
            return new SubscriptionState(status, collectionMethod, interval, intervalCount, billingCycleAnchor, currentPeriodStart,
                    currentPeriodEnd, trialStart, trialEnd, trialEndAnnounced, cancelAtPeriodEnd, canceledAt, endedAt, pause, firstInvoice, latestInvoice,
                    collecting, dunning, List.copyOf(pendingLines), createdAt);
        }
    }
}
