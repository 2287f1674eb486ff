package com.chaching.tax;

import com.chaching.platform.CountryCode;
import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /taxRates/{id}}: only the fields sent change; {@code ""} clears a text field. */
public record TaxRateUpdate(
        @Size(min = 1, max = 50) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Nullable String displayName,
        @Size(max = 500) @Nullable String description,
        @Schema(description = "Immutable: sending it is a 400. To change a tax, create a new rate.") @Nullable BigDecimal percentage,
        @CountryCode @Nullable String country,
        @Size(max = 50) @Nullable String state,
        @Size(max = 50) @Nullable String jurisdiction,
        @Nullable Boolean active,
        @ValidMetadata @Nullable Map<String, String> metadata) {
}
