package com.chaching.subscriptions;

import com.chaching.accounts.Account;
import com.chaching.accounts.AccountService;
import com.chaching.invoicing.InvoiceService;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.platform.AccountClock;
import com.chaching.platform.Ids;
import com.chaching.platform.Tenant;
import com.chaching.subscriptions.SubscriptionLifecycle.Transition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out what {@link SubscriptionLifecycle} decides, in the caller's transaction, which holds the
 * subscription's row lock: the new state is saved first, then its invoices are made and theirs updated — so
 * that a listener reacting to one of those invoices (paid at once, say) finds the saved state and its own
 * change stands. The charge it asks for is the caller's to make, after commit.
 */
@Component
class SubscriptionTransitions {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionPlans plans;
    private final InvoiceService invoices;
    private final AccountService accounts;
    private final AccountClock clocks;

    SubscriptionTransitions(SubscriptionRepository subscriptions, SubscriptionPlans plans, InvoiceService invoices, AccountService accounts,
                            AccountClock clocks) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.invoices = invoices;
        this.accounts = accounts;
        this.clocks = clocks;
    }

    /**
     * Locks the subscription for a change, in the caller's transaction, after the invoices a transition may
     * touch (its dunning invoice, an incomplete one's first invoice): the same order as paying takes, which
     * locks the invoice and then, telling the subscription, its row — so the two never deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<SubscriptionRow> lock(Tenant tenant, String subscriptionId) {
        Optional<SubscriptionRow> seen = subscriptions.find(tenant, subscriptionId);
        if (seen.isEmpty()) {
            return seen;
        }
        SubscriptionState state = seen.get().state();
        if (state.dunning() != null) {
            invoices.lock(tenant, state.dunning().invoice());
        }
        if (state.status() == SubscriptionStatus.INCOMPLETE && state.firstInvoice() != null) {
            invoices.lock(tenant, state.firstInvoice());
        }
        return subscriptions.lock(tenant, subscriptionId);
    }

    /** What the lifecycle needs to decide about a stored subscription now. */
    LifecycleContext context(Tenant tenant, SubscriptionRow row) {
        return context(tenant, row.id(), clocks.now(tenant), () -> plans.current(tenant, row.id()));
    }

    LifecycleContext context(Tenant tenant, String subscriptionId, Instant now, Supplier<Plan> plan) {
        Account account = accounts.get(tenant);
        return new LifecycleContext(subscriptionId, now, ZoneId.of(account.timeZone()), account.retrySchedule(), account.afterRetries(),
                plan, () -> Ids.newId("in"));
    }

    /** Decides what the event does to the locked subscription and carries it out; returns the invoice to collect after commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Nullable String apply(Tenant tenant, SubscriptionRow locked, LifecycleEvent event) {
        LifecycleContext context = context(tenant, locked);
        return save(tenant, locked, SubscriptionLifecycle.on(locked.state(), event, context), context.now());
    }

    /** Saves the transition's state on the locked row (with any other changes the row carries) and does what it asks. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Nullable String save(Tenant tenant, SubscriptionRow locked, Transition transition, Instant now) {
        SubscriptionRow saved = locked.withState(transition.state(), now);
        subscriptions.update(tenant, saved);
        return carryOut(tenant, saved, transition);
    }

    /** Does what the transition asks, the state being saved already; returns the invoice to collect after commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Nullable String carryOut(Tenant tenant, SubscriptionRow saved, Transition transition) {
        for (LifecycleAction action : transition.actions()) {
            switch (action) {
                case LifecycleAction.Issue issue -> invoices.createForSubscription(tenant, new SubscriptionInvoice(issue.invoice(),
                        saved.customerId(), saved.id(), saved.currency(), issue.lines(), saved.taxRates(),
                        saved.state().collectionMethod(), saved.daysUntilDue(), issue.billingReason()));
                case LifecycleAction.ScheduleAttempt attempt -> invoices.scheduleNextAttempt(tenant, attempt.invoice(), attempt.at());
                case LifecycleAction.MarkUncollectible giveUp -> invoices.markUncollectible(tenant, giveUp.invoice());
                case LifecycleAction.VoidInvoice expired -> invoices.voidIfUnpaid(tenant, expired.invoice());
                case LifecycleAction.Collect collect -> {
                    // After commit, by the caller: no gateway call with a transaction open.
                }
            }
        }
        return transition.toCollect();
    }
}
