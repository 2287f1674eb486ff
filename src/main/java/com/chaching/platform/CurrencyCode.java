package com.chaching.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * An ISO 4217 currency as the API writes it: lowercase ({@code usd}, {@code jpy}, {@code kwd}), with the
 * minor-unit exponent from the JDK's ISO 4217 table.
 */
public record CurrencyCode(String code, int exponent) {

    /** The currency for a lowercase ISO 4217 code, or empty when there is none (or it has no minor unit defined). */
    public static Optional<CurrencyCode> parse(String code) {
        if (code.length() != 3 || !code.equals(code.toLowerCase(Locale.ROOT)) || !code.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            int exponent = currency.getDefaultFractionDigits();
            // Funds and metals such as XAU or XXX have no minor unit: they are not money we bill in.
            return exponent < 0 ? Optional.empty() : Optional.of(new CurrencyCode(code, exponent));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    @JsonCreator
    public static CurrencyCode of(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown currency: " + code));
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
