package com.chaching.subscriptions;

import com.chaching.customers.Customer;
import com.chaching.customers.CustomerService;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.payments.PaymentMethod;
import com.chaching.payments.PaymentMethodService;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Money;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Patch;
import com.chaching.platform.Tenant;
import com.chaching.subscriptions.SubscriptionLifecycle.Transition;
import com.chaching.tax.TaxRate;
import com.chaching.tax.TaxRateService;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Subscriptions: create, read, list, update, cancel, pause and resume (billing.md "Subscriptions"). Each use
 * case locks the subscription, asks {@link SubscriptionLifecycle} what the request does to it (or whether it
 * may), and has {@link SubscriptionTransitions} carry that out; a charge it calls for is made after commit.
 */
@Service
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionPlans plans;
    private final SubscriptionTransitions transitions;
    private final SubscriptionCollection collection;
    private final CustomerService customers;
    private final PaymentMethodService paymentMethods;
    private final TaxRateService taxRates;
    private final AccountClock clocks;
    private final TransactionTemplate inTransaction;
    private final SubscriptionEvents events;

    SubscriptionService(SubscriptionRepository subscriptions, SubscriptionPlans plans, SubscriptionTransitions transitions,
                        SubscriptionCollection collection, CustomerService customers, PaymentMethodService paymentMethods,
                        TaxRateService taxRates, AccountClock clocks, TransactionTemplate inTransaction, SubscriptionEvents events) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.transitions = transitions;
        this.collection = collection;
        this.customers = customers;
        this.paymentMethods = paymentMethods;
        this.taxRates = taxRates;
        this.clocks = clocks;
        this.inTransaction = inTransaction;
        this.events = events;
    }

    /** A change committed, and the invoice it asks to be charged now. */
    private record Changed(String subscriptionId, @Nullable String toCollect) {
    }

    /**
     * Creates the subscription and its first invoice, then charges it (no transaction held across the
     * gateway call). Paid → active; failed → incomplete with the open invoice; a trial → trialing with a zero
     * invoice. The answer is 201 whatever the payment did: the status says.
     */
    public Subscription create(Tenant tenant, SubscriptionCreate request) {
        return collectAndGet(tenant, Objects.requireNonNull(inTransaction.execute(status -> createWithFirstInvoice(tenant, request))));
    }

    private Changed createWithFirstInvoice(Tenant tenant, SubscriptionCreate request) {
        Customer customer = customerOf(tenant, Objects.requireNonNull(request.customer()));
        List<SubscriptionItem> items = Objects.requireNonNull(request.items()).stream()
                .map(item -> new SubscriptionItem(Ids.newId("si"), "subscription_item", Objects.requireNonNull(item.price()),
                        item.quantity() == null ? 1 : item.quantity()))
                .toList();
        Plan plan = plans.plan(tenant, items, "items", Set.of());
        String defaultPaymentMethod = attachedPaymentMethod(tenant, customer, Patch.emptyToNull(request.defaultPaymentMethod()));
        List<String> rates = activeRates(tenant, request.taxRates());
        CollectionMethod method = request.collectionMethod() == null ? CollectionMethod.CHARGE_AUTOMATICALLY : request.collectionMethod();
        if (method == CollectionMethod.CHARGE_AUTOMATICALLY && request.daysUntilDue() != null) {
            throw ApiProblem.invalid("daysUntilDue", "daysUntilDue is for send_invoice subscriptions.");
        }
        Instant now = clocks.now(tenant);
        String id = Ids.newId("sub");
        Transition start = SubscriptionLifecycle.start(new SubscriptionLifecycle.Start(plan, method, trialEnd(request, now),
                request.billingCycleAnchor(), Boolean.TRUE.equals(request.cancelAtPeriodEnd())), transitions.context(tenant, id, now, () -> plan));
        SubscriptionRow row = new SubscriptionRow(id, customer.id(), customer.externalKey(), plan.currency(), start.state(),
                defaultPaymentMethod, rates, method == CollectionMethod.SEND_INVOICE ? Objects.requireNonNullElse(request.daysUntilDue(), 30) : null,
                Metadata.forCreate(request.metadata()), now);
        subscriptions.insert(tenant, row, items);
        // Told as created, before what its first invoice does to it (paid at once, say) is told as a change.
        events.created(tenant, row);
        return new Changed(id, transitions.carryOut(tenant, row, start));
    }

    /** The subscription with this id in the account; 404 otherwise. */
    public Subscription get(Tenant tenant, String id) {
        SubscriptionRow row = subscriptions.find(tenant, id).orElseThrow(() -> notFound(id));
        return view(row, subscriptions.items(tenant, id));
    }

    public Page<Subscription> list(Tenant tenant, SubscriptionFilter filter, PageRequest page) {
        Page<SubscriptionRow> rows = subscriptions.list(tenant, filter, page);
        Map<String, List<SubscriptionItem>> items = subscriptions.itemsOf(tenant, rows.data().stream().map(SubscriptionRow::id).toList());
        return Page.of(rows.data().stream().map(row -> view(row, items.getOrDefault(row.id(), List.of()))).toList(), rows.hasMore());
    }

    /**
     * Changes items, default payment method, tax rates, cancelAtPeriodEnd or metadata. A change of price or
     * quantity mid-period is prorated by {@code prorationBehavior}; a change of interval restarts the cycle
     * now and invoices at once, crediting the unused time. The lifecycle says which changes the status allows.
     */
    public Subscription update(Tenant tenant, String id, SubscriptionUpdate changes) {
        return collectAndGet(tenant, Objects.requireNonNull(inTransaction.execute(status -> updateLocked(tenant, id, changes))));
    }

    private Changed updateLocked(Tenant tenant, String id, SubscriptionUpdate changes) {
        SubscriptionRow current = transitions.lock(tenant, id).orElseThrow(() -> notFound(id));
        Subscription before = events.snapshot(tenant, current);
        LifecycleContext context = transitions.context(tenant, current);
        // Each part of the change goes through the lifecycle in turn; the first it refuses refuses the whole request.
        // Only a change of items can ask for anything to be done (an invoice), and it comes last.
        Transition transition = SubscriptionLifecycle.on(current.state(), new LifecycleEvent.SettingsChanged(changes.taxRates() != null), context);
        if (changes.cancelAtPeriodEnd() != null) {
            transition = SubscriptionLifecycle.on(transition.state(), new LifecycleEvent.CancelAtPeriodEndSet(changes.cancelAtPeriodEnd()), context);
        }
        if (changes.items() != null) {
            transition = SubscriptionLifecycle.on(transition.state(), itemsChanged(tenant, id, changes), context);
        }
        Customer customer = customers.findById(tenant, current.customerId()).orElseThrow();
        SubscriptionRow updated = current.withSettings(
                changes.defaultPaymentMethod() == null ? current.defaultPaymentMethod()
                        : attachedPaymentMethod(tenant, customer, Patch.emptyToNull(changes.defaultPaymentMethod())),
                changes.taxRates() == null ? current.taxRates() : activeRates(tenant, changes.taxRates()),
                Metadata.update(current.metadata(), changes.metadata()), context.now());
        return new Changed(id, transitions.save(tenant, before, updated, transition, context.now(), changes.items() != null));
    }

    /** The items after the change (saved), as the lifecycle's event: the plans before and after, and how to prorate. */
    private LifecycleEvent.ItemsChanged itemsChanged(Tenant tenant, String id, SubscriptionUpdate changes) {
        LifecycleEvent.ItemsChanged change = plannedItemsChange(tenant, id, Objects.requireNonNull(changes.items()),
                Objects.requireNonNullElse(changes.prorationBehavior(), SubscriptionUpdate.ProrationBehavior.CREATE_PRORATIONS));
        subscriptions.replaceItems(tenant, id, change.after().items().stream().map(Plan.PricedItem::item).toList(), clocks.now(tenant));
        return change;
    }

    /** A change of items as the lifecycle's event (the plans before and after, and how to prorate), checked and not saved. */
    private LifecycleEvent.ItemsChanged plannedItemsChange(Tenant tenant, String id, List<SubscriptionUpdate.ItemChange> itemChanges,
                                                          SubscriptionUpdate.ProrationBehavior behavior) {
        List<SubscriptionItem> before = subscriptions.items(tenant, id);
        List<SubscriptionItem> after = changedItems(before, itemChanges);
        Set<String> kept = before.stream().map(SubscriptionItem::price).collect(Collectors.toSet());
        Plan oldPlan = plans.plan(tenant, before, "items", kept);
        Plan newPlan = plans.plan(tenant, after, "items", kept);
        if (!newPlan.currency().equals(oldPlan.currency())) {
            throw ApiProblem.invalid("items", "A subscription keeps its currency, " + oldPlan.currency() + ".");
        }
        return new LifecycleEvent.ItemsChanged(oldPlan, newPlan, behavior);
    }

    /**
     * What {@link #update} with this quantity for one item (and {@code create_prorations}, the API's default)
     * would add to the next invoice if made now. It asks the same lifecycle transition the update runs, so the
     * preview is the lines the update then adds, never a second reckoning of them; it saves nothing, and is
     * refused as the update would be (a paused or ended subscription: 409; an unknown item: 400).
     */
    public ProrationPreview previewQuantityChange(Tenant tenant, String id, String itemId, long quantity) {
        SubscriptionRow current = subscriptions.find(tenant, id).orElseThrow(() -> notFound(id));
        LifecycleContext context = transitions.context(tenant, current);
        LifecycleEvent.ItemsChanged change = plannedItemsChange(tenant, id,
                List.of(new SubscriptionUpdate.ItemChange(itemId, null, quantity, null)), SubscriptionUpdate.ProrationBehavior.CREATE_PRORATIONS);
        List<SubscriptionInvoice.Line> pending = current.state().pendingLines();
        List<SubscriptionInvoice.Line> after = SubscriptionLifecycle.on(current.state(), change, context).state().pendingLines();
        // create_prorations keeps the lines already pending and appends this change's.
        List<ProrationPreview.Line> added = after.subList(pending.size(), after.size()).stream()
                .map(line -> new ProrationPreview.Line(line.description(),
                        Money.of(line.unitAmount(), current.currency()).times(line.quantity()).amount(),
                        line.periodStart(), line.periodEnd()))
                .toList();
        return new ProrationPreview(id, current.currency().code(), context.now(), added);
    }

    /**
     * {@code DELETE /subscriptions/{id}}: at the period's end (it stays as it is until then), or now — with a
     * final invoice when {@code invoiceNow} (by default, when {@code prorate} credits the unused time).
     */
    public Subscription cancel(Tenant tenant, String id, boolean atPeriodEnd, @Nullable Boolean prorate, @Nullable Boolean invoiceNow) {
        if (atPeriodEnd && (prorate != null || invoiceNow != null)) {
            throw ApiProblem.invalid(prorate != null ? "prorate" : "invoiceNow",
                    "prorate and invoiceNow apply to canceling now; at the period's end nothing is left to credit or invoice.");
        }
        boolean credit = Boolean.TRUE.equals(prorate);
        return collectAndGet(tenant, change(tenant, id, atPeriodEnd ? new LifecycleEvent.CancelAtPeriodEndSet(true)
                : new LifecycleEvent.CanceledNow(credit, Objects.requireNonNullElse(invoiceNow, credit))));
    }

    /** Pause: no invoices, no retries until resumed (by hand or at {@code resumesAt}). */
    public Subscription pause(Tenant tenant, String id, PauseRequest request) {
        return collectAndGet(tenant, change(tenant, id, new LifecycleEvent.Paused(request.resumesAt())));
    }

    /** Resume: back to the status it had; the period end (and trial end) move forward by the time spent paused. */
    public Subscription resume(Tenant tenant, String id) {
        return collectAndGet(tenant, change(tenant, id, new LifecycleEvent.Resumed()));
    }

    /** One lifecycle event on the locked subscription, in a transaction of its own. */
    private Changed change(Tenant tenant, String id, LifecycleEvent event) {
        return Objects.requireNonNull(inTransaction.execute(status -> {
            SubscriptionRow current = transitions.lock(tenant, id).orElseThrow(() -> notFound(id));
            return new Changed(id, transitions.apply(tenant, current, event));
        }));
    }

    private Subscription collectAndGet(Tenant tenant, Changed changed) {
        if (changed.toCollect() != null) {
            collection.collect(tenant, changed.subscriptionId(), changed.toCollect());
        }
        return get(tenant, changed.subscriptionId());
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
            // Its detail, which says how customers are addressed when the key looks like an id.
            throw ApiProblem.badRequest("resource_missing", "customer", missing.detail());
        }
    }

    static Subscription view(SubscriptionRow row, List<SubscriptionItem> items) {
        SubscriptionState state = row.state();
        SubscriptionState.Pause pause = state.pause();
        return new Subscription(row.id(), "subscription", row.customerKey(), state.status(), Page.of(items, false), row.currency().code(),
                state.billingCycleAnchor(), state.currentPeriodStart(), state.currentPeriodEnd(), state.trialStart(), state.trialEnd(),
                state.cancelAtPeriodEnd(), state.canceledAt(), state.endedAt(), pause == null ? null : pause.pausedAt(),
                pause == null ? null : pause.resumesAt(), row.defaultPaymentMethod(), row.taxRates(), state.collectionMethod(),
                row.daysUntilDue(), state.latestInvoice(), row.metadata(), state.createdAt(), row.updatedAt());
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("subscription", id);
    }
}
