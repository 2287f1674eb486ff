package com.chaching.payments;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /transactions}. */
public record TransactionFilter(
        @Parameter(description = "charge, refund or adjustment.") @Nullable TransactionType type,
        @Parameter(description = "pending, succeeded or failed.") @Nullable TransactionStatus status,
        @Parameter(description = "Only this customer's transactions (externalKey).") @Size(max = 255) @Nullable String customer,
        @Parameter(description = "Only this invoice's transactions (in_…).") @Size(max = 255) @Nullable String invoice,
        @Parameter(description = "Only transactions created at or after this instant.") @Nullable Instant createdGte,
        @Parameter(description = "Only transactions created before this instant.") @Nullable Instant createdLt) {

    public static TransactionFilter ofInvoice(String invoiceId) {
        return new TransactionFilter(null, null, null, invoiceId, null, null);
    }
}
