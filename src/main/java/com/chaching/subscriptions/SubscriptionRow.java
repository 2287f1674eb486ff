package com.chaching.subscriptions;

import com.chaching.catalog.Recurring;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.platform.CurrencyCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A subscription as stored: every field the engine decides on. Withers return changed copies. */
record SubscriptionRow(
        String id,
        String customerId,
        String customerKey,
        SubscriptionStatus status,
        CurrencyCode currency,
        Recurring.Interval interval,
        int intervalCount,
        Instant billingCycleAnchor,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        @Nullable Instant trialStart,
        @Nullable Instant trialEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant canceledAt,
        @Nullable Instant endedAt,
        @Nullable Instant pausedAt,
        @Nullable Instant resumesAt,
        @Nullable SubscriptionStatus statusBeforePause,
        @Nullable String defaultPaymentMethod,
        List<String> taxRates,
        CollectionMethod collectionMethod,
        @Nullable Integer daysUntilDue,
        @Nullable String latestInvoice,
        @Nullable String collectingInvoice,
        @Nullable Instant dunningStartedAt,
        @Nullable Instant nextRetryAt,
        int retryCount,
        List<SubscriptionInvoice.Line> pendingLines,
        Map<String, String> metadata,
        @Nullable Instant nextWorkAt,
        Instant createdAt,
        Instant updatedAt) {

    SubscriptionRow with(Change change) {
        Builder b = new Builder(this);
        change.apply(b);
        return b.build();
    }

    /** A change to some fields of a row. */
    @FunctionalInterface
    interface Change {
        void apply(Builder row);
    }

    /** A mutable copy, for {@link #with}: set what changes, keep the rest. */
    static final class Builder {
        String id;
        String customerId;
        String customerKey;
        SubscriptionStatus status;
        CurrencyCode currency;
        Recurring.Interval interval;
        int intervalCount;
        Instant billingCycleAnchor;
        Instant currentPeriodStart;
        Instant currentPeriodEnd;
        @Nullable Instant trialStart;
        @Nullable Instant trialEnd;
        boolean cancelAtPeriodEnd;
        @Nullable Instant canceledAt;
        @Nullable Instant endedAt;
        @Nullable Instant pausedAt;
        @Nullable Instant resumesAt;
        @Nullable SubscriptionStatus statusBeforePause;
        @Nullable String defaultPaymentMethod;
        List<String> taxRates;
        CollectionMethod collectionMethod;
        @Nullable Integer daysUntilDue;
        @Nullable String latestInvoice;
        @Nullable String collectingInvoice;
        @Nullable Instant dunningStartedAt;
        @Nullable Instant nextRetryAt;
        int retryCount;
        List<SubscriptionInvoice.Line> pendingLines;
        Map<String, String> metadata;
        @Nullable Instant nextWorkAt;
        Instant createdAt;
        Instant updatedAt;

        Builder(SubscriptionRow row) {
            id = row.id;
            customerId = row.customerId;
            customerKey = row.customerKey;
            status = row.status;
            currency = row.currency;
            interval = row.interval;
            intervalCount = row.intervalCount;
            billingCycleAnchor = row.billingCycleAnchor;
            currentPeriodStart = row.currentPeriodStart;
            currentPeriodEnd = row.currentPeriodEnd;
            trialStart = row.trialStart;
            trialEnd = row.trialEnd;
            cancelAtPeriodEnd = row.cancelAtPeriodEnd;
            canceledAt = row.canceledAt;
            endedAt = row.endedAt;
            pausedAt = row.pausedAt;
            resumesAt = row.resumesAt;
            statusBeforePause = row.statusBeforePause;
            defaultPaymentMethod = row.defaultPaymentMethod;
            taxRates = row.taxRates;
            collectionMethod = row.collectionMethod;
            daysUntilDue = row.daysUntilDue;
            latestInvoice = row.latestInvoice;
            collectingInvoice = row.collectingInvoice;
            dunningStartedAt = row.dunningStartedAt;
            nextRetryAt = row.nextRetryAt;
            retryCount = row.retryCount;
            pendingLines = row.pendingLines;
            metadata = row.metadata;
            nextWorkAt = row.nextWorkAt;
            createdAt = row.createdAt;
            updatedAt = row.updatedAt;
        }

        SubscriptionRow build() {
            return new SubscriptionRow(id, customerId, customerKey, status, currency, interval, intervalCount, billingCycleAnchor,
                    currentPeriodStart, currentPeriodEnd, trialStart, trialEnd, cancelAtPeriodEnd, canceledAt, endedAt, pausedAt,
                    resumesAt, statusBeforePause, defaultPaymentMethod, taxRates, collectionMethod, daysUntilDue, latestInvoice,
                    collectingInvoice, dunningStartedAt, nextRetryAt, retryCount, pendingLines, metadata, nextWorkAt, createdAt, updatedAt);
        }
    }
}
