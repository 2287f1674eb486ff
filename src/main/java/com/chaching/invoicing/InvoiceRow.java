package com.chaching.invoicing;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An invoice as stored, without its lines: what the service decides on. */
record InvoiceRow(
        String id,
        @Nullable String number,
        InvoiceStatus status,
        String customerId,
        String customerKey,
        @Nullable String subscriptionId,
        CurrencyCode currency,
        CollectionMethod collectionMethod,
        @Nullable Integer daysUntilDue,
        @Nullable Instant dueDate,
        String billingReason,
        InvoiceTotals totals,
        long amountPaid,
        int attemptCount,
        @Nullable Integer paymentInFlight,
        @Nullable Instant nextPaymentAttempt,
        @Nullable Instant finalizedAt,
        @Nullable Instant paidAt,
        @Nullable Instant voidedAt,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt) {

    long amountRemaining() {
        return totals.amountDue().minus(Money.of(amountPaid, currency)).amount();
    }

    InvoiceRow finalized(@Nullable String number, InvoiceTotals totals, @Nullable Instant dueDate, Instant now) {
        return new InvoiceRow(id, number, InvoiceStatus.OPEN, customerId, customerKey, subscriptionId, currency, collectionMethod,
                daysUntilDue, dueDate, billingReason, totals, amountPaid, attemptCount, paymentInFlight, nextPaymentAttempt, now,
                paidAt, voidedAt, metadata, createdAt, now);
    }

    /** A batch's invoice, finalized before the account's numbers are taken, given its number. */
    InvoiceRow withNumber(String number) {
        return new InvoiceRow(id, number, status, customerId, customerKey, subscriptionId, currency, collectionMethod, daysUntilDue,
                dueDate, billingReason, totals, amountPaid, attemptCount, paymentInFlight, nextPaymentAttempt, finalizedAt, paidAt,
                voidedAt, metadata, createdAt, updatedAt);
    }

    InvoiceRow paid(long amountPaid, Instant now) {
        return new InvoiceRow(id, number, InvoiceStatus.PAID, customerId, customerKey, subscriptionId, currency, collectionMethod,
                daysUntilDue, dueDate, billingReason, totals, amountPaid, attemptCount, null, null, finalizedAt, now, voidedAt,
                metadata, createdAt, now);
    }

    InvoiceRow voided(Instant now) {
        return new InvoiceRow(id, number, InvoiceStatus.VOID, customerId, customerKey, subscriptionId, currency, collectionMethod,
                daysUntilDue, dueDate, billingReason, totals.withCredit(Money.zero(currency)), 0, attemptCount, null, null, finalizedAt,
                paidAt, now, metadata, createdAt, now);
    }

    InvoiceRow nextAttemptAt(@Nullable Instant at) {
        return new InvoiceRow(id, number, status, customerId, customerKey, subscriptionId, currency, collectionMethod, daysUntilDue,
                dueDate, billingReason, totals, amountPaid, attemptCount, paymentInFlight, at, finalizedAt, paidAt, voidedAt, metadata,
                createdAt, updatedAt);
    }

    InvoiceRow uncollectible(Instant now) {
        return new InvoiceRow(id, number, InvoiceStatus.UNCOLLECTIBLE, customerId, customerKey, subscriptionId, currency, collectionMethod,
                daysUntilDue, dueDate, billingReason, totals, amountPaid, attemptCount, null, null, finalizedAt, paidAt, voidedAt,
                metadata, createdAt, now);
    }

    InvoiceRow attemptStarted(int attempt, Instant now) {
        return new InvoiceRow(id, number, status, customerId, customerKey, subscriptionId, currency, collectionMethod, daysUntilDue,
                dueDate, billingReason, totals, amountPaid, attemptCount, attempt, nextPaymentAttempt, finalizedAt, paidAt, voidedAt,
                metadata, createdAt, now);
    }

    InvoiceRow attemptFailed(int attempt, Instant now) {
        return new InvoiceRow(id, number, status, customerId, customerKey, subscriptionId, currency, collectionMethod, daysUntilDue,
                dueDate, billingReason, totals, amountPaid, Math.max(attemptCount, attempt), null, nextPaymentAttempt, finalizedAt,
                paidAt, voidedAt, metadata, createdAt, now);
    }

    InvoiceRow attemptSucceeded(int attempt, long amount, Instant now) {
        InvoiceRow counted = new InvoiceRow(id, number, status, customerId, customerKey, subscriptionId, currency, collectionMethod,
                daysUntilDue, dueDate, billingReason, totals, amountPaid, Math.max(attemptCount, attempt), null, nextPaymentAttempt,
                finalizedAt, paidAt, voidedAt, metadata, createdAt, now);
        return counted.paid(amountPaid + amount, now);
    }
}
