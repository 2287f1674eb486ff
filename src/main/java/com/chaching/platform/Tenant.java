package com.chaching.platform;

/**
 * The account a request acts for, resolved from its API key. It travels explicitly from the controller
 * into every service and repository call: every query is scoped by {@link #accountId()}.
 */
public record Tenant(String accountId, boolean livemode) {

    /** The request attribute under which {@link ApiKeyAuthFilter} leaves the tenant. */
    static final String REQUEST_ATTRIBUTE = Tenant.class.getName();

    public boolean sandbox() {
        return !livemode;
    }
}
