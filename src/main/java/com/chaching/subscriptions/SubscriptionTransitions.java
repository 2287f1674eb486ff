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
import java.util.ArrayList;
import java.util.List;
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
 * change stands. Each saved change records its event ({@link SubscriptionEvents}) before the invoices' own.
 * The charge it asks for is the caller's to make, after commit.
 */
@Component
class SubscriptionTransitions {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionPlans plans;
    private final InvoiceService invoices;
    private final AccountService accounts;
    private final AccountClock clocks;
    private final SubscriptionEvents events;

    SubscriptionTransitions(SubscriptionRepository subscriptions, SubscriptionPlans plans, InvoiceService invoices, AccountService accounts,
                            AccountClock clocks, SubscriptionEvents events) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.invoices = invoices;
        this.accounts = accounts;
        this.clocks = clocks;
        this.events = events;
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
        return context(subscriptionId, now, accounts.get(tenant), plan);
    }

    /** The same, with the account read already (a batch reads it once). */
    static LifecycleContext context(String subscriptionId, Instant now, Account account, Supplier<Plan> plan) {
        return new LifecycleContext(subscriptionId, now, ZoneId.of(account.timeZone()), account.retrySchedule(), account.afterRetries(),
                plan, () -> Ids.newId("in"));
    }

    /** Decides what the event does to the locked subscription and carries it out; returns the invoice to collect after commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Nullable String apply(Tenant tenant, SubscriptionRow locked, LifecycleEvent event) {
        LifecycleContext context = context(tenant, locked);
        Transition transition = SubscriptionLifecycle.on(locked.state(), event, context);
        return save(tenant, events.snapshot(tenant, locked), locked, transition, context.now(), false);
    }

    /**
     * Saves the transition's state on the locked row (with any other changes the row carries), records the
     * change from {@code before} (the subscription as it was when locked; {@code itemsChanged} when the caller
     * changed its items too), and does what the transition asks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Nullable String save(Tenant tenant, Subscription before, SubscriptionRow changed, Transition transition, Instant now,
                          boolean itemsChanged) {
        SubscriptionRow saved = changed.withState(transition.state(), now);
        subscriptions.update(tenant, saved);
        events.changed(tenant, before, saved, itemsChanged);
        return carryOut(tenant, saved, transition);
    }

    /**
     * The new states of a batch of locked subscriptions (a bill run's), gathered to be saved in one statement and their
     * changes recorded together by {@link #saveAll}; what their transitions ask is the caller's to carry out.
     */
    static final class Batch {

        private final List<SubscriptionRow> saved = new ArrayList<>();
        private final List<SubscriptionEvents.Change> changes = new ArrayList<>();

        /** Adds the transition's state of the locked row, with its change from the row as locked; returns the row to be saved. */
        SubscriptionRow add(SubscriptionRow locked, List<SubscriptionItem> items, Transition transition, Instant now) {
            SubscriptionRow after = locked.withState(transition.state(), now);
            saved.add(after);
            changes.add(new SubscriptionEvents.Change(SubscriptionService.view(locked, items), after));
            return after;
        }
    }

    /** {@link #save} for a batch: its states saved in one batched update, then their events recorded together. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveAll(Tenant tenant, Batch batch) {
        subscriptions.updateAll(tenant, batch.saved);
        events.changedAll(tenant, batch.changes);
    }

    /** Does what the transition asks, the state being saved already; returns the invoice to collect after commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Nullable String carryOut(Tenant tenant, SubscriptionRow saved, Transition transition) {
        for (LifecycleAction action : transition.actions()) {
            switch (action) {
                case LifecycleAction.Issue issue -> invoices.createForSubscription(tenant, new SubscriptionInvoice(issue.invoice(),
                        saved.customerId(), saved.id(), saved.currency(), issue.lines(), saved.taxRates(),
                        saved.state().collectionMethod(), saved.daysUntilDue(), issue.billingReason(),
                        saved.defaultPaymentMethod()));
                case LifecycleAction.ScheduleAttempt attempt -> invoices.scheduleNextAttempt(tenant, attempt.invoice(), attempt.at());
                case LifecycleAction.MarkUncollectible giveUp -> invoices.markUncollectible(tenant, giveUp.invoice());
                case LifecycleAction.VoidInvoice expired -> invoices.voidIfUnpaid(tenant, expired.invoice());
                case LifecycleAction.AnnounceTrialEnd announce -> events.trialWillEnd(tenant, saved.id());
                case LifecycleAction.Collect collect -> {
                    // After commit, by the caller: no gateway call with a transaction open.
                }
            }
        }
        return transition.toCollect();
    }
}
