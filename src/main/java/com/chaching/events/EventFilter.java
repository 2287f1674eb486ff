package com.chaching.events;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /events}. */
public record EventFilter(
        @Parameter(description = "One type (invoice.paid), or every type under a prefix (invoice.*).", example = "invoice.*")
        @Size(max = 100) @Pattern(regexp = "[a-z_]+(\\.[a-z_]+)*(\\.\\*)?", message = "must be a type such as invoice.paid, or a prefix such as invoice.*")
        @Nullable String type,
        @Parameter(description = "Only events created at or after this instant.") @Nullable Instant createdGte,
        @Parameter(description = "Only events created before this instant.") @Nullable Instant createdLt) {
}
