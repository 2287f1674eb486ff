package com.chaching.invoicing;

/** What an attempt to collect an invoice came to; callers decide what each means for them. */
public sealed interface PaymentResult {

    /** The invoice is paid (by a charge, or there was nothing to charge). */
    record Paid() implements PaymentResult {
    }

    /** The gateway refused the charge; the failed transaction is recorded. */
    record Failed(String code, String message, String transactionId) implements PaymentResult {
    }

    /** The gateway's answer is unknown; the reconciler will settle the charge. */
    record Pending() implements PaymentResult {
    }

    /** Nothing to charge it with. */
    record NoPaymentMethod() implements PaymentResult {
    }
}
