package com.chaching.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code POST /payment-methods/{id}/attach}. */
public record AttachRequest(
        @Schema(description = "The externalKey of the customer to attach the payment method to.", example = "user-42")
        @NotBlank @Size(max = 255) @Nullable String customer) {
}
