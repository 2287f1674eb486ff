package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An account: one business using Chaching, with the settings later modules read. */
@Schema(name = "Account")
public record Account(
        @Schema(example = "acct_4f8Zq2LmN0pQrStUvWxYz012") String id,
        @Schema(allowableValues = "account") String object,
        @Schema(description = "The business's name.") String name,
        @Schema(description = "The owner's sign-in email.") String email,
        @Schema(description = "false for a sandbox account (sk_test_ keys, the sandbox gateway, the test clock).") boolean livemode,
        @Schema(description = "IANA time zone in which billing periods are counted.", example = "Europe/Berlin") String timeZone,
        @Schema(description = "Prefix of invoice numbers: A–Z and 0–9, 3 to 12 characters.", example = "ACME") String invoicePrefix,
        @Schema(description = "Days after a renewal's first failed payment on which it is retried.", example = "[1, 3, 5, 7]") List<Integer> retrySchedule,
        @Schema(description = "What a subscription becomes when its last retry fails.") AfterRetries afterRetries,
        @Schema(description = "Days after which a succeeded charge moves from pending to available balance.", example = "2") int settlementDays,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "A live account's payment gateway once set (PATCH /account gateway); null until then, and "
                + "always null for a sandbox, which charges through the sandbox gateway.") @Nullable AccountGateway gateway) {
}
