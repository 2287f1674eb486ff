package com.chaching.invoicing;

import com.chaching.events.BelongsToCustomer;
import com.chaching.platform.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An invoice: what a customer owes, line by line, and what became of it. */
@Schema(name = "Invoice")
public record Invoice(
        @Schema(example = "in_8uY7tR6eW5qA4sD3fG2hJ1kL") String id,
        @Schema(allowableValues = "invoice") String object,
        @Schema(description = "Assigned at finalization, gap-free per account: {invoicePrefix}-{000001}. Null while draft.",
                example = "ACME-000042") @Nullable String number,
        InvoiceStatus status,
        @Schema(description = "The customer's externalKey.") String customer,
        @Schema(description = "The subscription (sub_…) it bills, if any.") @Nullable String subscription,
        @Schema(example = "usd", type = "string") String currency,
        @Schema(description = "Every line, in order.") Page<InvoiceLine> lines,
        @Schema(description = "Σ line amounts.") long subtotal,
        @Schema(description = "Σ every tax amount, inclusive and exclusive.") long tax,
        @Schema(description = "total − tax.") long totalExcludingTax,
        @Schema(description = "subtotal + Σ exclusive tax.") long total,
        @Schema(description = "Credit from the customer's balance applied at finalization.") long appliedBalance,
        @Schema(description = "total − appliedBalance, never below 0.") long amountDue,
        long amountPaid,
        @Schema(description = "amountDue − amountPaid.") long amountRemaining,
        @Schema(description = "How many payment attempts were made.") int attemptCount,
        @Nullable Instant nextPaymentAttempt,
        @Nullable Instant dueDate,
        @Schema(description = "Why the invoice exists: manual, subscription_create, subscription_cycle, subscription_update.")
        String billingReason,
        CollectionMethod collectionMethod,
        @Nullable Integer daysUntilDue,
        @Nullable Instant finalizedAt,
        @Nullable Instant paidAt,
        @Nullable Instant voidedAt,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt) implements BelongsToCustomer {

    @Override
    public String customerKey() {
        return customer;
    }
}
