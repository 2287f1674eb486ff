package com.chaching.payments;

import com.chaching.platform.Tenant;

/** A payment method left its customer; whatever named it as a default (a subscription) lets go of it. */
public record PaymentMethodDetached(Tenant tenant, String paymentMethodId, String customerId) {
}
