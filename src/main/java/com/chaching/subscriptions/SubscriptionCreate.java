package com.chaching.subscriptions;

import com.chaching.invoicing.CollectionMethod;
import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /subscriptions}. */
public record SubscriptionCreate(
        @Schema(description = "The customer's externalKey.") @NotBlank @Size(max = 255) @Nullable String customer,
        @Schema(description = "1 to 20 items: recurring, active prices of one currency and one interval, each at most once.")
        @NotEmpty @Size(max = 20) @Nullable List<@Valid @NotNull ItemInput> items,
        @Schema(description = "A trial of this many days (1 to 730); or give trialEnd.") @Min(1) @Max(730) @Nullable Integer trialPeriodDays,
        @Schema(description = "When the trial ends; or give trialPeriodDays.") @Nullable Instant trialEnd,
        @Schema(description = "A future instant, within one interval, that periods are counted from; the first invoice is "
                + "prorated up to it. Defaults to now (or the trial's end).") @Nullable Instant billingCycleAnchor,
        @Schema(description = "A payment method (pm_…) attached to the customer.") @Size(max = 255) @Nullable String defaultPaymentMethod,
        @Schema(description = "Active tax rates (txr_…) applied to every invoice.") @Size(max = 5) @Nullable List<@NotBlank String> taxRates,
        @Schema(description = "Defaults to charge_automatically.") @Nullable CollectionMethod collectionMethod,
        @Schema(description = "send_invoice only; defaults to 30.") @Min(0) @Max(365) @Nullable Integer daysUntilDue,
        @Nullable Boolean cancelAtPeriodEnd,
        @ValidMetadata @Nullable Map<String, String> metadata) {

    /** One item to subscribe to. */
    public record ItemInput(
            @Schema(description = "A recurring price (price_…).") @NotBlank @Size(max = 255) @Nullable String price,
            @Schema(description = "1 or more; defaults to 1.") @Min(1) @Max(1_000_000) @Nullable Long quantity) {
    }
}
