package com.chaching.payments;

import com.chaching.customers.PaymentMethodOwnership;
import com.chaching.platform.Tenant;
import org.springframework.stereotype.Component;

/** Tells the customers module whether a payment method is attached to a customer. */
@Component
class PaymentMethodOwnershipCheck implements PaymentMethodOwnership {

    private final PaymentMethodRepository paymentMethods;

    PaymentMethodOwnershipCheck(PaymentMethodRepository paymentMethods) {
        this.paymentMethods = paymentMethods;
    }

    @Override
    public boolean isAttached(Tenant tenant, String paymentMethodId, String customerId) {
        return paymentMethods.isAttached(tenant, paymentMethodId, customerId);
    }
}
