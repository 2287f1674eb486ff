package com.chaching.subscriptions;

import com.chaching.events.BelongsToCustomer;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.platform.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A customer's subscription: what it bills each period, and where it stands. */
@Schema(name = "Subscription")
public record Subscription(
        @Schema(example = "sub_9oI8uY7tR6eW5qA4sD3fG2hJ") String id,
        @Schema(allowableValues = "subscription") String object,
        @Schema(description = "The customer's externalKey.") String customer,
        SubscriptionStatus status,
        Page<SubscriptionItem> items,
        @Schema(example = "usd") String currency,
        @Schema(description = "The instant periods are counted from, in the account's time zone.") Instant billingCycleAnchor,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        @Nullable Instant trialStart,
        @Nullable Instant trialEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant canceledAt,
        @Nullable Instant endedAt,
        @Nullable Instant pausedAt,
        @Nullable Instant resumesAt,
        @Schema(description = "The payment method (pm_…) charged before the customer's default.") @Nullable String defaultPaymentMethod,
        @Schema(description = "Tax rates (txr_…) applied to every invoice.") List<String> taxRates,
        CollectionMethod collectionMethod,
        @Nullable Integer daysUntilDue,
        @Schema(description = "The last invoice (in_…) made for it.") @Nullable String latestInvoice,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt) implements BelongsToCustomer {

    @Override
    public String customerKey() {
        return customer;
    }
}
