package com.chaching.catalog;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The filter of {@code GET /products/taxCodes}. */
record TaxCodeFilter(
        @Parameter(description = "Only codes whose id, name, description or category contains this text, ignoring case.")
        @Size(max = 200) @Nullable String search) {
}
