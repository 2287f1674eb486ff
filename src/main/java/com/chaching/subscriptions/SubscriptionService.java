package com.chaching.subscriptions;

import com.chaching.accounts.AccountService;
import com.chaching.customers.Customer;
import com.chaching.customers.CustomerService;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.InvoiceService;
import com.chaching.invoicing.InvoiceStatus;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.payments.PaymentMethod;
import com.chaching.payments.PaymentMethodService;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Patch;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxRate;
import com.chaching.tax.TaxRateService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Subscriptions: create, read, list, update, cancel, pause and resume (billing.md "Subscriptions"). */
@Service
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionPlans plans;
    private final SubscriptionBilling billing;
    private final CustomerService customers;
    private final PaymentMethodService paymentMethods;
    private final TaxRateService taxRates;
    private final InvoiceService invoices;
    private final AccountService accounts;
    private final AccountClock clocks;
    private final TransactionTemplate inTransaction;

    SubscriptionService(SubscriptionRepository subscriptions, SubscriptionPlans plans, SubscriptionBilling billing,
                        CustomerService customers, PaymentMethodService paymentMethods, TaxRateService taxRates,
                        InvoiceService invoices, AccountService accounts, AccountClock clocks, TransactionTemplate inTransaction) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.billing = billing;
        this.customers = customers;
        this.paymentMethods = paymentMethods;
        this.taxRates = taxRates;
        this.invoices = invoices;
        this.accounts = accounts;
        this.clocks = clocks;
        this.inTransaction = inTransaction;
    }

    /**
     * Creates the subscription and its first invoice, then charges it (no transaction held across the
     * gateway call). Paid → active; failed → incomplete with the open invoice; a trial → trialing with a zero
     * invoice. The answer is 201 whatever the payment did: the status says.
     */
    Subscription create(Tenant tenant, SubscriptionCreate request) {
        String id = Objects.requireNonNull(inTransaction.execute(status -> createWithFirstInvoice(tenant, request)));
        billing.collectFirstInvoice(tenant, id);
        return get(tenant, id);
    }

    private String createWithFirstInvoice(Tenant tenant, SubscriptionCreate request) {
        Customer customer = customerOf(tenant, Objects.requireNonNull(request.customer()));
        List<SubscriptionItem> items = Objects.requireNonNull(request.items()).stream()
                .map(item -> new SubscriptionItem(Ids.newId("si"), "subscription_item", Objects.requireNonNull(item.price()),
                        item.quantity() == null ? 1 : item.quantity()))
                .toList();
        SubscriptionPlans.Plan plan = plans.plan(tenant, items, "items", Set.of());
        String defaultPaymentMethod = attachedPaymentMethod(tenant, customer, Patch.emptyToNull(request.defaultPaymentMethod()));
        List<String> rates = activeRates(tenant, request.taxRates());
        CollectionMethod method = request.collectionMethod() == null ? CollectionMethod.CHARGE_AUTOMATICALLY : request.collectionMethod();
        if (method == CollectionMethod.CHARGE_AUTOMATICALLY && request.daysUntilDue() != null) {
            throw ApiProblem.invalid("daysUntilDue", "daysUntilDue is for send_invoice subscriptions.");
        }
        Instant now = clocks.now(tenant);
        ZoneId zone = ZoneId.of(accounts.get(tenant).timeZone());
        Instant trialEnd = trialEnd(request, now);
        if (trialEnd != null && request.billingCycleAnchor() != null) {
            throw ApiProblem.invalid("billingCycleAnchor", "A trial's end is the billing cycle anchor; send one or the other.");
        }
        Instant anchor = trialEnd != null ? trialEnd : request.billingCycleAnchor() != null ? request.billingCycleAnchor() : now;
        Instant periodEnd;
        List<SubscriptionInvoice.Line> lines;
        if (trialEnd != null) {
            periodEnd = trialEnd;
            lines = SubscriptionPlans.trialLines(plan, now, trialEnd);
        } else if (anchor.isAfter(now)) {
            Instant fullStart = BillingPeriods.start(anchor, zone, plan.interval(), plan.intervalCount(), -1);
            if (anchor.isAfter(BillingPeriods.start(now, zone, plan.interval(), plan.intervalCount(), 1))) {
                throw ApiProblem.invalid("billingCycleAnchor", "billingCycleAnchor must fall within one interval from now.");
            }
            periodEnd = anchor;
            lines = SubscriptionPlans.partialLines(plan, now, anchor, anchor.getEpochSecond() - now.getEpochSecond(),
                    anchor.getEpochSecond() - fullStart.getEpochSecond());
        } else {
            if (anchor.isBefore(now)) {
                throw ApiProblem.invalid("billingCycleAnchor", "billingCycleAnchor must not be in the past.");
            }
            periodEnd = BillingPeriods.start(anchor, zone, plan.interval(), plan.intervalCount(), 1);
            lines = SubscriptionPlans.periodLines(plan, now, periodEnd);
        }
        // A send_invoice subscription is active at once: the customer pays its invoices by their due dates.
        SubscriptionStatus status = trialEnd != null ? SubscriptionStatus.TRIALING
                : method == CollectionMethod.SEND_INVOICE ? SubscriptionStatus.ACTIVE : SubscriptionStatus.INCOMPLETE;
        SubscriptionRow row = new SubscriptionRow(Ids.newId("sub"), customer.id(), customer.externalKey(), status, plan.currency(),
                plan.interval(), plan.intervalCount(), anchor, now, periodEnd, trialEnd != null ? now : null, trialEnd,
                Boolean.TRUE.equals(request.cancelAtPeriodEnd()), null, null, null, null, null, defaultPaymentMethod, rates, method,
                method == CollectionMethod.SEND_INVOICE ? Objects.requireNonNullElse(request.daysUntilDue(), 30) : null, null, null,
                null, null, 0, List.of(), Metadata.forCreate(request.metadata()), null, now, now);
        subscriptions.insert(tenant, row, items, now);
        String invoiceId = invoices.createForSubscription(tenant, new SubscriptionInvoice(customer.id(), row.id(), plan.currency(), lines,
                rates, method, row.daysUntilDue(), "subscription_create"));
        boolean paidAtOnce = invoices.get(tenant, invoiceId).status() == InvoiceStatus.PAID;
        SubscriptionRow created = subscriptions.lock(tenant, row.id()).orElseThrow();
        subscriptions.update(tenant, SubscriptionBilling.scheduled(created.with(r -> {
            r.latestInvoice = invoiceId;
            if (r.status == SubscriptionStatus.INCOMPLETE && paidAtOnce) {
                // Nothing was due (a free price, or credit covered it): nothing to charge.
                r.status = SubscriptionStatus.ACTIVE;
            }
            r.collectingInvoice = r.status == SubscriptionStatus.INCOMPLETE ? invoiceId : null;
        })));
        return row.id();
    }

    /** The subscription with this id in the account; 404 otherwise. */
    public Subscription get(Tenant tenant, String id) {
        SubscriptionRow row = subscriptions.find(tenant, id).orElseThrow(() -> notFound(id));
        return view(row, subscriptions.items(tenant, id));
    }

    Page<Subscription> list(Tenant tenant, SubscriptionFilter filter, PageRequest page) {
        Page<SubscriptionRow> rows = subscriptions.list(tenant, filter, page);
        Map<String, List<SubscriptionItem>> items = subscriptions.itemsOf(tenant, rows.data().stream().map(SubscriptionRow::id).toList());
        return Page.of(rows.data().stream().map(row -> view(row, items.getOrDefault(row.id(), List.of()))).toList(), rows.hasMore());
    }

    /**
     * Changes items, default payment method, tax rates, cancelAtPeriodEnd or metadata. A change of price or
     * quantity mid-period is prorated by {@code prorationBehavior}; a change of interval restarts the cycle
     * now and invoices at once, crediting the unused time.
     */
    Subscription update(Tenant tenant, String id, SubscriptionUpdate changes) {
        String toCollect = inTransaction.execute(status -> updateLocked(tenant, id, changes));
        if (toCollect != null) {
            billing.collectNow(tenant, id, toCollect);
        }
        return get(tenant, id);
    }

    private @Nullable String updateLocked(Tenant tenant, String id, SubscriptionUpdate changes) {
        SubscriptionRow current = subscriptions.lock(tenant, id).orElseThrow(() -> notFound(id));
        if (current.status().hasEnded()) {
            throw ApiProblem.conflict("invalid_state", "Subscription " + id + " is " + current.status().value() + " and cannot change.");
        }
        Instant now = clocks.now(tenant);
        Customer customer = customers.findById(tenant, current.customerId()).orElseThrow();
        String defaultPaymentMethod = changes.defaultPaymentMethod() == null ? current.defaultPaymentMethod()
                : attachedPaymentMethod(tenant, customer, Patch.emptyToNull(changes.defaultPaymentMethod()));
        List<String> rates = changes.taxRates() == null ? current.taxRates() : activeRates(tenant, changes.taxRates());
        SubscriptionRow updated = current.with(r -> {
            r.defaultPaymentMethod = defaultPaymentMethod;
            r.taxRates = rates;
            r.cancelAtPeriodEnd = Patch.value(current.cancelAtPeriodEnd(), changes.cancelAtPeriodEnd());
            r.metadata = Metadata.update(current.metadata(), changes.metadata());
            r.updatedAt = now;
        });
        String toCollect = null;
        if (changes.items() != null && current.status() == SubscriptionStatus.PAUSED) {
            throw ApiProblem.conflict("invalid_state", "Subscription " + id + " is paused: resume it before changing its items "
                    + "(no invoice is made while paused).");
        }
        if (changes.items() != null) {
            List<SubscriptionItem> before = subscriptions.items(tenant, id);
            List<SubscriptionItem> after = changedItems(before, changes.items());
            Set<String> kept = before.stream().map(SubscriptionItem::price).collect(Collectors.toSet());
            SubscriptionPlans.Plan oldPlan = plans.plan(tenant, before, "items", kept);
            SubscriptionPlans.Plan newPlan = plans.plan(tenant, after, "items", kept);
            if (!newPlan.currency().equals(oldPlan.currency())) {
                throw ApiProblem.invalid("items", "A subscription keeps its currency, " + oldPlan.currency() + ".");
            }
            SubscriptionUpdate.ProrationBehavior behavior = changes.prorationBehavior() == null
                    ? SubscriptionUpdate.ProrationBehavior.CREATE_PRORATIONS : changes.prorationBehavior();
            subscriptions.replaceItems(tenant, id, after, now);
            if (newPlan.interval() != oldPlan.interval() || newPlan.intervalCount() != oldPlan.intervalCount()) {
                return billing.restartCycle(tenant, updated, oldPlan, newPlan, now);
            }
            if (updated.status() != SubscriptionStatus.TRIALING && updated.status() != SubscriptionStatus.PAUSED) {
                BillingPeriods.Period period = new BillingPeriods.Period(0, updated.currentPeriodStart(), updated.currentPeriodEnd());
                List<SubscriptionInvoice.Line> lines = SubscriptionPlans.prorationLines(oldPlan, newPlan, period, now);
                switch (behavior) {
                    case NONE -> { }
                    case CREATE_PRORATIONS -> {
                        List<SubscriptionInvoice.Line> pending = new ArrayList<>(updated.pendingLines());
                        pending.addAll(lines);
                        updated = updated.with(r -> r.pendingLines = List.copyOf(pending));
                    }
                    case ALWAYS_INVOICE -> {
                        if (!lines.isEmpty()) {
                            toCollect = invoices.createForSubscription(tenant, new SubscriptionInvoice(updated.customerId(), id,
                                    updated.currency(), lines, updated.taxRates(), updated.collectionMethod(), updated.daysUntilDue(),
                                    "subscription_update"));
                            String invoiceId = toCollect;
                            boolean charge = updated.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY;
                            toCollect = charge ? invoiceId : null;
                            updated = updated.with(r -> {
                                r.latestInvoice = invoiceId;
                                r.collectingInvoice = charge ? invoiceId : null;
                            });
                        }
                    }
                }
            }
        }
        subscriptions.update(tenant, SubscriptionBilling.scheduled(updated));
        return toCollect;
    }

    /**
     * {@code DELETE /subscriptions/{id}}: at the period's end (it stays active until then) or now; now with
     * {@code prorate} credits the unused time, invoiced at once.
     */
    Subscription cancel(Tenant tenant, String id, boolean atPeriodEnd, boolean prorate) {
        inTransaction.executeWithoutResult(status -> {
            SubscriptionRow current = subscriptions.lock(tenant, id).orElseThrow(() -> notFound(id));
            if (!current.status().canCancel()) {
                throw ApiProblem.conflict("invalid_state", "Subscription " + id + " is " + current.status().value() + " already.");
            }
            Instant now = clocks.now(tenant);
            if (atPeriodEnd) {
                subscriptions.update(tenant, SubscriptionBilling.scheduled(current.with(r -> {
                    r.cancelAtPeriodEnd = true;
                    r.updatedAt = now;
                })));
                return;
            }
            String creditInvoice = null;
            if (prorate && current.status() != SubscriptionStatus.TRIALING && current.currentPeriodEnd().isAfter(now)) {
                List<SubscriptionItem> items = subscriptions.items(tenant, id);
                SubscriptionPlans.Plan plan = plans.plan(tenant, items, "items", items.stream().map(SubscriptionItem::price).collect(Collectors.toSet()));
                SubscriptionPlans.Plan nothing = new SubscriptionPlans.Plan(List.of(), plan.currency(), plan.interval(), plan.intervalCount());
                List<SubscriptionInvoice.Line> credit = SubscriptionPlans.prorationLines(plan, nothing,
                        new BillingPeriods.Period(0, current.currentPeriodStart(), current.currentPeriodEnd()), now);
                if (!credit.isEmpty()) {
                    creditInvoice = invoices.createForSubscription(tenant, new SubscriptionInvoice(current.customerId(), id,
                            current.currency(), credit, current.taxRates(), current.collectionMethod(), current.daysUntilDue(),
                            "subscription_update"));
                }
            }
            String latest = creditInvoice != null ? creditInvoice : current.latestInvoice();
            subscriptions.update(tenant, SubscriptionBilling.ended(current, now).with(r -> r.latestInvoice = latest));
        });
        return get(tenant, id);
    }

    /** Pause: no invoices, no retries until resumed (by hand or at {@code resumesAt}). */
    Subscription pause(Tenant tenant, String id, PauseRequest request) {
        inTransaction.executeWithoutResult(status -> {
            SubscriptionRow current = subscriptions.lock(tenant, id).orElseThrow(() -> notFound(id));
            if (!current.status().canPause()) {
                throw ApiProblem.conflict("invalid_state", "Subscription " + id + " is " + current.status().value() + " and cannot be paused.");
            }
            Instant now = clocks.now(tenant);
            if (request.resumesAt() != null && !request.resumesAt().isAfter(now)) {
                throw ApiProblem.invalid("resumesAt", "resumesAt must be in the future.");
            }
            subscriptions.update(tenant, SubscriptionBilling.scheduled(current.with(r -> {
                r.statusBeforePause = current.status();
                r.status = SubscriptionStatus.PAUSED;
                r.pausedAt = now;
                r.resumesAt = request.resumesAt();
                r.updatedAt = now;
            })));
        });
        return get(tenant, id);
    }

    /** Resume: back to the status it had; the period end (and trial end) move forward by the time spent paused. */
    Subscription resume(Tenant tenant, String id) {
        inTransaction.executeWithoutResult(status -> {
            SubscriptionRow current = subscriptions.lock(tenant, id).orElseThrow(() -> notFound(id));
            if (current.status() != SubscriptionStatus.PAUSED) {
                throw ApiProblem.conflict("invalid_state", "Subscription " + id + " is not paused.");
            }
            subscriptions.update(tenant, SubscriptionBilling.resumed(current, clocks.now(tenant)));
        });
        return get(tenant, id);
    }

    private static List<SubscriptionItem> changedItems(List<SubscriptionItem> before, List<SubscriptionUpdate.ItemChange> changes) {
        List<SubscriptionItem> after = new ArrayList<>(before);
        for (int i = 0; i < changes.size(); i++) {
            SubscriptionUpdate.ItemChange change = changes.get(i);
            String at = "items[" + i + "]";
            if (change.id() != null) {
                int index = indexOf(after, change.id());
                if (index < 0) {
                    throw ApiProblem.badRequest("resource_missing", at + ".id", "No such item on this subscription: '" + change.id() + "'.");
                }
                if (Boolean.TRUE.equals(change.deleted())) {
                    after.remove(index);
                } else {
                    SubscriptionItem item = after.get(index);
                    String price = change.price() != null ? change.price() : item.price();
                    after.set(index, new SubscriptionItem(item.id(), item.object(), price, Patch.value(item.quantity(), change.quantity())));
                }
            } else if (change.price() != null) {
                after.add(new SubscriptionItem(Ids.newId("si"), "subscription_item", change.price(), Patch.value(1L, change.quantity())));
            } else {
                throw ApiProblem.missing(at + ".price");
            }
        }
        if (after.isEmpty()) {
            throw ApiProblem.invalid("items", "A subscription keeps at least one item.");
        }
        if (after.size() > 20) {
            throw ApiProblem.invalid("items", "A subscription has at most 20 items.");
        }
        return after;
    }

    private static int indexOf(List<SubscriptionItem> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private @Nullable Instant trialEnd(SubscriptionCreate request, Instant now) {
        if (request.trialPeriodDays() != null && request.trialEnd() != null) {
            throw ApiProblem.invalid("trialEnd", "Send trialPeriodDays or trialEnd, not both.");
        }
        if (request.trialPeriodDays() != null) {
            return now.plus(Duration.ofDays(request.trialPeriodDays()));
        }
        if (request.trialEnd() != null) {
            if (!request.trialEnd().isAfter(now) || request.trialEnd().isAfter(now.plus(Duration.ofDays(730)))) {
                throw ApiProblem.invalid("trialEnd", "trialEnd must be in the future, within 730 days.");
            }
            return request.trialEnd();
        }
        return null;
    }

    private @Nullable String attachedPaymentMethod(Tenant tenant, Customer customer, @Nullable String id) {
        if (id == null) {
            return null;
        }
        PaymentMethod paymentMethod;
        try {
            paymentMethod = paymentMethods.get(tenant, id);
        } catch (ApiProblem missing) {
            throw ApiProblem.badRequest("resource_missing", "defaultPaymentMethod", "No such payment method: '" + id + "'.");
        }
        if (!customer.externalKey().equals(paymentMethod.customer())) {
            throw ApiProblem.invalid("defaultPaymentMethod", "Payment method " + id + " is not attached to the customer.");
        }
        return id;
    }

    private List<String> activeRates(Tenant tenant, @Nullable List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ApiProblem.invalid("taxRates", "A tax rate appears more than once.");
        }
        return taxRates.activeRates(tenant, ids, "taxRates").stream().map(TaxRate::id).toList();
    }

    private Customer customerOf(Tenant tenant, String externalKey) {
        try {
            return customers.get(tenant, externalKey);
        } catch (ApiProblem missing) {
            throw ApiProblem.badRequest("resource_missing", "customer", "No such customer: '" + externalKey + "'.");
        }
    }

    static Subscription view(SubscriptionRow row, List<SubscriptionItem> items) {
        return new Subscription(row.id(), "subscription", row.customerKey(), row.status(), Page.of(items, false), row.currency().code(),
                row.billingCycleAnchor(), row.currentPeriodStart(), row.currentPeriodEnd(), row.trialStart(), row.trialEnd(),
                row.cancelAtPeriodEnd(), row.canceledAt(), row.endedAt(), row.pausedAt(), row.resumesAt(), row.defaultPaymentMethod(),
                row.taxRates(), row.collectionMethod(), row.daysUntilDue(), row.latestInvoice(), row.metadata(), row.createdAt(),
                row.updatedAt());
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("subscription", id);
    }
}
