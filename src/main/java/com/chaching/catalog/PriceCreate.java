package com.chaching.catalog;

import com.chaching.platform.ValidCurrency;
import com.chaching.platform.ValidMetadata;
import com.chaching.tax.TaxBehavior;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /prices/{productId}}. */
public record PriceCreate(
        @Schema(description = "Lowercase ISO 4217 code.", example = "usd") @NotNull @ValidCurrency @Nullable String currency,
        @Schema(description = "Minor units, 0 to 99 999 999 999; an integer.", example = "1999")
        @NotNull @Min(0) @Max(PriceRules.MAX_UNIT_AMOUNT) @Nullable Long unitAmount,
        @NotNull @Nullable PriceType type,
        @Schema(description = "Required exactly when type is recurring.") @Valid @Nullable Recurring recurring,
        @Schema(description = "Defaults to exclusive.") @Nullable TaxBehavior taxBehavior,
        @Size(max = 250) @Nullable String nickname,
        @Size(max = 1000) @Nullable String description,
        @Size(max = 200) @Nullable String lookupKey,
        @Schema(description = "Defaults to true.") @Nullable Boolean active,
        @ValidMetadata @Nullable Map<String, String> metadata) {
}
