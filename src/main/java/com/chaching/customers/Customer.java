package com.chaching.customers;

import com.chaching.events.BelongsToCustomer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A customer of an account: who invoices are for and whose payment methods are charged. */
@Schema(name = "Customer")
public record Customer(
        @Schema(example = "cus_9s8dF7gH6jK5lM4nB3vC2xZ1") String id,
        @Schema(allowableValues = "customer") String object,
        @Schema(description = "The key the account addresses this customer by in paths and references; defaults to the id.",
                example = "user-42") String externalKey,
        @Nullable String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable Address address,
        @Schema(description = "Up to 50 string keys and values of the account's own.") Map<String, String> metadata,
        @Schema(description = "The payment method charged when nothing more specific is set (pm_…).") @Nullable String defaultPaymentMethod,
        @Schema(description = "Credit balance in minor units: negative is credit applied to the next invoices. Read-only.")
        long balance,
        @Schema(description = "The currency of balance; credit is applied only to invoices in it. Null until the customer has had one.",
                example = "usd") @Nullable String balanceCurrency,
        Instant createdAt,
        Instant updatedAt) implements BelongsToCustomer {

    @Override
    public String customerKey() {
        return externalKey;
    }
}
