package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/** {@code POST /api-keys/{id}/roll}: the body is optional. */
record ApiKeyRoll(
        @Schema(description = "How long the old secret keeps working, in hours (0 to 168, as Stripe allows a week). "
                + "Default 0: it stops at once.", example = "24")
        @Min(0) @Max(ApiKeyRoll.MAX_HOURS) @Nullable Integer expiresInHours) {

    static final int MAX_HOURS = 168;
}
