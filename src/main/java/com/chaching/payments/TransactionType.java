package com.chaching.payments;

import com.fasterxml.jackson.annotation.JsonProperty;

/** billing.md: a transaction is a charge, a refund or an adjustment of a customer's credit balance. */
public enum TransactionType {
    @JsonProperty("charge") CHARGE("charge"),
    @JsonProperty("refund") REFUND("refund"),
    @JsonProperty("adjustment") ADJUSTMENT("adjustment");

    private final String value;

    TransactionType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static TransactionType fromValue(String value) {
        for (TransactionType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown transaction type: " + value);
    }
}
