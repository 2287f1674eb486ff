package com.chaching.accounts;

/**
 * Asks the gateway whether a secret key works, before an account keeps it (issue 13: "checked against the
 * gateway when set"). The payments module, which talks to gateways, implements it; accounts only asks.
 * A refusal is an {@link com.chaching.platform.ApiProblem}: {@code 400} when the gateway refuses the key,
 * {@code 502} when the gateway cannot be asked.
 */
public interface GatewayKeyCheck {

    void check(String type, String secretKey);
}
