package com.chaching.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to a subscription when its last payment retry fails (billing.md "Subscriptions"). */
public enum AfterRetries {
    @JsonProperty("cancel") CANCEL("cancel"),
    @JsonProperty("unpaid") UNPAID("unpaid");

    private final String value;

    AfterRetries(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static AfterRetries fromValue(String value) {
        for (AfterRetries candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown afterRetries: " + value);
    }
}
