package com.chaching.subscriptions;

import com.chaching.accounts.Account;
import com.chaching.accounts.AccountService;
import com.chaching.customers.CustomerDeleted;
import com.chaching.invoicing.InvoicePaymentFailed;
import com.chaching.invoicing.InvoiceVoided;
import com.chaching.invoicing.InvoicesPaid;
import com.chaching.payments.PaymentMethodDetached;
import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final AccountService accounts;
    private final SubscriptionPlans plans;

    IncomingEvents(SubscriptionRepository subscriptions, SubscriptionTransitions transitions, SubscriptionEvents events, AccountClock clocks,
                   AccountService accounts, SubscriptionPlans plans) {
        this.accounts = accounts;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.transitions = transitions;
        this.events = events;
        this.clocks = clocks;
    }

    @EventListener
    void onInvoicePaid(com.chaching.invoicing.InvoicePaid paid) {
        tell(paid.tenant(), paid.subscriptionId(), new LifecycleEvent.InvoicePaid(paid.invoiceId()));
    }

    /**
     * Invoices paid together (a bill run's batch): their subscriptions locked in id order, and those whose
     * payment changes only their own row — the usual case, a renewal paid — saved and their events recorded
     * together. One whose lock would need an invoice first (dunning, incomplete), or whose transition asks for
     * more, is told on its own, exactly as {@link #onInvoicePaid} would.
     */
    @EventListener
    void onInvoicesPaid(InvoicesPaid paid) {
        Tenant tenant = paid.tenant();
        Map<String, String> invoiceOf = new HashMap<>();
        paid.paid().stream().filter(one -> one.subscriptionId() != null).forEach(one -> invoiceOf.put(one.subscriptionId(), one.invoiceId()));
        List<SubscriptionRow> locked = subscriptions.lockAll(tenant, invoiceOf.keySet());
        Map<String, List<SubscriptionItem>> items = subscriptions.itemsOf(tenant, invoiceOf.keySet());
        Account account = accounts.get(tenant);
        Instant now = clocks.now(tenant);
        SubscriptionTransitions.Batch batch = new SubscriptionTransitions.Batch();
        for (SubscriptionRow row : locked) {
            LifecycleEvent event = new LifecycleEvent.InvoicePaid(invoiceOf.get(row.id()));
            SubscriptionState state = row.state();
            if (state.dunning() != null || state.status() == SubscriptionStatus.INCOMPLETE) {
                tell(tenant, row.id(), event);
                continue;
            }
            LifecycleContext context = transitions.context(row.id(), now, account, () -> plans.current(tenant, row.id()));
            SubscriptionLifecycle.Transition transition = SubscriptionLifecycle.on(state, event, context);
            if (!transition.actions().isEmpty()) {
                Subscription before = SubscriptionService.view(row, items.getOrDefault(row.id(), List.of()));
                transitions.save(tenant, before, row, transition, now, false);
                continue;
            }
            batch.add(row, items.getOrDefault(row.id(), List.of()), transition, now);
        }
        transitions.saveAll(tenant, batch);
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
