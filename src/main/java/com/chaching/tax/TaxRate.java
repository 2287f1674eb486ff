package com.chaching.tax;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A tax rate an account applies to invoice lines and subscriptions. */
@Schema(name = "TaxRate")
public record TaxRate(
        @Schema(example = "txr_1MzA9bC8dE7fG6hI5jK4lM3n") String id,
        @Schema(allowableValues = "tax_rate") String object,
        @Schema(description = "Shown to customers on invoices, e.g. \"VAT\" or \"Sales tax\".", example = "VAT") String displayName,
        @Nullable String description,
        @Schema(description = "0 to 100, at most 4 decimals; fixed once created.", example = "8.875") BigDecimal percentage,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", example = "DE") @Nullable String country,
        @Schema(description = "State, province or region code.", example = "NY") @Nullable String state,
        @Schema(description = "The jurisdiction the tax is for.", example = "New York City") @Nullable String jurisdiction,
        @Schema(description = "Inactive rates stay on what already uses them but cannot be put on new invoices or subscriptions.")
        boolean active,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
