package com.chaching.catalog;

import com.chaching.platform.ValidMetadata;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /products/{id}}: only the fields sent change; {@code ""} clears a text field. */
record ProductUpdate(
        @ProductName @Nullable String name,
        @Size(max = 1000) @Nullable String description,
        @Nullable Boolean active,
        @Size(max = 20) @Nullable String taxCode,
        @Size(max = 12) @Nullable String unitLabel,
        @ValidMetadata @Nullable Map<String, String> metadata) {
}
