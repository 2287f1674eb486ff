package com.chaching.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/** {@code POST /transactions/{id}/refunds}. */
public record RefundRequest(
        @Schema(description = "Minor units to refund; defaults to all that is left of the charge.") @Min(1) @Max(99_999_999_999L)
        @Nullable Long amount,
        @Schema(description = "duplicate, fraudulent or requested_by_customer.")
        @Pattern(regexp = "duplicate|fraudulent|requested_by_customer", message = "must be duplicate, fraudulent or requested_by_customer")
        @Nullable String reason) {
}
