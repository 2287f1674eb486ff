package com.chaching.payments;

import com.chaching.platform.Tenant;

/**
 * A charge's outcome is known: it succeeded or failed. Published inside the settling transaction, whether
 * the payer learned it from the gateway's answer or the reconciler from a look-up, so that the invoice
 * follows in the same transaction.
 */
public record ChargeSettled(Tenant tenant, Transaction transaction) {
}
