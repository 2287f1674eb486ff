package com.chaching.payments.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.Response;
import com.chaching.testing.StripeApiTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a live account takes a card as the PaymentMethod Stripe.js made in the buyer's browser, reads it
 * back from Stripe, and keeps it chargeable by attaching it to a Stripe Customer that mirrors ours.
 */
class StripePaymentMethodsApiTest extends StripeApiTest {

    @Test
    void aStripeCardIsReadBackFromStripeAndKeptForTheCustomersMirror() {
        Api live = liveAccountOnStripe();
        String mirror = stripeId("cus");
        stripeKeepsCardsFor(mirror);
        String customerId = createCustomer(live, Map.of("externalKey", "ada", "name", "Ada Lovelace", "email", "ada@example.test")).text("id");
        String pm = stripeId("pm");
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_methods/" + pm)).willReturn(json(200, paymentMethod(pm, "mastercard", "4444", "debit", null))));

        Response card = live.post("/payment-methods", Map.of("type", "card", "gatewayToken", pm, "metadata", Map.of("source", "checkout")));
        Response attached = live.post("/payment-methods/" + card.text("id") + "/attach", Map.of("customer", "ada"));

        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        assertThat(card.json().get("card").get("brand").asString()).isEqualTo("mastercard");
        assertThat(card.json().get("card").get("last4").asString()).isEqualTo("4444");
        assertThat(card.json().get("card").get("expMonth").asInt()).isEqualTo(8);
        assertThat(card.json().get("card").get("expYear").asInt()).isEqualTo(2031);
        assertThat(card.json().get("card").get("funding").asString()).isEqualTo("debit");
        assertThat(card.json().get("card").get("country").asString()).isEqualTo("GB");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.text("customer")).isEqualTo("ada");

        LoggedRequest madeMirror = STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/customers"))).getFirst();
        assertThat(formOf(madeMirror)).containsEntry("metadata[chaching_customer]", customerId)
                .containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.test");
        assertThat(madeMirror.getHeader("Idempotency-Key")).isEqualTo("customer-" + customerId);
        LoggedRequest attach = STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_methods/" + pm + "/attach"))).getFirst();
        assertThat(formOf(attach)).containsExactlyEntriesOf(Map.of("customer", mirror));
        assertThat(attach.getHeader("Idempotency-Key")).isNotBlank();
        STRIPE.verify(anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + STRIPE_KEY)));
    }

    @Test
    void aCustomersSecondCardGoesToTheSameMirror() {
        Api live = liveAccountOnStripe();
        String mirror = stripeId("cus");
        stripeKeepsCardsFor(mirror);
        customerWithStripeCard(live, "grace", stripeId("pm"));
        String second = stripeId("pm");
        stripeHasCard(second, "amex", "0005", "credit");

        String id = live.post("/payment-methods", Map.of("type", "card", "gatewayToken", second)).text("id");
        Response attached = live.post("/payment-methods/" + id + "/attach", Map.of("customer", "grace"));

        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/customers")));
        assertThat(formOf(STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_methods/" + second + "/attach"))).getFirst()))
                .containsEntry("customer", mirror);
        assertThat(live.get("/customers/grace/payment-methods").json().get("data").size()).isEqualTo(2);
    }

    @Test
    void aTokenStripeDoesNotKnowIsA400NamingItAndNothingIsStored() {
        Api live = liveAccountOnStripe();
        String unknown = stripeId("pm");
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_methods/" + unknown)).willReturn(json(404, """
                {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "payment_method",
                  "message": "No such PaymentMethod: '%s'", "doc_url": "https://stripe.com/docs/error-codes/resource-missing"}}"""
                .formatted(unknown))));

        Response refused = live.post("/payment-methods", Map.of("type", "card", "gatewayToken", unknown));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("gateway_token_invalid");
        assertThat(refused.text("param")).isEqualTo("gatewayToken");
        assertThat(live.get("/payment-methods").json().get("data").isEmpty()).isTrue();
    }

    @Test
    void stripeOutOfReachIsA502AndNothingIsStored() {
        Api live = liveAccountOnStripe();
        String pm = stripeId("pm");
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_methods/" + pm)).willReturn(json(500, """
                {"error": {"type": "api_error", "message": "An unknown error occurred"}}""")));

        Response failed = live.post("/payment-methods", Map.of("type", "card", "gatewayToken", pm));

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.text("code")).isEqualTo("gateway_unavailable");
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/payment_methods/" + pm)));
        assertThat(live.get("/payment-methods").json().get("data").isEmpty()).isTrue();
    }

    @Test
    void eachKindOfAccountTakesOnlyItsOwnKindOfCard() {
        Api live = liveAccountOnStripe();
        Api sandbox = signUp();
        Api unconfigured = liveAccount();
        String pm = stripeId("pm");
        stripeHasCard(pm, "visa", "4242", "credit");

        Response rawInLive = live.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2040, "cvc", "123")));
        Response tokenInSandbox = sandbox.post("/payment-methods", Map.of("type", "card", "gatewayToken", pm));
        Response both = live.post("/payment-methods", Map.of("type", "card", "gatewayToken", pm,
                "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2040, "cvc", "123")));
        Response neither = live.post("/payment-methods", Map.of("type", "card"));
        Response malformed = live.post("/payment-methods", Map.of("type", "card", "gatewayToken", "pm_' or 1=1"));
        Response noGateway = unconfigured.post("/payment-methods", Map.of("type", "card", "gatewayToken", pm));

        assertThat(List.of(rawInLive, both)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text("code")).isEqualTo("raw_card_data_unsupported");
            assertThat(r.body()).doesNotContain("4242424242424242");
        });
        assertThat(tokenInSandbox.status()).isEqualTo(400);
        assertThat(tokenInSandbox.text("code")).isEqualTo("gateway_token_unsupported");
        assertThat(tokenInSandbox.text("param")).isEqualTo("gatewayToken");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.text("param")).isEqualTo("gatewayToken");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("param")).isEqualTo("gatewayToken");
        assertThat(noGateway.status()).isEqualTo(402);
        assertThat(noGateway.text("code")).isEqualTo("gateway_not_configured");
        STRIPE.verify(0, getRequestedFor(urlPathEqualTo("/v1/payment_methods/" + pm)));
    }

    @Test
    void stripeRefusingToKeepTheCardIsA409AndTheCardStaysUnattached() {
        Api live = liveAccountOnStripe();
        stripeKeepsCardsFor(stripeId("cus"));
        createCustomer(live, Map.of("externalKey", "bob"));
        String used = stripeId("pm");
        stripeHasCard(used, "visa", "4242", "credit");
        STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/payment_methods/" + used + "/attach"))
                .willReturn(json(400, """
                        {"error": {"type": "invalid_request_error", "message": "This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again."}}""")));
        String id = live.post("/payment-methods", Map.of("type", "card", "gatewayToken", used)).text("id");

        Response refused = live.post("/payment-methods/" + id + "/attach", Map.of("customer", "bob"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("may not be used again");
        assertThat(live.get("/payment-methods/" + id).json().get("customer").isNull()).isTrue();
    }
}
