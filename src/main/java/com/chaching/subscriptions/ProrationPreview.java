package com.chaching.subscriptions;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * What a change of items would bill if made now, before it is made: the proration lines that
 * {@code PATCH /subscriptions/{id}} with {@code create_prorations} would add to the next invoice (billing.md
 * "Update"). Amounts are minor units of {@code currency}; credits are negative.
 */
public record ProrationPreview(String subscription, String currency, Instant at, List<Line> lines) {

    /** One prorated line: a credit for the unused time of the old quantity, or a charge for the remaining time of the new one. */
    public record Line(String description, long amount, Instant periodStart, Instant periodEnd) {
    }

    /** What the lines add up to: more to pay when positive, credit when negative. */
    public long net() {
        CurrencyCode code = CurrencyCode.of(currency);
        return Money.sum(code, lines.stream().map(line -> Money.of(line.amount(), code)).toList()).amount();
    }
}
