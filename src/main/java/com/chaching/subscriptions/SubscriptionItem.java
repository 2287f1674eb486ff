package com.chaching.subscriptions;

import io.swagger.v3.oas.annotations.media.Schema;

/** One price a subscription bills every period, and how many of it. */
@Schema(name = "SubscriptionItem")
public record SubscriptionItem(
        @Schema(example = "si_4rT5yU6iO7pA8sD9fG0hJ1kL") String id,
        @Schema(allowableValues = "subscription_item") String object,
        @Schema(description = "The price (price_…).") String price,
        long quantity) {
}
