package com.chaching.subscriptions;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What can happen to a subscription: its time coming due, its invoices' outcomes, and what the API asks. */
sealed interface LifecycleEvent {

    /** Work that falls due at an instant of the subscription's own schedule (the engine finds it). */
    sealed interface Due extends LifecycleEvent {
    }

    /** The current period ended: the next one is invoiced. */
    record RenewalDue() implements Due {
    }

    /** The trial ends in three days (or sooner, when it was shorter): the customer is to be told. */
    record TrialWillEnd() implements Due {
    }

    /** The trial ended: the first paid period starts and is invoiced. */
    record TrialEnded() implements Due {
    }

    /** The period ended on a subscription set to cancel at its end. */
    record ScheduledCancel() implements Due {
    }

    /** A payment retry of the dunning invoice falls due. */
    record RetryDue() implements Due {
    }

    /** An incomplete subscription's first invoice went unpaid for 23 hours. */
    record IncompleteExpired() implements Due {
    }

    /** A pause with a resume date reached it. */
    record ResumeDue() implements Due {
    }

    /** A collection started long ago has no outcome (the copy that started it died): collect again. */
    record CollectionUnsettled(String invoice) implements Due {
    }

    /** One of the subscription's invoices was paid (by a charge, by hand, or because nothing was due). */
    record InvoicePaid(String invoice) implements LifecycleEvent {
    }

    /** An attempt to pay one of its invoices failed, or found nothing to charge. */
    record PaymentFailed(String invoice) implements LifecycleEvent {
    }

    /** One of its invoices was voided. */
    record InvoiceVoided(String invoice) implements LifecycleEvent {
    }

    /** {@code POST /subscriptions/{id}/pause}. */
    record Paused(@Nullable Instant resumesAt) implements LifecycleEvent {
    }

    /** {@code POST /subscriptions/{id}/resume}. */
    record Resumed() implements LifecycleEvent {
    }

    /** {@code DELETE /subscriptions/{id}} now (also: its customer was deleted). */
    record CanceledNow(boolean prorate, boolean invoiceNow) implements LifecycleEvent {
    }

    /** {@code cancelAtPeriodEnd} set or taken back. */
    record CancelAtPeriodEndSet(boolean cancelAtPeriodEnd) implements LifecycleEvent {
    }

    /** Its items change from one plan to another (a change of interval restarts the cycle). */
    record ItemsChanged(Plan before, Plan after, SubscriptionUpdate.ProrationBehavior behavior) implements LifecycleEvent {
    }

    /** A change to its tax rates, default payment method or metadata: no change of state, but not allowed in every state. */
    record SettingsChanged(boolean taxRates) implements LifecycleEvent {
    }
}
