package com.chaching.payments;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Card networks, recognised from the number's leading digits. */
public enum CardBrand {
    @JsonProperty("visa") VISA("visa"),
    @JsonProperty("mastercard") MASTERCARD("mastercard"),
    @JsonProperty("amex") AMEX("amex"),
    @JsonProperty("discover") DISCOVER("discover"),
    @JsonProperty("jcb") JCB("jcb"),
    @JsonProperty("diners") DINERS("diners"),
    @JsonProperty("unionpay") UNIONPAY("unionpay"),
    @JsonProperty("unknown") UNKNOWN("unknown");

    private final String value;

    CardBrand(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static CardBrand fromValue(String value) {
        for (CardBrand candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown brand: " + value);
    }

    /** The brand of a card number, by the networks' published ranges. */
    public static CardBrand of(String number) {
        if (number.length() < 6) {
            return UNKNOWN;
        }
        int two = Integer.parseInt(number.substring(0, 2));
        int three = Integer.parseInt(number.substring(0, 3));
        int four = Integer.parseInt(number.substring(0, 4));
        if (number.startsWith("4")) {
            return VISA;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if (four == 6011 || (three >= 644 && three <= 649) || two == 65) {
            return DISCOVER;
        }
        if (four >= 3528 && four <= 3589) {
            return JCB;
        }
        if ((three >= 300 && three <= 305) || four == 3095 || two == 36 || two == 38 || two == 39) {
            return DINERS;
        }
        if (two == 62 || two == 81) {
            return UNIONPAY;
        }
        return UNKNOWN;
    }

    /** How many digits this brand's security code has. */
    public int cvcLength() {
        return this == AMEX ? 4 : 3;
    }
}
