package com.chaching.events;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code POST /events/{id}/redeliver}. */
record RedeliverRequest(
        @Schema(description = "The webhook endpoint (we_…) to send the event to again.", example = "we_1MqFb4LkdIwHu7ixbJ1sXk2w")
        @NotBlank @Size(max = 255) @Nullable String endpoint) {
}
