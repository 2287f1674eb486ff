package com.chaching.payments.stripe;

import com.stripe.StripeClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the server talks to Stripe: where ({@code chaching.stripe.api-base}, Stripe's own address unless a test
 * points it elsewhere), how long it waits (10 s for an answer; {@code chaching.stripe.read-timeout-ms}, which tests shorten), and that stripe-java retries nothing by itself. Its retries would
 * resend a request on a network error; ours are decided by the payment protocol, with our own idempotency
 * keys, so that an unknown outcome is asked about again and never charged twice (issue 13).
 */
@Component
class StripeSettings {

    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int READ_TIMEOUT_MS = 10_000;

    private final String apiBase;
    private final int readTimeoutMs;

    StripeSettings(@Value("${chaching.stripe.api-base:https://api.stripe.com}") String apiBase,
                   @Value("${chaching.stripe.read-timeout-ms:" + READ_TIMEOUT_MS + "}") int readTimeoutMs) {
        this.apiBase = apiBase;
        this.readTimeoutMs = readTimeoutMs;
    }

    StripeClient client(String secretKey) {
        return StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setReadTimeout(readTimeoutMs)
                .setMaxNetworkRetries(0)
                .build();
    }
}
