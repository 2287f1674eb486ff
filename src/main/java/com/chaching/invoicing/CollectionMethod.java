package com.chaching.invoicing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the account charges the customer's payment method or the customer pays the invoice themselves. */
public enum CollectionMethod {
    @JsonProperty("charge_automatically") CHARGE_AUTOMATICALLY("charge_automatically"),
    @JsonProperty("send_invoice") SEND_INVOICE("send_invoice");

    private final String value;

    CollectionMethod(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static CollectionMethod fromValue(String value) {
        for (CollectionMethod candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown collection method: " + value);
    }
}
