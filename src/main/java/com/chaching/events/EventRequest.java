package com.chaching.events;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The API request behind an event. */
@Schema(name = "EventRequest")
public record EventRequest(
        @Schema(description = "The request's Request-Id.", example = "req_9s8dF7gH6jK5lM4nB3vC2xZ1") @Nullable String id,
        @Schema(description = "The Idempotency-Key it was sent with.") @Nullable String idempotencyKey) {
}
