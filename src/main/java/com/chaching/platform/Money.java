package com.chaching.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money: a count of the currency's minor unit ({@code 1999} = $19.99, {@code 500} = ¥500).
 * Arithmetic is exact and overflow is an error, never a wrapped amount.
 */
public record Money(long amount, CurrencyCode currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amount, CurrencyCode currency) {
        return new Money(amount, currency);
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    /** The sum of {@code amounts}, all in {@code currency}; zero when there are none. */
    public static Money sum(CurrencyCode currency, Iterable<Money> amounts) {
        Money sum = zero(currency);
        for (Money amount : amounts) {
            sum = sum.plus(amount);
        }
        return sum;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amount, other.amount), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(amount, quantity), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(amount), currency);
    }

    /**
     * {@code percentage} percent of this amount, rounded to the minor unit with {@code rounding}
     * (billing.md: HALF_UP, symmetric for negative amounts).
     */
    public Money percent(BigDecimal percentage, RoundingMode rounding) {
        BigDecimal exact = BigDecimal.valueOf(amount).multiply(percentage).movePointLeft(2);
        return new Money(exact.setScale(0, rounding).longValueExact(), currency);
    }

    /** This amount times {@code numerator / denominator}, rounded with {@code rounding}. */
    public Money fraction(long numerator, long denominator, RoundingMode rounding) {
        return fraction(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), rounding);
    }

    /**
     * This amount times {@code numerator / denominator}, rounded once with {@code rounding}: for ratios of
     * percentages (billing.md's inclusive tax), which a {@code long} fraction would have to scale first.
     */
    public Money fraction(BigDecimal numerator, BigDecimal denominator, RoundingMode rounding) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        BigDecimal exact = BigDecimal.valueOf(amount).multiply(numerator).divide(denominator, 0, rounding);
        return new Money(exact.longValueExact(), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return amount <= other.amount ? this : other;
    }

    public Money max(Money other) {
        requireSameCurrency(other);
        return amount >= other.amount ? this : other;
    }

    public boolean isNegative() {
        return amount < 0;
    }

    public boolean isZero() {
        return amount == 0;
    }

    /** The amount in major units, for display only ({@code 1999 usd} → {@code 19.99}). */
    public BigDecimal toMajorUnits() {
        return BigDecimal.valueOf(amount, currency.exponent());
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount + " " + currency;
    }
}
