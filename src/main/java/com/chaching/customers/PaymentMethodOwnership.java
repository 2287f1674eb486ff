package com.chaching.customers;

import com.chaching.platform.Tenant;

/**
 * Whether a payment method is attached to a customer, which decides if it may be the customer's default.
 * The payments module provides it; customers cannot depend on payments, which depends on customers.
 */
public interface PaymentMethodOwnership {

    boolean isAttached(Tenant tenant, String paymentMethodId, String customerId);
}
