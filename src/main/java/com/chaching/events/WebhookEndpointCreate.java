package com.chaching.events;

import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /webhook-endpoints}. */
public record WebhookEndpointCreate(
        @Schema(description = "http or https (https for live accounts); no private, loopback or link-local address.",
                example = "https://example.com/chaching/webhooks")
        @NotBlank @Size(max = 2048) @Nullable String url,
        @Schema(example = "[\"invoice.paid\", \"subscription.*\"]")
        @NotEmpty @Size(max = 100) @Nullable List<@NotBlank @Pattern(regexp = WebhookEndpointCreate.EVENT_PATTERN,
                message = "must be a type such as invoice.paid, a prefix such as invoice.*, or *") String> enabledEvents,
        @Size(max = 500) @Nullable String description,
        @ValidMetadata @Nullable Map<String, String> metadata) {

    /** A type, a prefix ending in .*, or * alone. */
    static final String EVENT_PATTERN = "\\*|[a-z_]{1,50}(\\.[a-z_]{1,50}){0,3}(\\.\\*)?";
}
