package com.chaching.catalog;

import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /products}. */
public record ProductCreate(
        @Schema(description = "Trimmed; 1 to 120 characters starting with a letter or digit; letters, digits, spaces and "
                + "- _ . & ( ) + / ' only; unique in the account ignoring case.", example = "Pro plan")
        @NotNull @ProductName @Nullable String name,
        @Size(max = 1000) @Nullable String description,
        @Schema(description = "Defaults to true.") @Nullable Boolean active,
        @Schema(description = "A code of GET /products/taxCodes.", example = "txcd_10103000") @Size(max = 20) @Nullable String taxCode,
        @Size(max = 12) @Nullable String unitLabel,
        @ValidMetadata @Nullable Map<String, String> metadata) {
}
