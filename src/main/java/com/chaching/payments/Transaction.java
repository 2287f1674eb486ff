package com.chaching.payments;

import com.chaching.events.BelongsToCustomer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One movement of money (a charge or a refund) or of a customer's credit (an adjustment). */
@Schema(name = "Transaction")
public record Transaction(
        @Schema(example = "txn_2wE3rT4yU5iO6pA7sD8fG9hJ") String id,
        @Schema(allowableValues = "transaction") String object,
        TransactionType type,
        TransactionStatus status,
        @Schema(description = "Minor units: what was charged or refunded (positive); for an adjustment, the change to the "
                + "customer's balance (negative grants credit).") long amount,
        @Schema(description = "What the gateway kept of a charge; 0 otherwise.") long fee,
        @Schema(description = "What the account's balance gains: amount − fee for a charge, −amount for a refund, 0 for an adjustment.")
        long net,
        @Schema(example = "usd", type = "string") String currency,
        @Schema(description = "The invoice (in_…) it belongs to, if any.") @Nullable String invoice,
        @Schema(description = "The customer's externalKey, if any.") @Nullable String customer,
        @Schema(description = "The payment method (pm_…) charged, if any.") @Nullable String paymentMethod,
        @Schema(description = "For a refund: the charge (txn_…) it refunds.") @Nullable String charge,
        @Schema(description = "The gateway's code when it failed, e.g. card_declined.") @Nullable String failureCode,
        @Nullable String failureMessage,
        @Schema(description = "For a charge: how much of it has been refunded so far.") long refundedAmount,
        @Schema(description = "For a refund: duplicate, fraudulent or requested_by_customer.") @Nullable String reason,
        @Nullable String description,
        @Schema(description = "For a succeeded charge: when its net becomes available balance.") @Nullable Instant availableOn,
        Instant createdAt,
        Instant updatedAt) implements BelongsToCustomer {

    @Override
    public @Nullable String customerKey() {
        return customer;
    }
}
