package com.chaching.payments;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A transaction as stored: the API's view plus what only the payments module uses. */
record TransactionRow(
        String id,
        TransactionType type,
        TransactionStatus status,
        long amount,
        long fee,
        long net,
        CurrencyCode currency,
        @Nullable String invoiceId,
        @Nullable String customerId,
        @Nullable String customerKey,
        @Nullable String paymentMethodId,
        @Nullable String sourceTransactionId,
        @Nullable String gatewayKey,
        @Nullable String gatewayReference,
        @Nullable String failureCode,
        @Nullable String failureMessage,
        long refundedAmount,
        @Nullable String reason,
        @Nullable String description,
        @Nullable Instant availableOn,
        Instant createdAt,
        Instant updatedAt) {

    Money money() {
        return Money.of(amount, currency);
    }

    /** The pending row with its outcome recorded at {@code now}. */
    TransactionRow settled(TransactionStatus outcome, long fee, long net, @Nullable String gatewayReference, @Nullable String failureCode,
                           @Nullable String failureMessage, @Nullable Instant availableOn, Instant now) {
        return new TransactionRow(id, type, outcome, amount, fee, net, currency, invoiceId, customerId, customerKey, paymentMethodId,
                sourceTransactionId, gatewayKey, gatewayReference, failureCode, failureMessage, refundedAmount, reason, description,
                availableOn, createdAt, now);
    }

    Transaction view() {
        return new Transaction(id, "transaction", type, status, amount, fee, net, currency.code(), invoiceId, customerKey,
                paymentMethodId, sourceTransactionId, failureCode, failureMessage, refundedAmount, reason, description, availableOn,
                createdAt, updatedAt);
    }
}
