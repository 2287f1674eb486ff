package com.chaching.payments;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /payment-methods}. */
record PaymentMethodFilter(
        @Parameter(description = "Only those attached to this customer (externalKey).") @Size(max = 255) @Nullable String customer,
        @Parameter(description = "Only this type; card is the only one.") @Pattern(regexp = "card", message = "must be card")
        @Nullable String type) {
}
