package com.chaching.invoicing;

import com.chaching.platform.Tenant;
import java.util.Optional;

/**
 * The default payment method of the subscription an invoice bills, which comes before the customer's
 * (billing.md "Invoices"). The subscriptions module provides it; invoicing cannot depend on subscriptions.
 */
public interface SubscriptionDefaults {

    Optional<String> defaultPaymentMethod(Tenant tenant, String subscriptionId);
}
