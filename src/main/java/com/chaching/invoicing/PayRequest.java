package com.chaching.invoicing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code PUT /invoices/{id}}: pay it, optionally with a given payment method. */
record PayRequest(
        @Schema(description = "A payment method (pm_…) attached to the invoice's customer; else the subscription's default, "
                + "else the customer's default.") @Size(max = 255) @Nullable String paymentMethod) {
}
