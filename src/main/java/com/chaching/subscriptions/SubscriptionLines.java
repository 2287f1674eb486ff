package com.chaching.subscriptions;

import com.chaching.invoicing.SubscriptionInvoice.Line;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The invoice lines a plan bills: for a whole period, part of one, a trial, or a change mid-period (all amounts from {@link Proration}). */
final class SubscriptionLines {

    private SubscriptionLines() {
    }

    /** A whole period: each item's price × quantity. */
    static List<Line> period(Plan plan, Instant start, Instant end) {
        return plan.items().stream().map(item -> new Line(item.item().quantity() + " × " + item.productName(), item.price().id(),
                item.price().unitAmount(), item.item().quantity(), item.price().taxBehavior(), start, end, false)).toList();
    }

    /** The time from {@code start} to the end of {@code whole}: a first invoice before a future anchor. */
    static List<Line> partOfPeriod(Plan plan, BillingPeriods.Period whole, Instant start) {
        return plan.items().stream().map(item -> new Line("Remaining time on " + item.item().quantity() + " × " + item.productName(),
                item.price().id(), Proration.remainingTime(item.periodAmount(), whole, start).amount(), 1, item.price().taxBehavior(),
                start, whole.end(), true)).toList();
    }

    /** Zero-amount lines for a trial. */
    static List<Line> trial(Plan plan, Instant start, Instant end) {
        return plan.items().stream().map(item -> new Line("Trial period for " + item.productName(), item.price().id(), 0,
                item.item().quantity(), item.price().taxBehavior(), start, end, false)).toList();
    }

    /** A change at {@code changedAt}: a credit for the old items' unused time, a charge for the new ones' remaining time. */
    static List<Line> proration(Plan before, Plan after, BillingPeriods.Period period, Instant changedAt) {
        Instant from = changedAt.isBefore(period.start()) ? period.start() : changedAt;
        // An item kept as it was is neither credited nor charged.
        Set<String> unchanged = new HashSet<>();
        for (Plan.PricedItem old : before.items()) {
            for (Plan.PricedItem now : after.items()) {
                if (old.price().id().equals(now.price().id()) && old.item().quantity() == now.item().quantity()) {
                    unchanged.add(old.price().id());
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Plan.PricedItem item : before.items()) {
            long credit = Proration.unusedTime(item.periodAmount(), period, changedAt).amount();
            if (!unchanged.contains(item.price().id()) && credit != 0) {
                lines.add(new Line("Unused time on " + item.item().quantity() + " × " + item.productName(), item.price().id(), credit, 1,
                        item.price().taxBehavior(), from, period.end(), true));
            }
        }
        for (Plan.PricedItem item : after.items()) {
            long charge = Proration.remainingTime(item.periodAmount(), period, changedAt).amount();
            if (!unchanged.contains(item.price().id()) && charge != 0) {
                lines.add(new Line("Remaining time on " + item.item().quantity() + " × " + item.productName(), item.price().id(), charge, 1,
                        item.price().taxBehavior(), from, period.end(), true));
            }
        }
        return lines;
    }

    /** The credit for the unused time of every item (a cancellation, or an interval change that ends the period early). */
    static List<Line> unusedTime(Plan plan, BillingPeriods.Period period, Instant at) {
        return proration(plan, plan.emptied(), period, at);
    }
}
