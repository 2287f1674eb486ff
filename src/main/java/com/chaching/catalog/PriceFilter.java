package com.chaching.catalog;

import com.chaching.platform.ValidCurrency;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /prices}. */
public record PriceFilter(
        @Parameter(description = "Only prices of this product (prod_…).") @Size(max = 255) @Nullable String product,
        @Parameter(description = "Only active (true) or inactive (false) prices.") @Nullable Boolean active,
        @Parameter(description = "one_time or recurring.") @Nullable PriceType type,
        @Parameter(description = "Only prices in this currency (lowercase ISO 4217).") @ValidCurrency @Nullable String currency,
        @Parameter(description = "Only the price with this lookup key.") @Size(max = 200) @Nullable String lookupKey) {
}
