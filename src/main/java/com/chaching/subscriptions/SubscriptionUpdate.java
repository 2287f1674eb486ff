package com.chaching.subscriptions;

import com.chaching.platform.ValidMetadata;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /subscriptions/{id}}: only the fields sent change. */
public record SubscriptionUpdate(
        @Schema(description = "{id, quantity} changes an item, {price, quantity} adds one, {id, deleted: true} removes one.")
        @Size(max = 20) @Nullable List<@Valid @NotNull ItemChange> items,
        @Schema(description = "How a change of price or quantity mid-period is billed; defaults to create_prorations.")
        @Nullable ProrationBehavior prorationBehavior,
        @Schema(description = "A payment method attached to the customer; \"\" clears it.") @Size(max = 255) @Nullable String defaultPaymentMethod,
        @Schema(description = "Replaces the tax rates; each must be active.") @Size(max = 5) @Nullable List<@NotBlank String> taxRates,
        @Nullable Boolean cancelAtPeriodEnd,
        @ValidMetadata @Nullable Map<String, String> metadata) {

    /** A change to the items. */
    public record ItemChange(
            @Size(max = 255) @Nullable String id,
            @Size(max = 255) @Nullable String price,
            @Min(1) @Max(1_000_000) @Nullable Long quantity,
            @Nullable Boolean deleted) {
    }

    /** billing.md: create_prorations (default), always_invoice, or none. */
    public enum ProrationBehavior {
        @JsonProperty("create_prorations") CREATE_PRORATIONS,
        @JsonProperty("always_invoice") ALWAYS_INVOICE,
        @JsonProperty("none") NONE
    }
}
