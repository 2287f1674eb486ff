package com.chaching.customers;

import com.chaching.platform.Tenant;

/**
 * A customer was deleted. Published inside the deleting transaction, so that what hangs on the customer
 * (payment methods, subscriptions) is let go of in the same transaction.
 */
public record CustomerDeleted(Tenant tenant, String customerId) {
}
