package com.chaching.subscriptions;

import com.chaching.platform.CurrencyCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A subscription as stored: who it bills, in which currency, its lifecycle state and the settings its invoices use. */
record SubscriptionRow(
        String id,
        String customerId,
        String customerKey,
        CurrencyCode currency,
        SubscriptionState state,
        @Nullable String defaultPaymentMethod,
        List<String> taxRates,
        @Nullable Integer daysUntilDue,
        Map<String, String> metadata,
        Instant updatedAt) {

    /** When the engine next has work on it (stored, so workers can claim due work by it). */
    @Nullable Instant nextWorkAt() {
        return SubscriptionLifecycle.nextWork(state).map(SubscriptionLifecycle.Scheduled::at).orElse(null);
    }

    SubscriptionRow withState(SubscriptionState newState, Instant now) {
        return new SubscriptionRow(id, customerId, customerKey, currency, newState, defaultPaymentMethod, taxRates, daysUntilDue, metadata,
                newState.equals(state) ? updatedAt : now);
    }

    SubscriptionRow withSettings(@Nullable String newDefaultPaymentMethod, List<String> newTaxRates, Map<String, String> newMetadata,
                                 Instant now) {
        return new SubscriptionRow(id, customerId, customerKey, currency, state, newDefaultPaymentMethod, newTaxRates, daysUntilDue,
                newMetadata, now);
    }
}
