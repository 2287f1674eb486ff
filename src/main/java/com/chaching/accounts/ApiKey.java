package com.chaching.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One of an account's secret keys (api.md "Keys"). The secret itself is shown once, then only its last four characters. */
@Schema(name = "ApiKey")
public record ApiKey(
        @Schema(example = "key_1NVbGkLkdIwHu7ixeGqCqXJ3") String id,
        @Schema(allowableValues = "api_key") String object,
        @Schema(example = "Billing worker") String name,
        @Schema(description = "The last four characters of the secret.", example = "4f2Q") String last4,
        @Schema(description = "The secret key (sk_test_… or sk_live_…): in the response that creates or rolls the key only, never again.")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret,
        boolean livemode,
        @Schema(description = "Server time, like every time of a key: a test clock does not age keys.") Instant createdAt,
        @Schema(description = "When a request last used the key, to within a few seconds; null if never.") @Nullable Instant lastUsedAt,
        @Schema(description = "When the key stops working (set by a roll); null if it does not expire.") @Nullable Instant expiresAt) {

    /** The same key in the one answer that shows its secret. */
    ApiKey withSecret(String shownOnce) {
        return new ApiKey(id, object, name, last4, shownOnce, livemode, createdAt, lastUsedAt, expiresAt);
    }
}
