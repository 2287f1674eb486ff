package com.chaching.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a price is charged once or every interval. */
public enum PriceType {
    @JsonProperty("one_time") ONE_TIME("one_time"),
    @JsonProperty("recurring") RECURRING("recurring");

    private final String value;

    PriceType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static PriceType fromValue(String value) {
        for (PriceType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown price type: " + value);
    }
}
