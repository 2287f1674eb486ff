package com.chaching.customers;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /customers}. */
public record CustomerFilter(
        @Parameter(description = "Only customers with exactly this email, ignoring case.") @Size(max = 512) @Nullable String email,
        @Parameter(description = "Only customers created at or after this instant.") @Nullable Instant createdGte,
        @Parameter(description = "Only customers created before this instant.") @Nullable Instant createdLt) {
}
