package com.chaching.dashboard;

import com.chaching.platform.CurrencyCode;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An amount typed in a form in the currency's own units ("19.99", "500" yen), read into exact minor units
 * with the currency's digits ({@link CurrencyCode#exponent}) and {@link BigDecimal}, so that no digit is lost.
 * Every form that takes an amount reads it here, so that they all accept and refuse the same text.
 */
final class AmountInput {

    private AmountInput() {
    }

    /** The typed major-unit amount in exact minor units of the currency ({@code 19.99 usd} → 1999), or null. */
    static @Nullable Long minorUnits(String typed, CurrencyCode currency) {
        String trimmed = typed.strip();
        if (!trimmed.matches("[0-9]{1,15}(\\.[0-9]{1,20})?")) {
            return null;
        }
        BigDecimal minor = new BigDecimal(trimmed).movePointRight(currency.exponent());
        try {
            return minor.stripTrailingZeros().scale() > 0 ? null : minor.longValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }
}
