package com.chaching.subscriptions;

import com.chaching.accounts.Account;
import com.chaching.accounts.AccountService;
import com.chaching.accounts.AfterRetries;
import com.chaching.customers.CustomerDeleted;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.InvoicePaid;
import com.chaching.invoicing.InvoicePaymentFailed;
import com.chaching.invoicing.InvoiceService;
import com.chaching.invoicing.InvoiceStatus;
import com.chaching.invoicing.PaymentResult;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.payments.PaymentMethodDetached;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work a subscription's time brings (billing.md "Subscriptions"): renewals, trial ends, payment
 * retries and their end, scheduled cancellations, resumptions and incomplete expiry. Each step runs in
 * one transaction that locks the subscription, checks the work is still due, does it and moves
 * {@code nextWorkAt} — so it happens once however many workers try — and any charge goes through the
 * invoices module's protocol afterwards, holding no transaction.
 */
@Component
class SubscriptionBilling {

    /** billing.md: an incomplete subscription whose first invoice is not paid within 23 hours expires. */
    static final Duration INCOMPLETE_EXPIRES_AFTER = Duration.ofHours(23);
    /** How soon a collection that did not finish (a crash, an unknown outcome) is tried again. */
    static final Duration COLLECT_AGAIN_AFTER = Duration.ofHours(1);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionPlans plans;
    private final InvoiceService invoices;
    private final AccountService accounts;
    private final AccountClock clocks;
    private final TransactionTemplate inTransaction;

    SubscriptionBilling(SubscriptionRepository subscriptions, SubscriptionPlans plans, InvoiceService invoices, AccountService accounts,
                        AccountClock clocks, TransactionTemplate inTransaction) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.invoices = invoices;
        this.accounts = accounts;
        this.clocks = clocks;
        this.inTransaction = inTransaction;
    }

    /** What a step decided: nothing more to do, or an invoice to collect. */
    record Step(boolean processed, @Nullable String invoiceToCollect) {
    }

    /**
     * Does the subscription's due work, if it is still due (another worker may have done it): one step, then
     * the charge it calls for. Returns whether work was done.
     */
    boolean runStep(Tenant tenant, String id) {
        Step step = inTransaction.execute(status -> stepLocked(tenant, id));
        if (step == null || !step.processed()) {
            return false;
        }
        if (step.invoiceToCollect() != null) {
            collectNow(tenant, id, step.invoiceToCollect());
        }
        return true;
    }

    Step stepLocked(Tenant tenant, String id) {
        SubscriptionRow row = subscriptions.lock(tenant, id).orElse(null);
        Instant now = clocks.now(tenant);
        if (row == null || row.nextWorkAt() == null || row.nextWorkAt().isAfter(now)) {
            return new Step(false, null);
        }
        if (row.collectingInvoice() != null) {
            // A collection that never finished: try it again (the invoice protocol never charges twice).
            subscriptions.update(tenant, row.with(r -> r.nextWorkAt = now.plus(COLLECT_AGAIN_AFTER)));
            return new Step(true, row.collectingInvoice());
        }
        switch (row.status()) {
            case INCOMPLETE -> {
                if (row.latestInvoice() != null) {
                    invoices.voidIfUnpaid(tenant, row.latestInvoice());
                }
                subscriptions.update(tenant, row.with(r -> {
                    r.status = SubscriptionStatus.INCOMPLETE_EXPIRED;
                    r.endedAt = now;
                    r.nextWorkAt = null;
                    r.updatedAt = now;
                }));
                return new Step(true, null);
            }
            case PAUSED -> {
                subscriptions.update(tenant, resumed(row, now));
                return new Step(true, null);
            }
            case PAST_DUE -> {
                String dunningInvoice = row.latestInvoice();
                if (dunningInvoice == null || invoices.get(tenant, dunningInvoice).status() != InvoiceStatus.OPEN) {
                    // Paid or voided meanwhile: the dunning is over.
                    subscriptions.update(tenant, scheduled(row.with(r -> {
                        r.status = SubscriptionStatus.ACTIVE;
                        r.dunningStartedAt = null;
                        r.nextRetryAt = null;
                        r.retryCount = 0;
                        r.updatedAt = now;
                    })));
                    return new Step(true, null);
                }
                // Whichever falls due first: the next retry, or the period's end.
                if (row.nextRetryAt() != null && !row.nextRetryAt().isAfter(now)
                        && !row.nextRetryAt().isAfter(row.currentPeriodEnd())) {
                    String invoiceId = dunningInvoice;
                    subscriptions.update(tenant, row.with(r -> {
                        r.collectingInvoice = invoiceId;
                        r.nextWorkAt = now.plus(COLLECT_AGAIN_AFTER);
                        r.updatedAt = now;
                    }));
                    return new Step(true, invoiceId);
                }
                return renewOrEnd(tenant, row, now);
            }
            case TRIALING, ACTIVE -> {
                return renewOrEnd(tenant, row, now);
            }
            default -> {
                subscriptions.update(tenant, row.with(r -> r.nextWorkAt = null));
                return new Step(true, null);
            }
        }
    }

    /** At the period's end: cancel when asked to, else invoice the next period (the first one after a trial). */
    private Step renewOrEnd(Tenant tenant, SubscriptionRow row, Instant now) {
        if (row.currentPeriodEnd().isAfter(now)) {
            subscriptions.update(tenant, scheduled(row));
            return new Step(true, null);
        }
        if (row.cancelAtPeriodEnd()) {
            subscriptions.update(tenant, ended(row, row.currentPeriodEnd()));
            return new Step(true, null);
        }
        ZoneId zone = ZoneId.of(accounts.get(tenant).timeZone());
        List<SubscriptionItem> items = subscriptions.items(tenant, row.id());
        SubscriptionPlans.Plan plan = plans.plan(tenant, items, "items", items.stream().map(SubscriptionItem::price).collect(Collectors.toSet()));
        // The next period starts exactly where the last ended, and ends on the anchor's grid: no gap, no
        // overlap, even after the account's time zone changed.
        BillingPeriods.Period onGrid = BillingPeriods.periodAt(row.billingCycleAnchor(), zone, row.interval(), row.intervalCount(),
                row.currentPeriodEnd());
        BillingPeriods.Period next = new BillingPeriods.Period(onGrid.index(), row.currentPeriodEnd(), onGrid.end());
        if (row.status() == SubscriptionStatus.PAST_DUE && row.latestInvoice() != null) {
            // A new period's invoice takes over the dunning; the unpaid one is given up (it can still be paid).
            invoices.markUncollectible(tenant, row.latestInvoice());
        }
        List<SubscriptionInvoice.Line> lines = new ArrayList<>(row.pendingLines());
        lines.addAll(SubscriptionPlans.periodLines(plan, next.start(), next.end()));
        String invoiceId = invoices.createForSubscription(tenant, new SubscriptionInvoice(row.customerId(), row.id(), row.currency(), lines,
                row.taxRates(), row.collectionMethod(), row.daysUntilDue(), "subscription_cycle"));
        boolean charge = row.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY;
        subscriptions.update(tenant, row.with(r -> {
            r.currentPeriodStart = next.start();
            r.currentPeriodEnd = next.end();
            if (r.status == SubscriptionStatus.TRIALING) {
                r.status = SubscriptionStatus.ACTIVE;
            }
            r.pendingLines = List.of();
            r.latestInvoice = invoiceId;
            if (r.status == SubscriptionStatus.PAST_DUE) {
                r.status = SubscriptionStatus.ACTIVE;
                r.dunningStartedAt = null;
                r.nextRetryAt = null;
                r.retryCount = 0;
            }
            r.collectingInvoice = charge ? invoiceId : null;
            r.nextWorkAt = charge ? now.plus(COLLECT_AGAIN_AFTER) : nextWorkOf(r.build());
            r.updatedAt = now;
        }));
        return new Step(true, charge ? invoiceId : null);
    }

    /** Charges a subscription invoice now; the outcome reaches the subscription through the invoice's events. */
    void collectNow(Tenant tenant, String subscriptionId, String invoiceId) {
        PaymentResult result;
        try {
            result = invoices.collect(tenant, invoiceId, null);
        } catch (ApiProblem alreadyDecided) {
            // Paid or void meanwhile, or a payment under way: its own outcome settles the subscription.
            inTransaction.executeWithoutResult(status -> subscriptions.lock(tenant, subscriptionId).ifPresent(row -> {
                if (!invoiceId.equals(row.collectingInvoice())) {
                    return;
                }
                if (invoices.get(tenant, invoiceId).status() != InvoiceStatus.OPEN) {
                    subscriptions.update(tenant, scheduled(row.with(r -> r.collectingInvoice = null)));
                }
            }));
            return;
        }
        if (result instanceof PaymentResult.NoPaymentMethod) {
            inTransaction.executeWithoutResult(status -> paymentFailed(tenant, subscriptionId, invoiceId));
        }
    }

    /** The first invoice of a new subscription, collected after the creating transaction committed. */
    void collectFirstInvoice(Tenant tenant, String subscriptionId) {
        SubscriptionRow row = subscriptions.find(tenant, subscriptionId).orElseThrow();
        if (row.collectingInvoice() != null) {
            collectNow(tenant, subscriptionId, row.collectingInvoice());
        }
    }

    /** A change of interval: the cycle restarts now, the unused time is credited and the new period invoiced at once. */
    @Nullable String restartCycle(Tenant tenant, SubscriptionRow row, SubscriptionPlans.Plan oldPlan, SubscriptionPlans.Plan newPlan, Instant now) {
        ZoneId zone = ZoneId.of(accounts.get(tenant).timeZone());
        Instant end = BillingPeriods.start(now, zone, newPlan.interval(), newPlan.intervalCount(), 1);
        SubscriptionPlans.Plan nothing = new SubscriptionPlans.Plan(List.of(), oldPlan.currency(), oldPlan.interval(), oldPlan.intervalCount());
        List<SubscriptionInvoice.Line> lines = new ArrayList<>(row.pendingLines());
        if (row.status() != SubscriptionStatus.TRIALING) {
            lines.addAll(SubscriptionPlans.prorationLines(oldPlan, nothing,
                    new BillingPeriods.Period(0, row.currentPeriodStart(), row.currentPeriodEnd()), now));
        }
        lines.addAll(SubscriptionPlans.periodLines(newPlan, now, end));
        String invoiceId = invoices.createForSubscription(tenant, new SubscriptionInvoice(row.customerId(), row.id(), row.currency(), lines,
                row.taxRates(), row.collectionMethod(), row.daysUntilDue(), "subscription_update"));
        boolean charge = row.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY;
        subscriptions.update(tenant, row.with(r -> {
            r.interval = newPlan.interval();
            r.intervalCount = newPlan.intervalCount();
            r.billingCycleAnchor = now;
            r.currentPeriodStart = now;
            r.currentPeriodEnd = end;
            if (r.status == SubscriptionStatus.TRIALING) {
                r.status = SubscriptionStatus.ACTIVE;
                r.trialEnd = now;
            }
            r.pendingLines = List.of();
            r.latestInvoice = invoiceId;
            r.collectingInvoice = charge ? invoiceId : null;
            r.nextWorkAt = charge ? now.plus(COLLECT_AGAIN_AFTER) : null;
            r.updatedAt = now;
        }));
        if (!charge) {
            subscriptions.update(tenant, scheduled(subscriptions.lock(tenant, row.id()).orElseThrow()));
        }
        return charge ? invoiceId : null;
    }

    /** A subscription invoice was paid: back to active, dunning over. */
    @EventListener
    void onInvoicePaid(InvoicePaid paid) {
        if (paid.subscriptionId() == null) {
            return;
        }
        Tenant tenant = paid.tenant();
        subscriptions.lock(tenant, paid.subscriptionId()).ifPresent(row -> {
            Instant now = clocks.now(tenant);
            Set<SubscriptionStatus> owing = Set.of(SubscriptionStatus.INCOMPLETE, SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID);
            subscriptions.update(tenant, scheduled(row.with(r -> {
                if (paid.invoiceId().equals(r.collectingInvoice)) {
                    r.collectingInvoice = null;
                }
                if (paid.invoiceId().equals(r.latestInvoice)) {
                    if (r.status == SubscriptionStatus.UNPAID && r.currentPeriodEnd.isBefore(now)) {
                        // Billing starts again from now, without invoicing the periods it spent unpaid.
                        r.billingCycleAnchor = now;
                        r.currentPeriodEnd = now;
                        r.currentPeriodStart = now.minusSeconds(1);
                    }
                    if (owing.contains(r.status)) {
                        r.status = SubscriptionStatus.ACTIVE;
                    } else if (r.status == SubscriptionStatus.PAUSED && r.statusBeforePause != null && owing.contains(r.statusBeforePause)) {
                        r.statusBeforePause = SubscriptionStatus.ACTIVE;
                    }
                    r.dunningStartedAt = null;
                    r.nextRetryAt = null;
                    r.retryCount = 0;
                }
                r.updatedAt = now;
            })));
        });
    }

    /** A subscription invoice's payment failed: incomplete stays so; otherwise past due, retried on the account's schedule. */
    @EventListener
    void onInvoicePaymentFailed(InvoicePaymentFailed failed) {
        if (failed.subscriptionId() != null) {
            paymentFailed(failed.tenant(), failed.subscriptionId(), failed.invoiceId());
        }
    }

    private void paymentFailed(Tenant tenant, String subscriptionId, String invoiceId) {
        SubscriptionRow row = subscriptions.lock(tenant, subscriptionId).orElse(null);
        if (row == null || !invoiceId.equals(row.latestInvoice())) {
            return;
        }
        Instant now = clocks.now(tenant);
        SubscriptionRow settled = row.with(r -> {
            if (invoiceId.equals(r.collectingInvoice)) {
                r.collectingInvoice = null;
            }
            r.updatedAt = now;
        });
        if (settled.status() == SubscriptionStatus.INCOMPLETE || settled.status().hasEnded() || settled.status() == SubscriptionStatus.PAUSED) {
            subscriptions.update(tenant, scheduled(settled));
            return;
        }
        Account account = accounts.get(tenant);
        Instant dunningStart = settled.dunningStartedAt() != null ? settled.dunningStartedAt() : now;
        // billing.md: retries fall the schedule's days after the first failure (the renewal's own attempt).
        int retriesMade = settled.dunningStartedAt() == null ? 0 : settled.retryCount() + 1;
        List<Integer> schedule = account.retrySchedule();
        if (retriesMade < schedule.size()) {
            Instant scheduledRetry = dunningStart.plus(Duration.ofDays(schedule.get(retriesMade)));
            // Never in the past (after a long pause, say): a retry always lies ahead, so dunning always ends.
            Instant nextRetry = scheduledRetry.isAfter(now) ? scheduledRetry : now.plus(Duration.ofDays(1));
            invoices.scheduleNextAttempt(tenant, invoiceId, nextRetry);
            subscriptions.update(tenant, scheduled(settled.with(r -> {
                r.status = SubscriptionStatus.PAST_DUE;
                r.dunningStartedAt = dunningStart;
                r.nextRetryAt = nextRetry;
                r.retryCount = retriesMade;
            })));
            return;
        }
        invoices.markUncollectible(tenant, invoiceId);
        if (account.afterRetries() == AfterRetries.UNPAID) {
            subscriptions.update(tenant, settled.with(r -> {
                r.status = SubscriptionStatus.UNPAID;
                r.nextRetryAt = null;
                r.nextWorkAt = null;
            }));
        } else {
            subscriptions.update(tenant, ended(settled, now));
        }
    }

    /** Deleting a customer cancels its subscriptions at once. */
    @EventListener
    void onCustomerDeleted(CustomerDeleted deleted) {
        Instant now = clocks.now(deleted.tenant());
        for (String id : subscriptions.liveOfCustomer(deleted.tenant(), deleted.customerId())) {
            subscriptions.lock(deleted.tenant(), id).ifPresent(row -> subscriptions.update(deleted.tenant(), ended(row, now)));
        }
    }

    /** A detached payment method is no subscription's default any more. */
    @EventListener
    void onPaymentMethodDetached(PaymentMethodDetached detached) {
        subscriptions.clearDefaultPaymentMethod(detached.tenant(), detached.paymentMethodId());
    }

    /** The row with its next work scheduled. */
    static SubscriptionRow scheduled(SubscriptionRow row) {
        return row.with(r -> r.nextWorkAt = nextWorkOf(r.build()));
    }

    /** When the subscription's next billing work falls due, or null when none ever will. */
    static @Nullable Instant nextWorkOf(SubscriptionRow row) {
        if (row.collectingInvoice() != null && row.nextWorkAt() != null) {
            return row.nextWorkAt();
        }
        return switch (row.status()) {
            case INCOMPLETE -> row.createdAt().plus(INCOMPLETE_EXPIRES_AFTER);
            case TRIALING, ACTIVE -> row.currentPeriodEnd();
            case PAST_DUE -> Stream.of(row.nextRetryAt(), row.currentPeriodEnd()).filter(Objects::nonNull)
                    .min(Instant::compareTo).orElse(null);
            case PAUSED -> row.resumesAt();
            case UNPAID, CANCELED, INCOMPLETE_EXPIRED -> null;
        };
    }

    /** Canceled now (or at {@code endedAt}): no more invoices. */
    static SubscriptionRow ended(SubscriptionRow row, Instant endedAt) {
        return row.with(r -> {
            r.status = SubscriptionStatus.CANCELED;
            r.canceledAt = r.canceledAt != null ? r.canceledAt : endedAt;
            r.endedAt = endedAt;
            r.collectingInvoice = null;
            r.nextRetryAt = null;
            r.nextWorkAt = null;
            r.updatedAt = endedAt;
        });
    }

    /** Back from a pause: every instant still ahead moves forward by the time spent paused. */
    static SubscriptionRow resumed(SubscriptionRow row, Instant now) {
        Duration paused = Duration.between(Objects.requireNonNull(row.pausedAt()), now);
        return scheduled(row.with(r -> {
            r.status = Objects.requireNonNull(row.statusBeforePause());
            r.statusBeforePause = null;
            // Later periods run whole intervals from the moved period end: it becomes the anchor.
            r.currentPeriodEnd = row.currentPeriodEnd().plus(paused);
            r.billingCycleAnchor = r.currentPeriodEnd;
            r.trialEnd = row.trialEnd() != null && row.statusBeforePause() == SubscriptionStatus.TRIALING
                    ? row.trialEnd().plus(paused) : row.trialEnd();
            r.nextRetryAt = row.nextRetryAt() == null ? null : row.nextRetryAt().plus(paused);
            r.dunningStartedAt = row.dunningStartedAt() == null ? null : row.dunningStartedAt().plus(paused);
            r.pausedAt = null;
            r.resumesAt = null;
            r.updatedAt = now;
        }));
    }
}
