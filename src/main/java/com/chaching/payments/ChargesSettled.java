package com.chaching.payments;

import com.chaching.platform.Tenant;
import java.util.List;

/**
 * Several charges' outcomes recorded together (a bill run's batch): {@link ChargeSettled} for each, told at once
 * so that the invoices follow with a few statements for all of them, in the same transaction.
 */
public record ChargesSettled(Tenant tenant, List<Transaction> transactions) {
}
