package com.chaching.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Where an account's events are delivered (events.md "Webhook endpoints"). */
@Schema(name = "WebhookEndpoint")
public record WebhookEndpoint(
        @Schema(example = "we_1MqFb4LkdIwHu7ixbJ1sXk2w") String id,
        @Schema(allowableValues = "webhook_endpoint") String object,
        @Schema(example = "https://example.com/chaching/webhooks") String url,
        @Schema(description = "Event types delivered: exact types, prefixes such as subscription.*, or * for every type.",
                example = "[\"invoice.paid\", \"subscription.*\"]") List<String> enabledEvents,
        @Nullable String description,
        Map<String, String> metadata,
        @Schema(allowableValues = {"enabled", "disabled"}) String status,
        @Schema(description = "The last four characters of the signing secret.") String secretLast4,
        @Schema(description = "The signing secret (whsec_…): in the response that creates the endpoint or rotates its "
                + "secret only, never again.")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret,
        boolean livemode,
        Instant createdAt,
        Instant updatedAt) {

    /** The same endpoint with its secret in the answer: only that of a create or a rotation. */
    WebhookEndpoint withSecret(String shownOnce) {
        return new WebhookEndpoint(id, object, url, enabledEvents, description, metadata, status, secretLast4, shownOnce,
                livemode, createdAt, updatedAt);
    }

    WebhookEndpoint withStatus(String newStatus) {
        return new WebhookEndpoint(id, object, url, enabledEvents, description, metadata, newStatus, secretLast4, secret,
                livemode, createdAt, updatedAt);
    }
}
