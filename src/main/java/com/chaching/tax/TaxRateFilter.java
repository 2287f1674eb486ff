package com.chaching.tax;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /taxRates}. */
public record TaxRateFilter(@Parameter(description = "Only active (true) or inactive (false) rates.") @Nullable Boolean active) {
}
