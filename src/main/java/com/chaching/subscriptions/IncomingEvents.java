package com.chaching.subscriptions;

import com.chaching.customers.CustomerDeleted;
import com.chaching.invoicing.InvoicePaymentFailed;
import com.chaching.invoicing.InvoiceVoided;
import com.chaching.payments.PaymentMethodDetached;
import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the modules below tell subscriptions, through their events, inside the transaction that made the
 * change (style.md: the lower module publishes, the higher one listens): an invoice paid, failed or voided, a
 * customer deleted, a payment method detached — each turned into what it means for the subscription.
 */
@Component
class IncomingEvents {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionTransitions transitions;
    private final SubscriptionEvents events;
    private final AccountClock clocks;

    IncomingEvents(SubscriptionRepository subscriptions, SubscriptionTransitions transitions, SubscriptionEvents events, AccountClock clocks) {
        this.subscriptions = subscriptions;
        this.transitions = transitions;
        this.events = events;
        this.clocks = clocks;
    }

    @EventListener
    void onInvoicePaid(com.chaching.invoicing.InvoicePaid paid) {
        tell(paid.tenant(), paid.subscriptionId(), new LifecycleEvent.InvoicePaid(paid.invoiceId()));
    }

    @EventListener
    void onInvoicePaymentFailed(InvoicePaymentFailed failed) {
        tell(failed.tenant(), failed.subscriptionId(), new LifecycleEvent.PaymentFailed(failed.invoiceId()));
    }

    @EventListener
    void onInvoiceVoided(InvoiceVoided voided) {
        tell(voided.tenant(), voided.subscriptionId(), new LifecycleEvent.InvoiceVoided(voided.invoiceId()));
    }

    /** Deleting a customer cancels its subscriptions at once, with no final invoice. */
    @EventListener
    void onCustomerDeleted(CustomerDeleted deleted) {
        for (String id : subscriptions.liveOfCustomer(deleted.tenant(), deleted.customerId())) {
            transitions.lock(deleted.tenant(), id).ifPresent(row ->
                    transitions.apply(deleted.tenant(), row, new LifecycleEvent.CanceledNow(false, false)));
        }
    }

    /** A detached payment method is no subscription's default any more: a change of each, told as one. */
    @EventListener
    void onPaymentMethodDetached(PaymentMethodDetached detached) {
        Tenant tenant = detached.tenant();
        for (String id : subscriptions.withDefaultPaymentMethod(tenant, detached.paymentMethodId())) {
            subscriptions.lock(tenant, id).filter(row -> detached.paymentMethodId().equals(row.defaultPaymentMethod())).ifPresent(row -> {
                SubscriptionRow cleared = row.withSettings(null, row.taxRates(), row.metadata(), clocks.now(tenant));
                subscriptions.update(tenant, cleared);
                events.changed(tenant, events.snapshot(tenant, row), cleared, false);
            });
        }
    }

    private void tell(Tenant tenant, @Nullable String subscriptionId, LifecycleEvent event) {
        if (subscriptionId != null) {
            // The invoice is locked already (it is the one paid, failed or voided), so the row is locked next,
            // in the usual order. An invoice's outcome never asks for a charge: nothing to collect afterwards.
            subscriptions.lock(tenant, subscriptionId).ifPresent(row -> transitions.apply(tenant, row, event));
        }
    }
}
