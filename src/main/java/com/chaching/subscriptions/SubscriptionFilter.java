package com.chaching.subscriptions;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /subscriptions}. */
public record SubscriptionFilter(
        @Parameter(description = "Only this customer's subscriptions (externalKey).") @Size(max = 255) @Nullable String customer,
        @Parameter(description = "Only subscriptions in this status.") @Nullable SubscriptionStatus status,
        @Parameter(description = "Only subscriptions with this price (price_…) among their items.") @Size(max = 255) @Nullable String price) {
}
