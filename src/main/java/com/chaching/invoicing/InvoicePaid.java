package com.chaching.invoicing;

import com.chaching.platform.Tenant;
import org.jspecify.annotations.Nullable;

/** An invoice was paid (published in the paying transaction, for the subscription it bills). */
public record InvoicePaid(Tenant tenant, String invoiceId, @Nullable String subscriptionId) {
}
