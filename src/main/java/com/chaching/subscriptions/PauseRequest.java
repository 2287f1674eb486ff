package com.chaching.subscriptions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code POST /subscriptions/{id}/pause}. */
public record PauseRequest(@Schema(description = "When to resume by itself; without it, the subscription waits for resume.") @Nullable Instant resumesAt) {
}
