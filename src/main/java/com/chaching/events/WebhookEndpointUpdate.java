package com.chaching.events;

import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /webhook-endpoints/{id}}: only the fields sent change; {@code ""} clears the description. */
record WebhookEndpointUpdate(
        @Size(min = 1, max = 2048) @Nullable String url,
        @Size(min = 1, max = 100) @Nullable List<@NotBlank @Pattern(regexp = WebhookEndpointCreate.EVENT_PATTERN,
                message = "must be a type such as invoice.paid, a prefix such as invoice.*, or *") String> enabledEvents,
        @Size(max = 500) @Nullable String description,
        @ValidMetadata @Nullable Map<String, String> metadata,
        @Schema(allowableValues = {"enabled", "disabled"}) @Pattern(regexp = "enabled|disabled", message = "must be enabled or disabled")
        @Nullable String status) {
}
