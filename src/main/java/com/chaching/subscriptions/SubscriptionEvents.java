package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionStatus.CANCELED;
import static com.chaching.subscriptions.SubscriptionStatus.PAST_DUE;
import static com.chaching.subscriptions.SubscriptionStatus.PAUSED;

import com.chaching.events.EventLog;
import com.chaching.platform.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events subscriptions record (events.md), in the transaction of the change, each with the subscription
 * as its GET returns it once the change is saved. Every change a client can see is a {@code subscription.updated}
 * with the old values of what changed, so that a receiver of that type alone misses nothing; a change of status
 * that has a type of its own — {@code subscription.paused}, {@code .resumed}, {@code .canceled},
 * {@code .past_due} — is told by that type as well (decisions.md). {@code subscription.trial_will_end} tells no
 * change: the lifecycle asks for it.
 */
@Component
class SubscriptionEvents {

    private final SubscriptionRepository subscriptions;
    private final EventLog eventLog;

    SubscriptionEvents(SubscriptionRepository subscriptions, EventLog eventLog) {
        this.subscriptions = subscriptions;
        this.eventLog = eventLog;
    }

    /** The subscription as its GET returns it, as the caller's transaction sees it: what a change is compared with. */
    Subscription snapshot(Tenant tenant, SubscriptionRow row) {
        return SubscriptionService.view(row, subscriptions.items(tenant, row.id()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void created(Tenant tenant, SubscriptionRow inserted) {
        eventLog.record(tenant, "subscription.created", snapshot(tenant, inserted));
    }

    /**
     * The saved change from {@code before}: an update, and its own type too when the status change has one.
     * The items are read again only when the change may have touched them; a lifecycle step never does, and
     * the engine's renewals are spared the query.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void changed(Tenant tenant, Subscription before, SubscriptionRow saved, boolean itemsChanged) {
        Subscription after = itemsChanged ? snapshot(tenant, saved) : SubscriptionService.view(saved, before.items().data());
        eventLog.recordAll(tenant, eventsOf(before, after));
    }

    /** A saved change of one subscription, its items untouched: what {@link #changedAll} records. */
    record Change(Subscription before, SubscriptionRow saved) {
    }

    /** {@link #changed} for several subscriptions at once (a bill run's batch), recorded together. */
    @Transactional(propagation = Propagation.MANDATORY)
    void changedAll(Tenant tenant, List<Change> changes) {
        List<EventLog.Recorded> recorded = new ArrayList<>();
        for (Change change : changes) {
            recorded.addAll(eventsOf(change.before(), SubscriptionService.view(change.saved(), change.before().items().data())));
        }
        eventLog.recordAll(tenant, recorded);
    }

    private static List<EventLog.Recorded> eventsOf(Subscription before, Subscription after) {
        EventLog.Recorded update = EventLog.Recorded.update("subscription.updated", before, after);
        String type = statusChangeType(before.status(), after.status());
        return type == null ? List.of(update) : List.of(update, EventLog.Recorded.of(type, after));
    }

    /** The trial ends soon (or just ended early), with the subscription as it stands now. */
    @Transactional(propagation = Propagation.MANDATORY)
    void trialWillEnd(Tenant tenant, String subscriptionId) {
        // Read again: an invoice made before this (paid at once) may have changed the row since it was saved.
        SubscriptionRow row = subscriptions.find(tenant, subscriptionId).orElseThrow();
        eventLog.record(tenant, "subscription.trial_will_end", snapshot(tenant, row));
    }

    /**
     * The type that tells a change of status from {@code before} to {@code after}, if it has one of its own;
     * null for {@code subscription.updated}. Canceled wins (a paused subscription can be canceled); leaving a
     * pause is a resumption, whatever status it returns to.
     */
    static @Nullable String statusChangeType(SubscriptionStatus before, SubscriptionStatus after) {
        if (before == after) {
            return null;
        }
        if (after == CANCELED) {
            return "subscription.canceled";
        }
        if (after == PAUSED) {
            return "subscription.paused";
        }
        if (before == PAUSED) {
            return "subscription.resumed";
        }
        return after == PAST_DUE ? "subscription.past_due" : null;
    }
}
