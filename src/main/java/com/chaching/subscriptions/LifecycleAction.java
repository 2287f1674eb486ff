package com.chaching.subscriptions;

import com.chaching.invoicing.SubscriptionInvoice;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the lifecycle asks to be done once the new state is saved. */
sealed interface LifecycleAction {

    /** Make and finalize an invoice for the subscription, with this id (the state already refers to it). */
    record Issue(String invoice, String billingReason, List<SubscriptionInvoice.Line> lines) implements LifecycleAction {
    }

    /** Charge this invoice, once the transaction that decided it has committed. */
    record Collect(String invoice) implements LifecycleAction {
    }

    /** Show when the invoice's next payment attempt falls ({@code null}: none is planned). */
    record ScheduleAttempt(String invoice, @Nullable Instant at) implements LifecycleAction {
    }

    /** Dunning gave up on the invoice. */
    record MarkUncollectible(String invoice) implements LifecycleAction {
    }

    /** Tell that the trial ends soon (the {@code subscription.trial_will_end} event), with the subscription as saved. */
    record AnnounceTrialEnd() implements LifecycleAction {
    }

    /** Void the invoice (an incomplete subscription expired). */
    record VoidInvoice(String invoice) implements LifecycleAction {
    }
}
