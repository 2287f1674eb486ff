package com.chaching.invoicing;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /invoices}. */
public record InvoiceFilter(
        @Parameter(description = "Only this customer's invoices (externalKey).") @Size(max = 255) @Nullable String customer,
        @Parameter(description = "draft, open, paid, void or uncollectible.") @Nullable InvoiceStatus status,
        @Parameter(description = "Only this subscription's invoices (sub_…).") @Size(max = 255) @Nullable String subscription,
        @Parameter(description = "Only invoices created at or after this instant.") @Nullable Instant createdGte,
        @Parameter(description = "Only invoices created before this instant.") @Nullable Instant createdLt) {
}
