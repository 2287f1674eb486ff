package com.chaching.invoicing;

import com.chaching.platform.Tenant;
import org.jspecify.annotations.Nullable;

/** An invoice was voided (published in the voiding transaction, for the subscription it bills). */
public record InvoiceVoided(Tenant tenant, String invoiceId, @Nullable String subscriptionId) {
}
