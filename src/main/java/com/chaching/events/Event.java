package com.chaching.events;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Something that happened in an account, as events.md shapes it. */
@Schema(name = "Event")
public record Event(
        @Schema(example = "evt_1NVbGkLkdIwHu7ixeGqCqXJ3") String id,
        @Schema(allowableValues = "event") String object,
        @Schema(description = "The resource's object name, a dot, a past-tense verb; docs/events.md lists them all.",
                example = "invoice.paid") String type,
        @Schema(description = "When it happened, on the account's clock (a sandbox's test clock moves it).") Instant createdAt,
        boolean livemode,
        EventData data,
        @Schema(description = "The API request that made the change; both null for the billing engine's own work.") EventRequest request) {
}
