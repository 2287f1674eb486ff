package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionStatus.ACTIVE;
import static com.chaching.subscriptions.SubscriptionStatus.CANCELED;
import static com.chaching.subscriptions.SubscriptionStatus.INCOMPLETE;
import static com.chaching.subscriptions.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static com.chaching.subscriptions.SubscriptionStatus.PAST_DUE;
import static com.chaching.subscriptions.SubscriptionStatus.PAUSED;
import static com.chaching.subscriptions.SubscriptionStatus.TRIALING;
import static com.chaching.subscriptions.SubscriptionStatus.UNPAID;

import com.chaching.accounts.AfterRetries;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.SubscriptionInvoice.Line;
import com.chaching.platform.ApiProblem;
import com.chaching.subscriptions.LifecycleAction.AnnounceTrialEnd;
import com.chaching.subscriptions.LifecycleAction.Collect;
import com.chaching.subscriptions.LifecycleAction.Issue;
import com.chaching.subscriptions.LifecycleAction.MarkUncollectible;
import com.chaching.subscriptions.LifecycleAction.ScheduleAttempt;
import com.chaching.subscriptions.LifecycleAction.VoidInvoice;
import com.chaching.subscriptions.LifecycleEvent.CancelAtPeriodEndSet;
import com.chaching.subscriptions.LifecycleEvent.CanceledNow;
import com.chaching.subscriptions.LifecycleEvent.CollectionUnsettled;
import com.chaching.subscriptions.LifecycleEvent.IncompleteExpired;
import com.chaching.subscriptions.LifecycleEvent.InvoicePaid;
import com.chaching.subscriptions.LifecycleEvent.InvoiceVoided;
import com.chaching.subscriptions.LifecycleEvent.ItemsChanged;
import com.chaching.subscriptions.LifecycleEvent.PaymentFailed;
import com.chaching.subscriptions.LifecycleEvent.Paused;
import com.chaching.subscriptions.LifecycleEvent.RenewalDue;
import com.chaching.subscriptions.LifecycleEvent.ResumeDue;
import com.chaching.subscriptions.LifecycleEvent.Resumed;
import com.chaching.subscriptions.LifecycleEvent.RetryDue;
import com.chaching.subscriptions.LifecycleEvent.ScheduledCancel;
import com.chaching.subscriptions.LifecycleEvent.SettingsChanged;
import com.chaching.subscriptions.LifecycleEvent.TrialEnded;
import com.chaching.subscriptions.LifecycleEvent.TrialWillEnd;
import com.chaching.subscriptions.SubscriptionState.Collecting;
import com.chaching.subscriptions.SubscriptionState.Dunning;
import com.chaching.subscriptions.SubscriptionState.Pause;
import com.chaching.subscriptions.SubscriptionUpdate.ProrationBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The subscription lifecycle as one transition function (architecture.md "Billing engine"): (state, what
 * happened, now) → (new state, what to do). A subscription's status changes here and nowhere else; the
 * engine and the API's service only carry out what it decides. Pure: no database, no Spring, no clock but
 * the context's, so that its rules are property-tested on their own.
 *
 * <p>The rules (billing.md "Subscriptions", docs/subscriptions.md): an incomplete subscription becomes
 * active only when its first invoice is paid; dunning follows the invoice whose payment failed, and a
 * subscription leaves past_due only when that invoice is paid or voided or when its retries run out; no
 * renewal is made while past_due; paused time is never billed; canceled and incomplete_expired are final.
 */
final class SubscriptionLifecycle {

    /** billing.md: an incomplete subscription whose first invoice is not paid within 23 hours expires. */
    static final Duration INCOMPLETE_EXPIRES_AFTER = Duration.ofHours(23);
    /** How soon a collection with no outcome (its copy died, the gateway's answer is unknown) is tried again. */
    static final Duration COLLECT_AGAIN_AFTER = Duration.ofHours(1);
    /** A retry whose day has already passed (after a pause, say) falls a day from now, so dunning always ends. */
    static final Duration LATE_RETRY_DELAY = Duration.ofDays(1);
    /** events.md: as Stripe, the customer is told three days before the trial ends (at once when it is shorter). */
    static final Duration TRIAL_END_NOTICE = Duration.ofDays(3);

    private SubscriptionLifecycle() {
    }

    /** The new state, and what to do once it is saved, in order. */
    record Transition(SubscriptionState state, List<LifecycleAction> actions) {

        static Transition to(SubscriptionState state, LifecycleAction... actions) {
            return new Transition(state, List.of(actions));
        }

        /** The same, and then {@code action}. */
        Transition and(LifecycleAction action) {
            List<LifecycleAction> all = new ArrayList<>(actions);
            all.add(action);
            return new Transition(state, List.copyOf(all));
        }

        /** The invoice to charge after the transaction commits, if any. */
        @Nullable String toCollect() {
            return actions.stream().filter(Collect.class::isInstance).map(a -> ((Collect) a).invoice()).findFirst().orElse(null);
        }
    }

    /** The next piece of work on the subscription's schedule: when it falls due, and what it is. */
    record Scheduled(Instant at, LifecycleEvent.Due event) {
    }

    /** {@code POST /subscriptions}: the plan, how it is paid, and an optional trial end or future billing anchor. */
    record Start(Plan plan, CollectionMethod collectionMethod, @Nullable Instant trialEnd, @Nullable Instant billingCycleAnchor,
                 boolean cancelAtPeriodEnd) {
    }

    /**
     * A new subscription and its first invoice: a zero one for a trial, the time up to a future anchor, or a
     * whole first period. It is incomplete until that invoice is paid — but for a trial (trialing) and for
     * {@code send_invoice} (active at once: the customer pays by the due date). A trial that ends within
     * {@link #TRIAL_END_NOTICE} is announced at once.
     */
    static Transition start(Start start, LifecycleContext context) {
        Instant now = context.now();
        Plan plan = start.plan();
        Instant trialEnd = start.trialEnd();
        Instant requestedAnchor = start.billingCycleAnchor();
        Instant anchor;
        Instant periodEnd;
        List<Line> lines;
        if (trialEnd != null) {
            if (requestedAnchor != null) {
                throw ApiProblem.invalid("billingCycleAnchor", "A trial's end is the billing cycle anchor; send one or the other.");
            }
            anchor = trialEnd;
            periodEnd = trialEnd;
            lines = SubscriptionLines.trial(plan, now, trialEnd);
        } else if (requestedAnchor != null && requestedAnchor.isAfter(now)) {
            if (requestedAnchor.isAfter(BillingPeriods.start(now, context.zone(), plan.interval(), plan.intervalCount(), 1))) {
                throw ApiProblem.invalid("billingCycleAnchor", "billingCycleAnchor must fall within one interval from now.");
            }
            anchor = requestedAnchor;
            periodEnd = anchor;
            Instant wholeStart = BillingPeriods.start(anchor, context.zone(), plan.interval(), plan.intervalCount(), -1);
            lines = SubscriptionLines.partOfPeriod(plan, new BillingPeriods.Period(-1, wholeStart, anchor), now);
        } else {
            if (requestedAnchor != null && requestedAnchor.isBefore(now)) {
                throw ApiProblem.invalid("billingCycleAnchor", "billingCycleAnchor must not be in the past.");
            }
            anchor = now;
            periodEnd = BillingPeriods.start(anchor, context.zone(), plan.interval(), plan.intervalCount(), 1);
            lines = SubscriptionLines.period(plan, now, periodEnd);
        }
        SubscriptionStatus status = trialEnd != null ? TRIALING
                : start.collectionMethod() == CollectionMethod.SEND_INVOICE ? ACTIVE : INCOMPLETE;
        String invoice = context.newInvoiceId().get();
        boolean charge = status == INCOMPLETE;
        boolean announceNow = trialEnd != null && !trialEnd.minus(TRIAL_END_NOTICE).isAfter(now);
        SubscriptionState state = new SubscriptionState(status, start.collectionMethod(), plan.interval(), plan.intervalCount(), anchor,
                now, periodEnd, trialEnd != null ? now : null, trialEnd, announceNow, start.cancelAtPeriodEnd(), null, null, null, invoice,
                invoice, charge ? collecting(invoice, now) : null, null, List.of(), now);
        Issue issue = new Issue(invoice, "subscription_create", lines);
        if (announceNow) {
            return Transition.to(state, issue, new AnnounceTrialEnd());
        }
        return charge ? Transition.to(state, issue, new Collect(invoice)) : Transition.to(state, issue);
    }

    /** When the subscription's next work falls due, and what it is; empty when none ever will (until something happens). */
    static Optional<Scheduled> nextWork(SubscriptionState state) {
        Collecting collecting = state.collecting();
        if (collecting != null) {
            // Nothing else is decided while a charge's outcome is awaited.
            return Optional.of(new Scheduled(collecting.checkAt(), new CollectionUnsettled(collecting.invoice())));
        }
        return switch (state.status()) {
            case INCOMPLETE -> Optional.of(new Scheduled(state.createdAt().plus(INCOMPLETE_EXPIRES_AFTER), new IncompleteExpired()));
            case TRIALING -> {
                // A trial's period ends where the trial does. Its announcement comes first, set to cancel or not: the trial ends.
                if (!state.trialEndAnnounced()) {
                    yield Optional.of(new Scheduled(state.currentPeriodEnd().minus(TRIAL_END_NOTICE), new TrialWillEnd()));
                }
                yield Optional.of(new Scheduled(state.currentPeriodEnd(), state.cancelAtPeriodEnd() ? new ScheduledCancel() : new TrialEnded()));
            }
            case ACTIVE -> Optional.of(new Scheduled(state.currentPeriodEnd(),
                    state.cancelAtPeriodEnd() ? new ScheduledCancel() : new RenewalDue()));
            case PAST_DUE -> {
                // No renewal while past due: the next period waits for the dunning's end. A cancellation at the period's end does not.
                Instant retry = Objects.requireNonNull(Objects.requireNonNull(state.dunning()).nextRetryAt());
                yield Optional.of(state.cancelAtPeriodEnd() && state.currentPeriodEnd().isBefore(retry)
                        ? new Scheduled(state.currentPeriodEnd(), new ScheduledCancel())
                        : new Scheduled(retry, new RetryDue()));
            }
            case PAUSED -> {
                Instant resumesAt = Objects.requireNonNull(state.pause()).resumesAt();
                yield resumesAt == null ? Optional.empty() : Optional.of(new Scheduled(resumesAt, new ResumeDue()));
            }
            case UNPAID, CANCELED, INCOMPLETE_EXPIRED -> Optional.empty();
        };
    }

    /** The work due at {@code now}, if any. */
    static Optional<LifecycleEvent.Due> dueAt(SubscriptionState state, Instant now) {
        return nextWork(state).filter(work -> !work.at().isAfter(now)).map(Scheduled::event);
    }

    /** The transition for what happened; an API request the state does not allow is a 409 (or a 400 naming the field). */
    static Transition on(SubscriptionState state, LifecycleEvent event, LifecycleContext context) {
        return switch (event) {
            case RenewalDue due -> renewed(state, context);
            case TrialWillEnd due -> Transition.to(state.with(s -> s.trialEndAnnounced = true), new AnnounceTrialEnd());
            case TrialEnded due -> renewed(state, context);
            case ScheduledCancel due -> new Transition(ended(state, state.currentPeriodEnd()), stopRetries(state));
            case RetryDue due -> retryStarted(state, context);
            case IncompleteExpired due -> expired(state, context);
            case ResumeDue due -> resumed(state, context);
            case CollectionUnsettled due -> Transition.to(state.with(s -> s.collecting = collecting(due.invoice(), context.now())),
                    new Collect(due.invoice()));
            case InvoicePaid paid -> invoiceSettled(state, paid.invoice(), context);
            case InvoiceVoided voided -> invoiceVoided(state, voided.invoice(), context);
            case PaymentFailed failed -> paymentFailed(state, failed.invoice(), context);
            case Paused paused -> paused(state, paused, context);
            case Resumed resumed -> {
                if (state.status() != PAUSED) {
                    throw ApiProblem.conflict("invalid_state", "Subscription " + context.subscriptionId() + " is not paused.");
                }
                yield resumed(state, context);
            }
            case CanceledNow canceled -> canceledNow(state, canceled, context);
            case CancelAtPeriodEndSet set -> {
                requireChangeable(state, context, "cancelAtPeriodEnd");
                yield Transition.to(state.with(s -> s.cancelAtPeriodEnd = set.cancelAtPeriodEnd()));
            }
            case ItemsChanged changed -> changed.before().sameCycleAs(changed.after())
                    ? itemsChanged(state, changed, context) : cycleRestarted(state, changed, context);
            case SettingsChanged changed -> {
                if (changed.taxRates()) {
                    requireChangeable(state, context, "taxRates");
                } else if (state.status().hasEnded()) {
                    throw ended(state, context);
                }
                yield Transition.to(state);
            }
        };
    }

    /** The next period, invoiced at its start and charged (the first paid one after a trial). */
    private static Transition renewed(SubscriptionState state, LifecycleContext context) {
        // The next period starts exactly where the last ended, and ends on the anchor's grid: no gap, no
        // overlap, even after the account's time zone changed.
        Instant start = state.currentPeriodEnd();
        Instant end = BillingPeriods.periodAt(state.billingCycleAnchor(), context.zone(), state.interval(), state.intervalCount(), start).end();
        List<Line> lines = new ArrayList<>(state.pendingLines());
        lines.addAll(SubscriptionLines.period(context.plan().get(), start, end));
        String invoice = context.newInvoiceId().get();
        boolean charge = state.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY;
        SubscriptionState renewed = state.with(s -> {
            s.status = ACTIVE;
            s.currentPeriodStart = start;
            s.currentPeriodEnd = end;
            s.pendingLines = List.of();
            s.latestInvoice = invoice;
            s.collecting = charge ? collecting(invoice, context.now()) : null;
        });
        Issue issue = new Issue(invoice, "subscription_cycle", lines);
        return charge ? Transition.to(renewed, issue, new Collect(invoice)) : Transition.to(renewed, issue);
    }

    private static Transition retryStarted(SubscriptionState state, LifecycleContext context) {
        String invoice = Objects.requireNonNull(state.dunning()).invoice();
        return Transition.to(state.with(s -> s.collecting = collecting(invoice, context.now())), new Collect(invoice));
    }

    private static Transition expired(SubscriptionState state, LifecycleContext context) {
        SubscriptionState expired = state.with(s -> {
            s.status = INCOMPLETE_EXPIRED;
            s.endedAt = context.now();
        });
        return Transition.to(expired, new VoidInvoice(Objects.requireNonNull(state.firstInvoice())));
    }

    /** Back from a pause: every instant still ahead moves forward by the time spent paused, so paused time is never billed. */
    private static Transition resumed(SubscriptionState state, LifecycleContext context) {
        Pause pause = Objects.requireNonNull(state.pause());
        Duration paused = Duration.between(pause.pausedAt(), context.now());
        Dunning dunning = state.dunning();
        Dunning movedDunning = dunning == null ? null : new Dunning(dunning.invoice(), dunning.startedAt().plus(paused),
                dunning.retriesMade(), dunning.nextRetryAt() == null ? null : dunning.nextRetryAt().plus(paused));
        SubscriptionState resumed = state.with(s -> {
            s.status = pause.resumesTo();
            s.pause = null;
            // Later periods run whole intervals from the moved period end: it becomes the anchor.
            s.currentPeriodEnd = state.currentPeriodEnd().plus(paused);
            s.billingCycleAnchor = s.currentPeriodEnd;
            if (pause.resumesTo() == TRIALING && state.trialEnd() != null) {
                s.trialEnd = state.trialEnd().plus(paused);
            }
            s.dunning = movedDunning;
        });
        if (movedDunning != null && movedDunning.nextRetryAt() != null) {
            return Transition.to(resumed, new ScheduleAttempt(movedDunning.invoice(), movedDunning.nextRetryAt()));
        }
        return Transition.to(resumed);
    }

    /** An invoice was paid: if it is the one the subscription was waiting on, it is active again. */
    private static Transition invoiceSettled(SubscriptionState state, String invoice, LifecycleContext context) {
        SubscriptionState settled = collected(state, invoice);
        SubscriptionStatus standing = settled.standing();
        boolean firstPaid = standing == INCOMPLETE && invoice.equals(settled.firstInvoice());
        boolean dunningPaid = (standing == PAST_DUE || standing == UNPAID) && settled.isDunning(invoice);
        if (settled.status().hasEnded() || !(firstPaid || dunningPaid)) {
            return Transition.to(settled);
        }
        if (standing == UNPAID && settled.currentPeriodEnd().isBefore(context.now())) {
            if (settled.cancelAtPeriodEnd()) {
                return Transition.to(ended(settled, context.now()));
            }
            // Billing starts again from now, without invoicing the periods it spent unpaid: the renewal falls due at once.
            return Transition.to(standingBecomes(settled, ACTIVE).with(s -> {
                s.dunning = null;
                s.billingCycleAnchor = context.now();
                s.currentPeriodEnd = context.now();
            }));
        }
        return Transition.to(standingBecomes(settled, ACTIVE).with(s -> s.dunning = null));
    }

    /**
     * An invoice was voided: voiding the first invoice of an incomplete subscription expires it (as Stripe
     * does); voiding the dunning invoice forgives it, which ends the dunning as a payment would.
     */
    private static Transition invoiceVoided(SubscriptionState state, String invoice, LifecycleContext context) {
        SubscriptionState settled = collected(state, invoice);
        if (settled.status() == INCOMPLETE && invoice.equals(settled.firstInvoice())) {
            return Transition.to(settled.with(s -> {
                s.status = INCOMPLETE_EXPIRED;
                s.endedAt = context.now();
            }));
        }
        return invoiceSettled(settled, invoice, context);
    }

    /**
     * A payment failed. Only a collection the subscription made itself counts: its first failure starts the
     * dunning, a failed retry spends one of the schedule's retries. An incomplete subscription stays so (its
     * first invoice can still be paid until it expires); a payment tried by hand changes no schedule.
     */
    private static Transition paymentFailed(SubscriptionState state, String invoice, LifecycleContext context) {
        boolean ours = state.isCollecting(invoice);
        SubscriptionState failed = collected(state, invoice);
        if (!ours || failed.status().hasEnded()) {
            return Transition.to(failed);
        }
        return switch (failed.standing()) {
            case ACTIVE, TRIALING -> retryOrGiveUp(standingBecomes(failed, PAST_DUE), new Dunning(invoice, context.now(), 0, null), context);
            case PAST_DUE -> {
                Dunning dunning = Objects.requireNonNull(failed.dunning());
                yield dunning.invoice().equals(invoice)
                        ? retryOrGiveUp(failed, new Dunning(invoice, dunning.startedAt(), dunning.retriesMade() + 1, null), context)
                        : Transition.to(failed);
            }
            default -> Transition.to(failed);
        };
    }

    /** billing.md: retries fall the schedule's days after the first failure; after the last, the account's afterRetries. */
    private static Transition retryOrGiveUp(SubscriptionState state, Dunning dunning, LifecycleContext context) {
        List<Integer> schedule = context.retrySchedule();
        Instant now = context.now();
        if (dunning.retriesMade() < schedule.size()) {
            Instant planned = dunning.startedAt().plus(Duration.ofDays(schedule.get(dunning.retriesMade())));
            Instant next = planned.isAfter(now) ? planned : now.plus(LATE_RETRY_DELAY);
            SubscriptionState retrying = state.with(s -> s.dunning = new Dunning(dunning.invoice(), dunning.startedAt(),
                    dunning.retriesMade(), next));
            // No attempt is made while paused: the invoice shows one once the subscription resumes.
            return Transition.to(retrying, new ScheduleAttempt(dunning.invoice(), state.status() == PAUSED ? null : next));
        }
        MarkUncollectible giveUp = new MarkUncollectible(dunning.invoice());
        if (context.afterRetries() == AfterRetries.UNPAID) {
            return Transition.to(standingBecomes(state, UNPAID).with(s -> s.dunning = dunning), giveUp);
        }
        return Transition.to(ended(state, now), giveUp);
    }

    private static Transition paused(SubscriptionState state, Paused paused, LifecycleContext context) {
        if (!state.status().canPause()) {
            throw ApiProblem.conflict("invalid_state", "Subscription " + context.subscriptionId() + " is " + state.status().value()
                    + " and cannot be paused.");
        }
        if (paused.resumesAt() != null && !paused.resumesAt().isAfter(context.now())) {
            throw ApiProblem.invalid("resumesAt", "resumesAt must be in the future.");
        }
        SubscriptionState pausedState = state.with(s -> {
            s.status = PAUSED;
            s.pause = new Pause(context.now(), paused.resumesAt(), state.status());
        });
        return new Transition(pausedState, stopRetries(state));
    }

    /**
     * Canceled now. With {@code invoiceNow} a final invoice carries the pending prorations and, with
     * {@code prorate}, a credit for the unused time — only of a period that was paid (active, or paused from
     * active: counted up to the pause). A trial has nothing to credit, nor has a period still in dunning.
     */
    private static Transition canceledNow(SubscriptionState state, CanceledNow cancel, LifecycleContext context) {
        if (!state.status().canCancel()) {
            throw ApiProblem.conflict("invalid_state", "Subscription " + context.subscriptionId() + " is " + state.status().value()
                    + " already.");
        }
        if (cancel.prorate() && !cancel.invoiceNow()) {
            throw ApiProblem.invalid("invoiceNow", "A proration credit is given on a final invoice: prorate=true needs invoiceNow=true.");
        }
        List<Line> lines = new ArrayList<>(cancel.invoiceNow() ? state.pendingLines() : List.of());
        if (cancel.prorate() && state.standing() == ACTIVE) {
            Instant usedUntil = state.pause() != null ? state.pause().pausedAt() : context.now();
            lines.addAll(SubscriptionLines.unusedTime(context.plan().get(), state.currentPeriod(), usedUntil));
        }
        SubscriptionState ended = ended(state, context.now());
        List<LifecycleAction> actions = new ArrayList<>(stopRetries(state));
        if (!lines.isEmpty()) {
            String invoice = context.newInvoiceId().get();
            boolean charge = state.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY;
            ended = ended.with(s -> {
                s.latestInvoice = invoice;
                s.collecting = charge ? collecting(invoice, context.now()) : null;
            });
            actions.add(new Issue(invoice, "subscription_update", lines));
            if (charge) {
                actions.add(new Collect(invoice));
            }
        }
        return new Transition(ended, List.copyOf(actions));
    }

    /**
     * A change of price or quantity within the same cycle, billed by the proration behavior. Changes that
     * invoice at once need a paid-up subscription: while past due or unpaid only create_prorations and none
     * are taken (the lines wait for the next invoice, made once the dunning ends).
     */
    private static Transition itemsChanged(SubscriptionState state, ItemsChanged change, LifecycleContext context) {
        requireItemsChangeable(state, context, change.behavior() == ProrationBehavior.ALWAYS_INVOICE, "invoices the proration at once");
        if (state.status() == TRIALING || change.behavior() == ProrationBehavior.NONE) {
            return Transition.to(state);
        }
        List<Line> lines = new ArrayList<>(state.pendingLines());
        lines.addAll(SubscriptionLines.proration(change.before(), change.after(), state.currentPeriod(), context.now()));
        if (change.behavior() == ProrationBehavior.CREATE_PRORATIONS) {
            return Transition.to(state.with(s -> s.pendingLines = lines));
        }
        if (lines.isEmpty()) {
            return Transition.to(state);
        }
        return invoicedNow(state.with(s -> s.pendingLines = List.of()), lines, context);
    }

    /** A change of interval: the cycle restarts now, the unused time is credited and the new period invoiced at once. */
    private static Transition cycleRestarted(SubscriptionState state, ItemsChanged change, LifecycleContext context) {
        requireItemsChangeable(state, context, true, "restarts the cycle and invoices at once");
        // Now — or, when the current period already ended and its renewal has not run yet, where it ended: no
        // time is left unbilled between the two.
        Instant start = context.now().isBefore(state.currentPeriodEnd()) ? context.now() : state.currentPeriodEnd();
        Plan after = change.after();
        Instant end = BillingPeriods.start(start, context.zone(), after.interval(), after.intervalCount(), 1);
        List<Line> lines = new ArrayList<>(state.pendingLines());
        if (state.status() != TRIALING) {
            lines.addAll(SubscriptionLines.unusedTime(change.before(), state.currentPeriod(), start));
        }
        lines.addAll(SubscriptionLines.period(after, start, end));
        SubscriptionState restarted = state.with(s -> {
            s.status = ACTIVE;
            if (state.status() == TRIALING) {
                s.trialEnd = start;
                s.trialEndAnnounced = true;
            }
            s.interval = after.interval();
            s.intervalCount = after.intervalCount();
            s.billingCycleAnchor = start;
            s.currentPeriodStart = start;
            s.currentPeriodEnd = end;
            s.pendingLines = List.of();
        });
        Transition invoiced = invoicedNow(restarted, lines, context);
        // A trial ended early is announced then, unless it was already (as Stripe does).
        return state.status() == TRIALING && !state.trialEndAnnounced() ? invoiced.and(new AnnounceTrialEnd()) : invoiced;
    }

    /**
     * An invoice of a change made now, charged at once when the subscription charges automatically. One
     * collection at a time: while a charge's outcome is awaited, its failure must still find the subscription
     * waiting on it (to start the dunning), so a change that would charge another invoice waits too.
     */
    private static Transition invoicedNow(SubscriptionState state, List<Line> lines, LifecycleContext context) {
        Collecting collecting = state.collecting();
        if (collecting != null) {
            throw ApiProblem.conflict("payment_in_progress", "A payment of invoice " + collecting.invoice() + " of subscription "
                    + context.subscriptionId() + " is under way: make this change once its outcome is known, or with create_prorations.");
        }
        String invoice = context.newInvoiceId().get();
        boolean charge = state.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY;
        SubscriptionState invoiced = state.with(s -> {
            s.latestInvoice = invoice;
            s.collecting = charge ? collecting(invoice, context.now()) : null;
        });
        Issue issue = new Issue(invoice, "subscription_update", lines);
        return charge ? Transition.to(invoiced, issue, new Collect(invoice)) : Transition.to(invoiced, issue);
    }

    private static void requireItemsChangeable(SubscriptionState state, LifecycleContext context, boolean invoicesNow, String what) {
        requireChangeable(state, context, "items");
        if (state.status() == PAUSED) {
            throw ApiProblem.conflict("invalid_state", "Subscription " + context.subscriptionId() + " is paused: resume it before changing "
                    + "its items (no invoice is made while paused).");
        }
        if (invoicesNow && (state.status() == PAST_DUE || state.status() == UNPAID)) {
            throw ApiProblem.conflict("invalid_state", "Subscription " + context.subscriptionId() + " is " + state.status().value()
                    + ": this change " + what + ", which waits until invoice " + Objects.requireNonNull(state.dunning()).invoice()
                    + " is paid or voided. create_prorations or none carry a change of price or quantity to the next invoice.");
        }
    }

    /** billing.md: an ended subscription changes no more; an incomplete one only its default payment method and metadata. */
    private static void requireChangeable(SubscriptionState state, LifecycleContext context, String field) {
        if (state.status().hasEnded()) {
            throw ended(state, context);
        }
        if (state.status() == INCOMPLETE) {
            throw ApiProblem.conflict("invalid_state", "Subscription " + context.subscriptionId() + " is incomplete: until its first "
                    + "invoice " + state.firstInvoice() + " is paid, only defaultPaymentMethod and metadata can change, or it can be "
                    + "canceled (" + field + " cannot).");
        }
    }

    private static ApiProblem ended(SubscriptionState state, LifecycleContext context) {
        return ApiProblem.conflict("invalid_state", "Subscription " + context.subscriptionId() + " is " + state.status().value()
                + " and cannot change.");
    }

    /** Canceled at {@code at}: no more invoices, retries or pause. */
    private static SubscriptionState ended(SubscriptionState state, Instant at) {
        return state.with(s -> {
            s.status = CANCELED;
            s.canceledAt = state.canceledAt() != null ? state.canceledAt() : at;
            s.endedAt = at;
            s.collecting = null;
            s.dunning = null;
            s.pause = null;
            s.pendingLines = List.of();
        });
    }

    /** The invoice the dunning was retrying shows no next attempt any more (it stays open, and can be paid by hand). */
    private static List<LifecycleAction> stopRetries(SubscriptionState state) {
        Dunning dunning = state.dunning();
        return dunning == null || dunning.nextRetryAt() == null ? List.of() : List.of(new ScheduleAttempt(dunning.invoice(), null));
    }

    /** The invoice's collection is over, whatever its outcome. */
    private static SubscriptionState collected(SubscriptionState state, String invoice) {
        return state.isCollecting(invoice) ? state.with(s -> s.collecting = null) : state;
    }

    /** Sets the status payments decide — or, while paused, the one it will resume to. */
    private static SubscriptionState standingBecomes(SubscriptionState state, SubscriptionStatus standing) {
        Pause pause = state.pause();
        if (pause != null) {
            return state.with(s -> s.pause = new Pause(pause.pausedAt(), pause.resumesAt(), standing));
        }
        return state.with(s -> s.status = standing);
    }

    private static Collecting collecting(String invoice, Instant now) {
        return new Collecting(invoice, now.plus(COLLECT_AGAIN_AFTER));
    }
}
