package com.chaching.accounts;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.StripeApiTest;
import com.chaching.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Setting a live account's Stripe key (issue 13): stripe-java, pointed at a WireMock "Stripe" on loopback whose
 * answers follow Stripe's API reference for GET /v1/balance and its errors, checks the key before it is kept.
 */
class StripeGatewayKeyApiTest extends StripeApiTest {

    private static final String GOOD_KEY = STRIPE_KEY;
    private static final String BAD_KEY = "sk_live_51RevokedKeyAbCdEfGhIjKlMnOpQr";

    @Autowired
    AccountService accounts;

    @BeforeEach
    void stripeRefusesTheRevokedKey() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/balance")).withHeader("Authorization", equalTo("Bearer " + BAD_KEY))
                .willReturn(json(401, """
                        {"error": {"message": "Invalid API Key provided: sk_live_****pQr", "type": "invalid_request_error"}}""")));
    }

    @Test
    void aKeyStripeAcceptsIsKeptSealedAndShownOnlyByItsLastFour() {
        Api live = liveAccount();

        Response updated = live.patch("/account", Map.of("gateway", Map.of("type", "stripe", "secretKey", GOOD_KEY)));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("gateway").get("type").asString()).isEqualTo("stripe");
        assertThat(updated.json().get("gateway").get("secretKeyLast4").asString()).isEqualTo("4f2Q");
        assertThat(updated.body()).doesNotContain(GOOD_KEY);
        assertThat(live.get("/account").json().get("gateway").get("secretKeyLast4").asString()).isEqualTo("4f2Q");
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/balance")).withHeader("Authorization", equalTo("Bearer " + GOOD_KEY)));
        String stored = jdbc.sql("select gateway_secret_sealed from accounts where account_id = :id")
                .param("id", live.accountId()).query(String.class).single();
        assertThat(stored).startsWith("v1.").doesNotContain(GOOD_KEY).doesNotContain("GoodKey");
        assertThat(accounts.gatewaySecret(new Tenant(live.accountId(), true))).contains(GOOD_KEY);
    }

    @Test
    void aKeyStripeRefusesIsA400AndChangesNothing() {
        Api live = liveAccount();

        Response refused = live.patch("/account", Map.of("name", "Renamed", "gateway", Map.of("type", "stripe", "secretKey", BAD_KEY)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("gateway_key_invalid");
        assertThat(refused.text("param")).isEqualTo("gateway.secretKey");
        assertThat(refused.body()).doesNotContain(BAD_KEY).doesNotContain("****");
        Response account = live.get("/account");
        assertThat(account.json().get("gateway").isNull()).isTrue();
        assertThat(account.text("name")).isEqualTo("Live Co");
    }

    @Test
    void stripeOutOfReachIsA502AskedOnceAndChangesNothing() {
        Api live = liveAccount();
        String key = "sk_live_51UnluckyKeyAbCdEfGhIjKlMnOp";
        STRIPE.stubFor(get(urlPathEqualTo("/v1/balance")).withHeader("Authorization", equalTo("Bearer " + key))
                .willReturn(json(500, """
                        {"error": {"message": "An unknown error occurred", "type": "api_error"}}""")));

        Response failed = live.patch("/account", Map.of("gateway", Map.of("type", "stripe", "secretKey", key)));

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.text("code")).isEqualTo("gateway_unavailable");
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/balance")));
        assertThat(live.get("/account").json().get("gateway").isNull()).isTrue();
    }

    @Test
    void aSandboxOrAMalformedKeyIsRefusedWithoutAskingStripe() {
        Response sandbox = signUp().patch("/account", Map.of("gateway", Map.of("type", "stripe", "secretKey", GOOD_KEY)));
        Response malformed = liveAccount().patch("/account", Map.of("gateway", Map.of("type", "stripe", "secretKey", "hello")));
        Response otherGateway = liveAccount().patch("/account", Map.of("gateway", Map.of("type", "paypal", "secretKey", GOOD_KEY)));

        assertThat(sandbox.status()).isEqualTo(400);
        assertThat(sandbox.text("param")).isEqualTo("gateway");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("param")).isEqualTo("gateway.secretKey");
        assertThat(malformed.body()).doesNotContain("hello");
        assertThat(otherGateway.status()).isEqualTo(400);
        assertThat(otherGateway.text("param")).isEqualTo("gateway.type");
        STRIPE.verify(0, getRequestedFor(urlPathEqualTo("/v1/balance")));
    }
}
