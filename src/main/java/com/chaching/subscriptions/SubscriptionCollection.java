package com.chaching.subscriptions;

import com.chaching.invoicing.InvoiceService;
import com.chaching.invoicing.InvoiceStatus;
import com.chaching.invoicing.PaymentResult;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges the invoice a transition asked for, once the deciding transaction has committed, through the
 * invoices module's protocol (no transaction is held across the gateway call). The outcome reaches the
 * lifecycle through the invoice's events ({@link IncomingEvents}); only what raises none is told here.
 */
@Component
class SubscriptionCollection {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionTransitions transitions;
    private final InvoiceService invoices;
    private final TransactionTemplate inTransaction;

    SubscriptionCollection(SubscriptionRepository subscriptions, SubscriptionTransitions transitions, InvoiceService invoices,
                           TransactionTemplate inTransaction) {
        this.subscriptions = subscriptions;
        this.transitions = transitions;
        this.invoices = invoices;
        this.inTransaction = inTransaction;
    }

    void collect(Tenant tenant, String subscriptionId, String invoiceId) {
        boolean stillCollecting = subscriptions.find(tenant, subscriptionId).map(row -> row.state().isCollecting(invoiceId)).orElse(false);
        if (!stillCollecting) {
            // Settled already: the invoice was paid at once (nothing was due), or by another payer.
            return;
        }
        PaymentResult result;
        try {
            result = invoices.collect(tenant, invoiceId, null);
        } catch (ApiProblem refused) {
            // Paid or void meanwhile, or another payment of it is under way, whose own outcome will tell.
            settleFromInvoice(tenant, subscriptionId, invoiceId);
            return;
        }
        if (result instanceof PaymentResult.NoPaymentMethod) {
            paymentFailed(tenant, subscriptionId, invoiceId);
        }
    }

    /** The attempt found nothing to charge, which raises no invoice event of its own: the subscription is told here. */
    void paymentFailed(Tenant tenant, String subscriptionId, String invoiceId) {
        tell(tenant, subscriptionId, invoiceId, new LifecycleEvent.PaymentFailed(invoiceId));
    }

    /** A collection refused: the invoice's own status says how it ended. */
    private void settleFromInvoice(Tenant tenant, String subscriptionId, String invoiceId) {
        InvoiceStatus status = invoices.get(tenant, invoiceId).status();
        if (status == InvoiceStatus.PAID) {
            tell(tenant, subscriptionId, invoiceId, new LifecycleEvent.InvoicePaid(invoiceId));
        } else if (status == InvoiceStatus.VOID) {
            tell(tenant, subscriptionId, invoiceId, new LifecycleEvent.InvoiceVoided(invoiceId));
        }
    }

    private void tell(Tenant tenant, String subscriptionId, String invoiceId, LifecycleEvent event) {
        inTransaction.executeWithoutResult(status -> transitions.lock(tenant, subscriptionId)
                .filter(row -> row.state().isCollecting(invoiceId))
                .ifPresent(row -> transitions.apply(tenant, row, event)));
    }
}
