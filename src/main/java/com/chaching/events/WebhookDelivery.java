package com.chaching.events;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One attempt to deliver one event to one endpoint (events.md "Webhook endpoints"). */
@Schema(name = "WebhookDelivery")
public record WebhookDelivery(
        @Schema(example = "whd_3f2a9c1e7b4d4e0f9a8b6c5d4e3f2a1b", description = "Made by the database with the event, so its form differs from other ids.") String id,
        @Schema(allowableValues = "webhook_delivery") String object,
        @Schema(description = "The event delivered (evt_…).") String event,
        @Schema(description = "1 for the first attempt, then one more for each retry or redelivery.") int attempt,
        @Schema(allowableValues = {"pending", "succeeded", "failed"}) String status,
        @Schema(description = "The receiver's HTTP status; null before the attempt, or when no answer came.") @Nullable Integer responseStatus,
        @Schema(description = "The first 1 KiB of the receiver's answer, or why no answer came.") @Nullable String responseBody,
        @Nullable Integer durationMs,
        @Schema(description = "When the attempt was made, or scheduled (server time).") Instant createdAt,
        @Schema(description = "When this delivery is (or the next attempt after a failure will be) tried; null when no attempt follows.")
        @Nullable Instant nextAttemptAt) {
}
