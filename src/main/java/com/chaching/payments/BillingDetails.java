package com.chaching.payments;

import com.chaching.platform.CountryCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Who pays with a payment method, as the card holder gave it. */
@Schema(name = "BillingDetails")
public record BillingDetails(
        @Size(max = 256) @Nullable String name,
        @Email @Size(max = 512) @Nullable String email,
        @Size(max = 40) @Nullable String phone,
        @Valid @Nullable Address address) {

    @Schema(name = "BillingAddress")
    public record Address(
            @Size(max = 200) @Nullable String line1,
            @Size(max = 200) @Nullable String line2,
            @Size(max = 200) @Nullable String city,
            @Size(max = 200) @Nullable String state,
            @Size(max = 20) @Nullable String postalCode,
            @CountryCode @Nullable String country) {
    }
}
