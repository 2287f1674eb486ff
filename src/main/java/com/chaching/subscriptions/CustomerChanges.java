package com.chaching.subscriptions;

import com.chaching.customers.CustomerDeleted;
import com.chaching.payments.PaymentMethodDetached;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What a change to a customer means for its subscriptions. */
@Component
class CustomerChanges {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionTransitions transitions;

    CustomerChanges(SubscriptionRepository subscriptions, SubscriptionTransitions transitions) {
        this.subscriptions = subscriptions;
        this.transitions = transitions;
    }

    /** Deleting a customer cancels its subscriptions at once, with no final invoice. */
    @EventListener
    void onCustomerDeleted(CustomerDeleted deleted) {
        for (String id : subscriptions.liveOfCustomer(deleted.tenant(), deleted.customerId())) {
            transitions.lock(deleted.tenant(), id).ifPresent(row ->
                    transitions.apply(deleted.tenant(), row, new LifecycleEvent.CanceledNow(false, false)));
        }
    }

    /** A detached payment method is no subscription's default any more. */
    @EventListener
    void onPaymentMethodDetached(PaymentMethodDetached detached) {
        subscriptions.clearDefaultPaymentMethod(detached.tenant(), detached.paymentMethodId());
    }
}
