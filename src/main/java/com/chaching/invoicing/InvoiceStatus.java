package com.chaching.invoicing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** billing.md: draft → open → paid | void | uncollectible; an uncollectible invoice can still be paid. */
public enum InvoiceStatus {
    @JsonProperty("draft") DRAFT("draft"),
    @JsonProperty("open") OPEN("open"),
    @JsonProperty("paid") PAID("paid"),
    @JsonProperty("void") VOID("void"),
    @JsonProperty("uncollectible") UNCOLLECTIBLE("uncollectible");

    private final String value;

    InvoiceStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static InvoiceStatus fromValue(String value) {
        for (InvoiceStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown invoice status: " + value);
    }

    public boolean canFinalize() {
        return this == DRAFT;
    }

    /** Paying finalizes a draft first; open and uncollectible invoices take payments. */
    public boolean canPay() {
        return this == DRAFT || this == OPEN || this == UNCOLLECTIBLE;
    }

    public boolean canVoid() {
        return this == DRAFT || this == OPEN;
    }

    /** Only an open invoice: a draft was never asked for, and paid and void ones are settled. */
    public boolean canMarkUncollectible() {
        return this == OPEN;
    }
}
