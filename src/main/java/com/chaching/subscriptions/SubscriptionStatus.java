package com.chaching.subscriptions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/** billing.md "Subscriptions": the statuses, and which allow what. */
public enum SubscriptionStatus {
    @JsonProperty("incomplete") INCOMPLETE("incomplete"),
    @JsonProperty("incomplete_expired") INCOMPLETE_EXPIRED("incomplete_expired"),
    @JsonProperty("trialing") TRIALING("trialing"),
    @JsonProperty("active") ACTIVE("active"),
    @JsonProperty("past_due") PAST_DUE("past_due"),
    @JsonProperty("paused") PAUSED("paused"),
    @JsonProperty("canceled") CANCELED("canceled"),
    @JsonProperty("unpaid") UNPAID("unpaid");

    private final String value;

    SubscriptionStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static SubscriptionStatus fromValue(String value) {
        for (SubscriptionStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown subscription status: " + value);
    }

    /** The values of the statuses that are over for good, for queries that skip them. */
    static List<String> endedValues() {
        return Arrays.stream(values()).filter(SubscriptionStatus::hasEnded).map(SubscriptionStatus::value).toList();
    }

    /** Over for good: no more invoices, no changes. */
    boolean hasEnded() {
        return this == CANCELED || this == INCOMPLETE_EXPIRED;
    }

    boolean canPause() {
        return this == ACTIVE || this == TRIALING || this == PAST_DUE;
    }

    boolean canCancel() {
        return !hasEnded();
    }
}
