package com.chaching.payments;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A transaction is pending until its gateway outcome is known; succeeded and failed ones never change again. */
public enum TransactionStatus {
    @JsonProperty("pending") PENDING("pending"),
    @JsonProperty("succeeded") SUCCEEDED("succeeded"),
    @JsonProperty("failed") FAILED("failed");

    private final String value;

    TransactionStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static TransactionStatus fromValue(String value) {
        for (TransactionStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown transaction status: " + value);
    }
}
