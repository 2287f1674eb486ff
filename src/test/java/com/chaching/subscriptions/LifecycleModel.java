package com.chaching.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.accounts.AfterRetries;
import com.chaching.catalog.Price;
import com.chaching.catalog.PriceType;
import com.chaching.catalog.Recurring;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.SubscriptionInvoice.Line;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.subscriptions.SubscriptionLifecycle.Transition;
import com.chaching.tax.TaxBehavior;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The world around one subscription, for property tests of {@link SubscriptionLifecycle} without Spring: it
 * carries out the lifecycle's actions as the service does (state saved first, then invoices made, then the
 * charge), keeps the invoices, answers charges like a gateway that sometimes declines or never answers, runs
 * due work as the test clock does, and checks the lifecycle's invariants after every event.
 */
final class LifecycleModel {

    /** An invoice as the model keeps it: what it bills and how it stands. */
    static final class ModelInvoice {
        final String id;
        final String reason;
        final List<Line> lines;
        String status;

        ModelInvoice(String id, String reason, List<Line> lines, String status) {
            this.id = id;
            this.reason = reason;
            this.lines = lines;
            this.status = status;
        }

        long total() {
            return lines.stream().mapToLong(line -> line.unitAmount() * line.quantity()).sum();
        }
    }

    /** A stretch of time an invoice billed as a period, cut short where a restart of the cycle credited the rest. */
    static final class Billed {
        final Instant start;
        Instant end;
        /** Time that was paused or spent unpaid before this period: the gap the previous period may leave. */
        final Duration allowedGapBefore;
        /** What the period line charged for it (nothing for a trial). */
        final long amount;
        /** Started now by a change of interval, rather than where the last period ended. */
        final boolean restart;

        Billed(Instant start, Instant end, Duration allowedGapBefore, long amount, boolean restart) {
            this.start = start;
            this.end = end;
            this.allowedGapBefore = allowedGapBefore;
            this.amount = amount;
            this.restart = restart;
        }
    }

    private static final CurrencyCode USD = CurrencyCode.of("usd");
    private static final Set<SubscriptionStatus> ENDED = EnumSet.of(SubscriptionStatus.CANCELED, SubscriptionStatus.INCOMPLETE_EXPIRED);
    private static final int MAX_STEPS_PER_ADVANCE = 10_000;

    final Map<String, ModelInvoice> invoices = new LinkedHashMap<>();
    final List<Billed> billed = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    /** Every status the subscription passed through, so tests can tell that random lives reach them all. */
    final Set<SubscriptionStatus> statusesSeen = EnumSet.noneOf(SubscriptionStatus.class);
    private final Random gateway;
    private final ZoneId zone;
    private final List<Integer> retrySchedule;
    private final AfterRetries afterRetries;
    private Plan plan;
    private Instant now;
    private SubscriptionState state;
    private int invoiceCount;
    private Duration gapSinceLastPeriod = Duration.ZERO;
    private boolean hadTrial;
    private int trialEndAnnouncements;

    LifecycleModel(long seed, Instant start, ZoneId zone, Plan plan, List<Integer> retrySchedule, AfterRetries afterRetries,
                   CollectionMethod method, @Nullable Duration trial, @Nullable Duration anchorIn) {
        this.gateway = new Random(seed);
        this.zone = zone;
        this.plan = plan;
        this.now = start;
        this.retrySchedule = retrySchedule;
        this.afterRetries = afterRetries;
        this.hadTrial = trial != null;
        Transition first = SubscriptionLifecycle.start(new SubscriptionLifecycle.Start(plan, method, trial == null ? null : start.plus(trial),
                anchorIn == null ? null : start.plus(anchorIn), false), context());
        log.add("start " + method + " trial=" + trial + " anchorIn=" + anchorIn + " → " + first.state().status());
        state = first.state();
        carryOut(first);
        checkInvariants();
    }

    SubscriptionState state() {
        return state;
    }

    Instant now() {
        return now;
    }

    /** One recurring price of {@code amount} per {@code count} × {@code interval}, bought {@code quantity} times. */
    static Plan plan(String priceId, long amount, long quantity, Recurring.Interval interval, int count) {
        Price price = new Price(priceId, "price", "prod_model", USD, amount, PriceType.RECURRING, new Recurring(interval, count),
                TaxBehavior.EXCLUSIVE, null, null, null, true, Map.of(), Instant.EPOCH, Instant.EPOCH);
        return new Plan(List.of(new Plan.PricedItem(new SubscriptionItem("si_model", "subscription_item", priceId, quantity), price, "Plan")),
                USD, interval, count);
    }

    /** The test clock moves to {@code to}: every piece of due work up to it runs, in time order, at its own instant. */
    void advanceTo(Instant to) {
        for (int steps = 0; ; steps++) {
            assertThat(steps).as("due work keeps falling due: %s", log).isLessThan(MAX_STEPS_PER_ADVANCE);
            Optional<SubscriptionLifecycle.Scheduled> next = SubscriptionLifecycle.nextWork(state);
            if (next.isEmpty() || next.get().at().isAfter(to)) {
                break;
            }
            if (next.get().at().isAfter(now)) {
                now = next.get().at();
            }
            LifecycleEvent.Due due = SubscriptionLifecycle.dueAt(state, now).orElseThrow();
            happen(due);
        }
        now = to;
    }

    /** What the API asks; a refusal leaves everything as it was. */
    void request(LifecycleEvent event) {
        happen(event);
    }

    /** A change of items; taken, it is the plan from now on. */
    void changePlan(Plan after, SubscriptionUpdate.ProrationBehavior behavior) {
        if (happen(new LifecycleEvent.ItemsChanged(plan, after, behavior))) {
            plan = after;
        }
    }

    Plan plan() {
        return plan;
    }

    /** The merchant pays an invoice by hand; the gateway decides. */
    void payByHand(String invoiceId) {
        ModelInvoice invoice = invoices.get(invoiceId);
        if (invoice == null || !(invoice.status.equals("open") || invoice.status.equals("uncollectible"))) {
            return;
        }
        if (gateway.nextInt(4) == 0) {
            log.add("pay by hand " + invoiceId + ": declined");
            happen(new LifecycleEvent.PaymentFailed(invoiceId));
        } else {
            invoice.status = "paid";
            log.add("pay by hand " + invoiceId + ": paid");
            happen(new LifecycleEvent.InvoicePaid(invoiceId));
        }
    }

    /** The merchant voids an open invoice. */
    void voidByHand(String invoiceId) {
        ModelInvoice invoice = invoices.get(invoiceId);
        if (invoice != null && invoice.status.equals("open")) {
            invoice.status = "void";
            log.add("void by hand " + invoiceId);
            happen(new LifecycleEvent.InvoiceVoided(invoiceId));
        }
    }

    List<String> unpaidInvoices() {
        return invoices.values().stream().filter(i -> i.status.equals("open") || i.status.equals("uncollectible")).map(i -> i.id).toList();
    }

    /** Runs the event through the lifecycle and carries out the transition; false when the lifecycle refused it. */
    private boolean happen(LifecycleEvent event) {
        SubscriptionState before = state;
        Transition transition;
        try {
            transition = SubscriptionLifecycle.on(state, event, context());
        } catch (ApiProblem refused) {
            log.add(now + " " + describe(event) + " refused: " + refused.getMessage());
            return false;
        }
        log.add(now + " " + describe(event) + ": " + before.status() + " → " + transition.state().status());
        checkTransition(before, event, transition);
        state = transition.state();
        carryOut(transition);
        checkInvariants();
        return true;
    }

    /** As SubscriptionTransitions and SubscriptionCollection do: invoices first (a listener may react at once), then the charge. */
    private void carryOut(Transition transition) {
        for (LifecycleAction action : transition.actions()) {
            switch (action) {
                case LifecycleAction.Issue issue -> issue(issue);
                case LifecycleAction.ScheduleAttempt attempt -> {
                    // Shown on the invoice only.
                }
                case LifecycleAction.MarkUncollectible giveUp -> {
                    ModelInvoice invoice = invoices.get(giveUp.invoice());
                    if (invoice.status.equals("open")) {
                        invoice.status = "uncollectible";
                    }
                }
                case LifecycleAction.VoidInvoice expired -> {
                    ModelInvoice invoice = invoices.get(expired.invoice());
                    if (invoice.status.equals("open")) {
                        invoice.status = "void";
                        happen(new LifecycleEvent.InvoiceVoided(invoice.id));
                    }
                }
                case LifecycleAction.Collect collect -> {
                    // After commit: below.
                }
                case LifecycleAction.AnnounceTrialEnd announce -> {
                    trialEndAnnouncements++;
                    assertThat(trialEndAnnouncements).as("a trial's end is announced once\n%s", log).isEqualTo(1);
                    assertThat(hadTrial).as("only a trial's end is announced\n%s", log).isTrue();
                }
            }
        }
        String toCollect = transition.toCollect();
        if (toCollect != null && state.isCollecting(toCollect)) {
            collect(invoices.get(toCollect));
        }
    }

    private void issue(LifecycleAction.Issue issue) {
        assertThat(invoices).as("invoice ids are new").doesNotContainKey(issue.invoice());
        ModelInvoice invoice = new ModelInvoice(issue.invoice(), issue.billingReason(), issue.lines(), "open");
        invoices.put(invoice.id, invoice);
        recordBilledTime(invoice);
        if (invoice.total() <= 0) {
            // Nothing due: paid at once, and the subscription hears of it in the same transaction.
            invoice.status = "paid";
            happen(new LifecycleEvent.InvoicePaid(invoice.id));
        }
    }

    private void collect(ModelInvoice invoice) {
        if (invoice.status.equals("paid")) {
            happen(new LifecycleEvent.InvoicePaid(invoice.id));
            return;
        }
        if (invoice.status.equals("void")) {
            happen(new LifecycleEvent.InvoiceVoided(invoice.id));
            return;
        }
        int outcome = gateway.nextInt(20);
        if (outcome < 12) {
            invoice.status = "paid";
            happen(new LifecycleEvent.InvoicePaid(invoice.id));
        } else if (outcome < 19) {
            happen(new LifecycleEvent.PaymentFailed(invoice.id));
        } else {
            log.add("the gateway's answer about " + invoice.id + " is lost");
        }
    }

    /**
     * The stretch of time an invoice bills as a period (its last line: the whole period, a trial, or the part up
     * to a future anchor), if it bills one. Only a restart of the cycle may cut the previous period short, and it
     * credits the part it cuts (but of a free trial).
     */
    private void recordBilledTime(ModelInvoice invoice) {
        boolean periodInvoice = invoice.reason.equals("subscription_create") || invoice.reason.equals("subscription_cycle")
                || invoice.lines.stream().anyMatch(line -> !line.proration());
        if (!periodInvoice) {
            return;
        }
        assertThat(state.status()).as("no period is invoiced while paused\n%s", log).isNotEqualTo(SubscriptionStatus.PAUSED);
        Line period = invoice.lines.getLast();
        if (!billed.isEmpty() && period.periodStart().isBefore(billed.getLast().end)) {
            Billed cut = billed.getLast();
            assertThat(invoice.reason).as("only a restart cuts a period short\n%s", log).isEqualTo("subscription_update");
            boolean credited = invoice.lines.stream().anyMatch(line -> line.proration() && line.unitAmount() < 0
                    && line.periodStart().equals(period.periodStart()));
            long creditDue = Proration.unusedTime(Money.of(cut.amount, USD), new BillingPeriods.Period(0, cut.start, cut.end),
                    period.periodStart()).amount();
            assertThat(credited || creditDue == 0).as("a period cut short is credited\n%s", log).isTrue();
            cut.end = period.periodStart();
            // Cut short, the previous period ends where this one starts: no gap is left, whatever was paused before.
            gapSinceLastPeriod = Duration.ZERO;
        }
        billed.add(new Billed(period.periodStart(), period.periodEnd(), gapSinceLastPeriod, period.unitAmount() * period.quantity(),
                invoice.reason.equals("subscription_update")));
        gapSinceLastPeriod = Duration.ZERO;
    }

    /** What every single transition must keep. */
    private void checkTransition(SubscriptionState before, LifecycleEvent event, Transition transition) {
        SubscriptionState after = transition.state();
        if (ENDED.contains(before.status())) {
            assertThat(after.status()).as("ended is final: %s", log).isEqualTo(before.status());
        }
        if (event instanceof LifecycleEvent.TrialEnded) {
            assertThat(trialEndAnnouncements).as("a trial's end is announced before it comes\n%s", log).isEqualTo(1);
        }
        if (event instanceof LifecycleEvent.RenewalDue || event instanceof LifecycleEvent.TrialEnded) {
            assertThat(after.currentPeriodStart()).as("a renewal starts where the last period ended").isEqualTo(before.currentPeriodEnd());
            assertThat(after.currentPeriodEnd()).isAfter(after.currentPeriodStart());
            assertThat(after.currentPeriodEnd()).as("on the anchor's grid").isEqualTo(BillingPeriods.periodAt(after.billingCycleAnchor(), zone,
                    after.interval(), after.intervalCount(), after.currentPeriodStart()).end());
        }
        if (before.status() == SubscriptionStatus.PAUSED && after.status() != SubscriptionStatus.PAUSED && !ENDED.contains(after.status())) {
            Duration paused = Duration.between(before.pause().pausedAt(), now);
            assertThat(Duration.between(before.currentPeriodEnd(), after.currentPeriodEnd()))
                    .as("paused time moves the period end").isEqualTo(paused);
            gapSinceLastPeriod = gapSinceLastPeriod.plus(paused);
        }
        if (before.standing() == SubscriptionStatus.UNPAID && after.standing() == SubscriptionStatus.ACTIVE
                && after.currentPeriodEnd().equals(now) && before.currentPeriodEnd().isBefore(now)) {
            gapSinceLastPeriod = gapSinceLastPeriod.plus(Duration.between(before.currentPeriodEnd(), now));
        }
        boolean anyCollect = transition.actions().stream().anyMatch(LifecycleAction.Collect.class::isInstance);
        if (before.status() == SubscriptionStatus.PAUSED && after.status() == SubscriptionStatus.PAUSED && anyCollect) {
            assertThat(event).as("nothing is charged while paused but a charge already under way").isInstanceOf(LifecycleEvent.CollectionUnsettled.class);
        }
    }

    /** What must hold between any two events (issue 9's invariants). */
    private void checkInvariants() {
        SubscriptionStatus status = state.status();
        statusesSeen.add(status);
        SubscriptionStatus standing = state.standing();
        String trace = String.join("\n", log);
        assertThat(status == SubscriptionStatus.PAUSED).as("paused exactly when it has a pause\n%s", trace).isEqualTo(state.pause() != null);
        if (!hadTrial && state.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY && !ENDED.contains(status)
                && standing != SubscriptionStatus.INCOMPLETE) {
            assertThat(invoices.get(state.firstInvoice()).status).as("never active while the first invoice is unpaid\n%s", trace)
                    .isEqualTo("paid");
        }
        boolean dunningOpen = state.dunning() != null && invoices.get(state.dunning().invoice()).status.equals("open");
        if (!ENDED.contains(status)) {
            assertThat(standing == SubscriptionStatus.PAST_DUE).as("past_due exactly while a dunning invoice is open\n%s", trace)
                    .isEqualTo(dunningOpen);
        }
        if (standing == SubscriptionStatus.UNPAID) {
            assertThat(invoices.get(state.dunning().invoice()).status).as("unpaid after its invoice was given up\n%s", trace)
                    .isEqualTo("uncollectible");
        }
        if (status == SubscriptionStatus.INCOMPLETE) {
            assertThat(state.firstInvoice()).isNotNull();
        }
        if (state.collecting() != null) {
            assertThat(invoices.get(state.collecting().invoice()).status).as("what is being charged can be charged\n%s", trace)
                    .isIn("open", "uncollectible", "paid");
        }
        for (int i = 1; i < billed.size(); i++) {
            Billed previous = billed.get(i - 1);
            Billed next = billed.get(i);
            assertThat(next.start).as("at most one invoice per period, no overlap\n%s", trace).isAfterOrEqualTo(previous.end);
            Duration gap = Duration.between(previous.end, next.start);
            if (next.restart) {
                // A restart starts now: somewhere in the time a pause added to the last period, or right at its end.
                assertThat(gap).as("a restart leaves no more than the paused time\n%s", trace).isLessThanOrEqualTo(next.allowedGapBefore);
            } else {
                assertThat(gap).as("periods tile the time, but for paused or unpaid time\n%s", trace).isEqualTo(next.allowedGapBefore);
            }
        }
    }

    private static String describe(LifecycleEvent event) {
        if (event instanceof LifecycleEvent.ItemsChanged changed) {
            return "ItemsChanged(" + describe(changed.before()) + " → " + describe(changed.after()) + ", " + changed.behavior() + ")";
        }
        return event.toString();
    }

    private static String describe(Plan plan) {
        Plan.PricedItem item = plan.items().getFirst();
        return item.item().quantity() + " × " + item.price().unitAmount() + " per " + plan.intervalCount() + " " + plan.interval();
    }

    private LifecycleContext context() {
        return new LifecycleContext("sub_model", now, zone, retrySchedule, afterRetries, () -> plan, () -> "in_" + ++invoiceCount);
    }
}
