package com.chaching.subscriptions;

import com.chaching.invoicing.InvoicePaymentFailed;
import com.chaching.invoicing.InvoiceVoided;
import com.chaching.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happens to a subscription's invoices reaches its lifecycle here, inside the transaction that paid,
 * failed or voided the invoice (style.md: the lower module publishes, the higher one listens).
 */
@Component
class InvoiceOutcomes {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionTransitions transitions;

    InvoiceOutcomes(SubscriptionRepository subscriptions, SubscriptionTransitions transitions) {
        this.subscriptions = subscriptions;
        this.transitions = transitions;
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

    private void tell(Tenant tenant, @Nullable String subscriptionId, LifecycleEvent event) {
        if (subscriptionId != null) {
            // An invoice's outcome never asks for a charge, so there is nothing to collect afterwards.
            subscriptions.lock(tenant, subscriptionId).ifPresent(row -> transitions.apply(tenant, row, event));
        }
    }
}
