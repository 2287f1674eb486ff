package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code POST /test-clock/advance}. */
public record AdvanceRequest(
        @Schema(description = "The instant to move the clock to; not before its current time, not past 9999.", example = "2026-12-24T10:00:00Z")
        @NotNull @Nullable Instant to) {
}
