package com.chaching.subscriptions;

import com.chaching.platform.Money;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * billing.md "Subscriptions": a change mid-period credits the unused time of the old amount and charges
 * the remaining time of the new one; the fraction is (period end − change) / (period end − period start),
 * in seconds, each line rounded half away from zero. A change before the period starts counts the whole
 * period, one after it ends none of it. Every prorated amount in the service is computed here.
 */
public final class Proration {

    private Proration() {
    }

    /** The two lines of a change: a credit (≤ 0 for a non-negative amount) and a charge. */
    public record Lines(Money unusedTimeCredit, Money remainingTimeCharge) {

        public Money net() {
            return unusedTimeCredit.plus(remainingTimeCharge);
        }
    }

    public static Lines of(Money oldAmount, Money newAmount, BillingPeriods.Period period, Instant changedAt) {
        return new Lines(unusedTime(oldAmount, period, changedAt), remainingTime(newAmount, period, changedAt));
    }

    /** The credit for the part of an amount paid for the whole period that falls after {@code changedAt}. */
    public static Money unusedTime(Money paid, BillingPeriods.Period period, Instant changedAt) {
        return remainingTime(paid, period, changedAt).negate();
    }

    /** The share of a whole period's amount that falls after {@code changedAt}. */
    public static Money remainingTime(Money amount, BillingPeriods.Period period, Instant changedAt) {
        return amount.fraction(remainingSeconds(period, changedAt), period.seconds(), RoundingMode.HALF_UP);
    }

    /** The seconds of the period after {@code at}, clamped to the period. */
    static long remainingSeconds(BillingPeriods.Period period, Instant at) {
        long from = Math.max(at.getEpochSecond(), period.start().getEpochSecond());
        return Math.max(0, period.end().getEpochSecond() - from);
    }
}
