package com.chaching.tax;

import com.chaching.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tax of one line, exactly as billing.md "Tax" states it, as a pure function.
 *
 * <ul>
 *   <li>exclusive: each rate's tax is {@code round(A × p / 100)}, added on top of {@code A};</li>
 *   <li>inclusive: the net is {@code round(A × 100 / (100 + P))}, the tax inside is {@code A − net}, split
 *       over the rates in proportion to their percentages. Rate {@code i}'s part is
 *       {@code round(tax × (p1 + … + pi) / P)} minus the parts before it, so the last rate takes what
 *       remains, the parts sum to the tax exactly, and none is negative. (With two rates this is "round
 *       the first, the last takes the rest"; rounding each part on its own could leave the last part
 *       negative with three or more.)</li>
 * </ul>
 * Rounding is half away from zero, so credits (negative amounts) round symmetrically.
 */
public final class TaxCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TaxCalculator() {
    }

    /** One rate applied to a line. */
    public record Rate(String taxRateId, BigDecimal percentage) {
    }

    /** One rate's share of a line's tax. */
    public record TaxAmount(String taxRateId, Money amount, boolean inclusive) {
    }

    /**
     * A line's tax, in the line's currency. {@code net} is the amount without tax; {@code tax} the sum of
     * {@code amounts}; for an exclusive line {@code net} is the line amount, for an inclusive one {@code net + tax} is.
     */
    public record LineTax(Money net, Money tax, List<TaxAmount> amounts) {
    }

    public static LineTax calculate(Money amount, TaxBehavior behavior, List<Rate> rates) {
        if (rates.isEmpty()) {
            return new LineTax(amount, Money.zero(amount.currency()), List.of());
        }
        return behavior == TaxBehavior.EXCLUSIVE ? exclusive(amount, rates) : inclusive(amount, rates);
    }

    private static LineTax exclusive(Money amount, List<Rate> rates) {
        List<TaxAmount> amounts = new ArrayList<>(rates.size());
        Money tax = Money.zero(amount.currency());
        for (Rate rate : rates) {
            Money part = amount.percent(rate.percentage(), RoundingMode.HALF_UP);
            amounts.add(new TaxAmount(rate.taxRateId(), part, false));
            tax = tax.plus(part);
        }
        return new LineTax(amount, tax, List.copyOf(amounts));
    }

    private static LineTax inclusive(Money amount, List<Rate> rates) {
        BigDecimal total = rates.stream().map(Rate::percentage).reduce(BigDecimal.ZERO, BigDecimal::add);
        Money net = amount.fraction(HUNDRED, HUNDRED.add(total), RoundingMode.HALF_UP);
        Money tax = amount.minus(net);
        List<TaxAmount> amounts = new ArrayList<>(rates.size());
        BigDecimal runningPercentage = BigDecimal.ZERO;
        Money assigned = Money.zero(amount.currency());
        for (Rate rate : rates) {
            runningPercentage = runningPercentage.add(rate.percentage());
            // Each part is the rounded running share minus the parts before it: the last rate takes what
            // remains, and no part can turn negative however the roundings fall.
            Money runningShare = total.signum() == 0 ? Money.zero(amount.currency())
                    : tax.fraction(runningPercentage, total, RoundingMode.HALF_UP);
            amounts.add(new TaxAmount(rate.taxRateId(), runningShare.minus(assigned), true));
            assigned = runningShare;
        }
        return new LineTax(net, tax, List.copyOf(amounts));
    }
}
