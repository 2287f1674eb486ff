package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionStatus.ACTIVE;
import static com.chaching.subscriptions.SubscriptionStatus.TRIALING;

import com.chaching.accounts.Account;
import com.chaching.accounts.AccountService;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.invoicing.SubscriptionInvoiceBatch;
import com.chaching.invoicing.SubscriptionInvoiceBatch.Charging;
import com.chaching.invoicing.SubscriptionInvoiceBatch.NoPaymentMethod;
import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import com.chaching.subscriptions.SubscriptionLifecycle.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bill run's batch path (architecture.md "Volume"): one account's due subscriptions are claimed together,
 * and those whose work is a plain renewal — an active period's end, or a trial's — are renewed together:
 * (1) in one transaction, their new periods saved, their invoices made and their charges recorded pending, with
 * a few statements for the whole batch; (2) the charges sent with no transaction open; (3) the outcomes settled
 * in one more. The lifecycle decides each renewal exactly as it does one at a time ({@link SubscriptionLifecycle}),
 * so both paths give the same result. Any other due work claimed with them runs one at a time ({@link DueWorkStep}).
 * A crash between the steps leaves what one renewal's would: pending charges for the reconciler, and
 * subscriptions that look at their collection again an hour later.
 */
@Component
class RenewalBatch {

    private static final Logger log = LoggerFactory.getLogger(RenewalBatch.class);
    /** How long the work a batch leaves to the one-at-a-time step is kept from other workers. */
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionPlans plans;
    private final SubscriptionTransitions transitions;
    private final SubscriptionInvoiceBatch invoices;
    private final SubscriptionCollection collection;
    private final DueWorkStep step;
    private final AccountService accounts;
    private final AccountClock clocks;
    private final Clock serverClock;
    private final TransactionTemplate inTransaction;

    RenewalBatch(SubscriptionRepository subscriptions, SubscriptionPlans plans, SubscriptionTransitions transitions,
                 SubscriptionInvoiceBatch invoices, SubscriptionCollection collection, DueWorkStep step, AccountService accounts,
                 AccountClock clocks, Clock serverClock, TransactionTemplate inTransaction) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.transitions = transitions;
        this.invoices = invoices;
        this.collection = collection;
        this.step = step;
        this.accounts = accounts;
        this.clocks = clocks;
        this.serverClock = serverClock;
        this.inTransaction = inTransaction;
    }

    /** What step 1 did: how many it renewed, the charges to send, the attempts that found no payment method, and the other work left. */
    record Decided(int renewed, List<Charging> charges, List<NoPaymentMethod> noPaymentMethod, List<String> oneAtATime) {
    }

    /** Claims up to {@code limit} of the account's due subscriptions and does their work; returns how many pieces of work ran. */
    int run(Tenant tenant, int limit) {
        Decided decided = Objects.requireNonNull(inTransaction.execute(status -> decide(tenant, limit)));
        int ran = decided.renewed();
        for (String subscriptionId : decided.oneAtATime()) {
            try {
                ran += step.run(tenant, subscriptionId) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("billing work of subscription {} failed; it stays due", subscriptionId, e);
            }
        }
        settle(tenant, decided.noPaymentMethod(), invoices.send(tenant, decided.charges()));
        return ran;
    }

    /**
     * Step 1, in the caller's transaction: locks the batch, renews the plain renewals among it — saved states and
     * their events, then their invoices, finalized, with their charges recorded pending — and claims the rest.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Decided decide(Tenant tenant, int limit) {
        Instant now = clocks.now(tenant);
        List<SubscriptionRow> due = subscriptions.lockDue(tenant, now, serverClock.instant(), limit);
        List<SubscriptionRow> renewing = new ArrayList<>();
        List<LifecycleEvent.Due> renewals = new ArrayList<>();
        List<String> oneAtATime = new ArrayList<>();
        for (SubscriptionRow row : due) {
            Optional<LifecycleEvent.Due> work = SubscriptionLifecycle.dueAt(row.state(), now);
            if (work.isPresent() && isPlainRenewal(row.state(), work.get())) {
                renewing.add(row);
                renewals.add(work.get());
            } else {
                oneAtATime.add(row.id());
            }
        }
        subscriptions.claim(tenant, oneAtATime, serverClock.instant().plus(CLAIM));
        if (renewing.isEmpty()) {
            return new Decided(0, List.of(), List.of(), oneAtATime);
        }
        Map<String, List<SubscriptionItem>> items = subscriptions.itemsOf(tenant, renewing.stream().map(SubscriptionRow::id).toList());
        Map<String, Plan> plansNow = plans.currentOf(tenant, items);
        Account account = accounts.get(tenant);
        SubscriptionTransitions.Batch batch = new SubscriptionTransitions.Batch();
        List<SubscriptionInvoice> toIssue = new ArrayList<>(renewing.size());
        for (int i = 0; i < renewing.size(); i++) {
            SubscriptionRow row = renewing.get(i);
            Plan plan = Objects.requireNonNull(plansNow.get(row.id()));
            LifecycleContext context = SubscriptionTransitions.context(row.id(), now, account, () -> plan);
            Transition transition = SubscriptionLifecycle.on(row.state(), renewals.get(i), context);
            SubscriptionRow renewed = batch.add(row, items.getOrDefault(row.id(), List.of()), transition, now);
            for (LifecycleAction action : transition.actions()) {
                switch (action) {
                    case LifecycleAction.Issue issue -> toIssue.add(new SubscriptionInvoice(issue.invoice(), renewed.customerId(), renewed.id(),
                            renewed.currency(), issue.lines(), renewed.taxRates(), renewed.state().collectionMethod(), renewed.daysUntilDue(),
                            issue.billingReason(), renewed.defaultPaymentMethod()));
                    case LifecycleAction.Collect collect -> {
                        // Begun by the invoices' batch, in this transaction: step 1 of the payment protocol.
                    }
                    default -> throw new IllegalStateException("a renewal asked for " + action);
                }
            }
        }
        // As one at a time: the new states are saved first, so that an invoice paid at once finds them.
        transitions.saveAll(tenant, batch);
        List<Charging> charges = new ArrayList<>();
        List<NoPaymentMethod> noPaymentMethod = new ArrayList<>();
        for (SubscriptionInvoiceBatch.Collection next : invoices.issue(tenant, toIssue)) {
            switch (next) {
                case Charging charging -> charges.add(charging);
                case NoPaymentMethod none -> noPaymentMethod.add(none);
            }
        }
        return new Decided(renewing.size(), charges, noPaymentMethod, oneAtATime);
    }

    /**
     * A renewal the batch makes: an active period's end or a trial's, with nothing awaited and no dunning —
     * whose lock needs no invoice's first ({@link SubscriptionTransitions#lock}).
     */
    private static boolean isPlainRenewal(SubscriptionState state, LifecycleEvent.Due work) {
        boolean renewal = (state.status() == ACTIVE && work instanceof LifecycleEvent.RenewalDue)
                || (state.status() == TRIALING && work instanceof LifecycleEvent.TrialEnded);
        return renewal && state.dunning() == null && state.collecting() == null;
    }

    /**
     * Step 3: the outcomes recorded together, and each attempt that found no payment method told to its
     * subscription, as {@link SubscriptionCollection} does. If the batch cannot commit as one (a deadlock with
     * a payment by hand, say), each is settled on its own; one that still fails stays pending for the reconciler.
     */
    private void settle(Tenant tenant, List<NoPaymentMethod> noPaymentMethod, List<SubscriptionInvoiceBatch.Sent> sent) {
        if (sent.isEmpty() && noPaymentMethod.isEmpty()) {
            return;
        }
        try {
            inTransaction.executeWithoutResult(status -> {
                invoices.settle(tenant, sent);
                noPaymentMethod.forEach(none -> collection.paymentFailed(tenant, none.subscriptionId(), none.invoiceId()));
            });
        } catch (RuntimeException batchFailed) {
            log.warn("settling a batch of {} charges together failed; settling each on its own", sent.size(), batchFailed);
            for (SubscriptionInvoiceBatch.Sent one : sent) {
                onItsOwn(() -> invoices.settle(tenant, List.of(one)),
                        "settling charge {} failed; the reconciler settles it", one.charging().transactionId());
            }
            for (NoPaymentMethod none : noPaymentMethod) {
                onItsOwn(() -> collection.paymentFailed(tenant, none.subscriptionId(), none.invoiceId()),
                        "telling subscription {} its payment failed did not work; it looks again in an hour", none.subscriptionId());
            }
        }
    }

    /**
     * One part of a step 3 that could not commit as one, in its own transaction, so that its failure leaves the
     * others settled; a failure is logged ({@code failure} with {@code about}) and left to the part's own fallback.
     */
    private void onItsOwn(Runnable part, String failure, Object about) {
        try {
            inTransaction.executeWithoutResult(status -> part.run());
        } catch (RuntimeException e) {
            log.warn(failure, about, e);
        }
    }
}
