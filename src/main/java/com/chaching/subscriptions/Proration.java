package com.chaching.subscriptions;

import com.chaching.platform.Money;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * billing.md "Subscriptions": a change mid-period credits the unused time of the old amount and charges
 * the remaining time of the new one; the fraction is (period end − change) / (period end − period start),
 * in seconds, each line rounded half away from zero.
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
        long remaining = Math.max(0, period.end().getEpochSecond() - Math.max(changedAt.getEpochSecond(), period.start().getEpochSecond()));
        long whole = period.seconds();
        return new Lines(unusedTime(oldAmount, remaining, whole), newAmount.fraction(remaining, whole, RoundingMode.HALF_UP));
    }

    /** The credit for the unused part of an amount paid for the whole period. */
    public static Money unusedTime(Money paid, long remainingSeconds, long periodSeconds) {
        return paid.fraction(remainingSeconds, periodSeconds, RoundingMode.HALF_UP).negate();
    }
}
