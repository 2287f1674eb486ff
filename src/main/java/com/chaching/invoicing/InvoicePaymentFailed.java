package com.chaching.invoicing;

import com.chaching.platform.Tenant;
import org.jspecify.annotations.Nullable;

/** An attempt to pay an invoice failed (published in the settling transaction, for dunning). */
public record InvoicePaymentFailed(Tenant tenant, String invoiceId, @Nullable String subscriptionId, int attempt, String failureCode) {
}
