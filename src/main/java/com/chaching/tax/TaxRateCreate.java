package com.chaching.tax;

import com.chaching.platform.CountryCode;
import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /taxRates}. */
public record TaxRateCreate(
        @Schema(description = "1 to 50 characters.", example = "VAT") @NotBlank @Size(max = 50) @Nullable String displayName,
        @Size(max = 500) @Nullable String description,
        @Schema(description = "0 to 100, at most 4 decimals, as a JSON number.", example = "19") @NotNull @Percentage @Nullable BigDecimal percentage,
        @CountryCode @Nullable String country,
        @Size(max = 50) @Nullable String state,
        @Size(max = 50) @Nullable String jurisdiction,
        @Schema(description = "Defaults to true.") @Nullable Boolean active,
        @ValidMetadata @Nullable Map<String, String> metadata) {
}
