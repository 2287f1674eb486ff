package com.chaching.catalog;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /products}. */
public record ProductFilter(
        @Parameter(description = "Only active (true) or inactive (false) products.") @Nullable Boolean active,
        @Parameter(description = "Only products whose name contains this text, ignoring case.") @Size(max = 120) @Nullable String search) {
}
