package com.chaching.customers;

import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /customers/{externalKey}}: only the fields sent change. As in Stripe, {@code ""} clears
 * a text field; {@code address} replaces the whole address ({@code {}} clears it); {@code metadata} is
 * merged key by key, {@code ""} removing a key.
 */
public record CustomerUpdate(
        @Schema(description = "Immutable: sending a different value is a 400.") @Nullable String externalKey,
        @Size(max = 256) @Nullable String name,
        @Email @Size(max = 512) @Nullable String email,
        @Size(max = 40) @Nullable String phone,
        @Valid @Nullable Address address,
        @ValidMetadata @Nullable Map<String, String> metadata,
        @Schema(description = "A payment method (pm_…) attached to this customer; \"\" clears it.") @Size(max = 255)
        @Nullable String defaultPaymentMethod) {
}
