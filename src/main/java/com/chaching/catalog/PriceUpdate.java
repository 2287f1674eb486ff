package com.chaching.catalog;

import com.chaching.platform.ValidCurrency;
import com.chaching.platform.ValidMetadata;
import com.chaching.tax.TaxBehavior;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /prices/{id}/active} (description, nickname, metadata and {@code active} only) and
 * {@code PATCH /prices/{id}/inactive} (every field). Only the fields sent change; {@code ""} clears text.
 */
public record PriceUpdate(
        @Schema(description = "Immutable: a price stays with its product.") @Nullable String product,
        @ValidCurrency @Nullable String currency,
        @Min(0) @Max(PriceRules.MAX_UNIT_AMOUNT) @Nullable Long unitAmount,
        @Nullable PriceType type,
        @Valid @Nullable Recurring recurring,
        @Nullable TaxBehavior taxBehavior,
        @Size(max = 250) @Nullable String nickname,
        @Size(max = 1000) @Nullable String description,
        @Size(max = 200) @Nullable String lookupKey,
        @Nullable Boolean active,
        @ValidMetadata @Nullable Map<String, String> metadata) {
}
