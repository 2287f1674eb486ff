package com.chaching.tax;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an amount already includes its tax (billing.md "Tax"). */
public enum TaxBehavior {
    /** Tax is added on top of the amount. The default. */
    @JsonProperty("exclusive") EXCLUSIVE("exclusive"),
    /** The amount already contains the tax. */
    @JsonProperty("inclusive") INCLUSIVE("inclusive");

    private final String value;

    TaxBehavior(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static TaxBehavior fromValue(String value) {
        for (TaxBehavior candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown tax behavior: " + value);
    }
}
