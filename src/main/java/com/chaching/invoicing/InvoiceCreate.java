package com.chaching.invoicing;

import com.chaching.platform.ValidCurrency;
import com.chaching.platform.ValidMetadata;
import com.chaching.tax.TaxBehavior;
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

/** {@code POST /invoices}: a draft invoice with its lines. */
record InvoiceCreate(
        @Schema(description = "The customer's externalKey.", example = "user-42") @NotBlank @Size(max = 255) @Nullable String customer,
        @Schema(description = "Lowercase ISO 4217; every line is in it.", example = "usd") @NotNull @ValidCurrency @Nullable String currency,
        @Schema(description = "1 to 250 lines.") @NotEmpty @Size(max = 250) @Nullable List<@Valid @NotNull LineInput> lines,
        @Schema(description = "Defaults to charge_automatically.") @Nullable CollectionMethod collectionMethod,
        @Schema(description = "send_invoice only: days from finalization to the due date; defaults to 30.") @Min(0) @Max(365)
        @Nullable Integer daysUntilDue,
        @Schema(description = "send_invoice only: the due date itself, instead of daysUntilDue.") @Nullable Instant dueDate,
        @ValidMetadata @Nullable Map<String, String> metadata) {

    /** A line: a price, or a description and an amount of its own. */
    record LineInput(
            @Schema(description = "A price (price_…): its amount, currency, description and tax behavior are used.")
            @Size(max = 255) @Nullable String price,
            @Schema(description = "Without a price: what the line is for.") @Size(max = 500) @Nullable String description,
            @Schema(description = "Without a price: minor units per unit, negative for a credit.")
            @Min(-99_999_999_999L) @Max(99_999_999_999L) @Nullable Long unitAmount,
            @Schema(description = "1 or more; defaults to 1.") @Min(1) @Max(1_000_000) @Nullable Long quantity,
            @Schema(description = "Active tax rates (txr_…) applied to the line.") @Size(max = 5) @Nullable List<@NotBlank String> taxRates,
            @Schema(description = "Without a price: whether unitAmount includes tax; defaults to exclusive.") @Nullable TaxBehavior taxBehavior,
            @Nullable Instant periodStart,
            @Nullable Instant periodEnd) {
    }
}
