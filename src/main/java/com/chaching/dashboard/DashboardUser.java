package com.chaching.dashboard;

import com.chaching.platform.Tenant;
import java.io.Serializable;

/**
 * Who a dashboard session belongs to: the account whose owner signed in. Kept in the session (hence
 * serializable); the account's name is read afresh for each page, since it may change.
 */
record DashboardUser(String accountId, boolean livemode) implements Serializable {

    /** The tenant the pages act for, as an API key would give it to the API. */
    Tenant tenant() {
        return new Tenant(accountId, livemode);
    }
}
