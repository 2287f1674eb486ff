package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code POST /api-keys}. */
public record ApiKeyCreate(
        @Schema(description = "What the key is for, shown in lists.", example = "Billing worker")
        @NotBlank @Size(max = 100) @Nullable String name) {
}
