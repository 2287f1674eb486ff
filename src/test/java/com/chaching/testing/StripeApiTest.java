package com.chaching.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests of live accounts against Stripe: stripe-java talks to a WireMock "Stripe" on loopback,
 * whose stubs answer with the shapes of Stripe's API reference (objects and errors) for the calls the adapter
 * makes. The tests stub what Stripe would answer and check what the adapter sent.
 */
public abstract class StripeApiTest extends ApiTest {

    /** One for the whole run, never stopped: the Spring context its address went into is cached across test classes. */
    protected static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());
    /** A Stripe key the "Stripe" here accepts. */
    protected static final String STRIPE_KEY = "sk_live_51GoodKeyAbCdEfGhIjKlMnOpQr4f2Q";
    private static final AtomicInteger IDS = new AtomicInteger();

    @DynamicPropertySource
    static void stripeOnLoopback(DynamicPropertyRegistry registry) {
        if (!STRIPE.isRunning()) {
            STRIPE.start();
        }
        registry.add("chaching.stripe.api-base", STRIPE::baseUrl);
        // Long enough for any stub's answer on a busy machine; short enough that a test of a silent Stripe waits little.
        registry.add("chaching.stripe.read-timeout-ms", () -> "2000");
        // The tests run the reconciler's and the billing engine's passes themselves, with the server clock where they put it.
        registry.add("chaching.reconciler.interval", () -> "PT1H");
        registry.add("chaching.engine.interval", () -> "PT1H");
    }

    @BeforeEach
    void stripeAcceptsTheKey() {
        STRIPE.resetAll();
        STRIPE.stubFor(get(urlPathEqualTo("/v1/balance")).withHeader("Authorization", equalTo("Bearer " + STRIPE_KEY))
                .willReturn(json(200, """
                        {"object": "balance", "livemode": true,
                         "available": [{"amount": 0, "currency": "usd", "source_types": {"card": 0}}],
                         "pending": [{"amount": 0, "currency": "usd", "source_types": {"card": 0}}]}""")));
    }

    /** A new Stripe-style id with this prefix (pm, cus, pi, ch, txn, re). */
    protected static String stripeId(String prefix) {
        return prefix + "_1Test" + IDS.incrementAndGet() + "AbCdEfGhIj";
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A live account whose Stripe key is set, through the API. */
    protected Api liveAccountOnStripe() {
        Api live = liveAccount();
        Response set = live.patch("/account", Map.of("gateway", Map.of("type", "stripe", "secretKey", STRIPE_KEY)));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return live;
    }

    /** Stripe's PaymentMethod {@code id}: a card, as GET /v1/payment_methods/{id} answers. */
    protected static void stripeHasCard(String id, String brand, String last4, String funding) {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_methods/" + id)).willReturn(json(200, paymentMethod(id, brand, last4, funding, null))));
    }

    protected static String paymentMethod(String id, String brand, String last4, String funding, String customer) {
        return """
                {"id": "%s", "object": "payment_method", "type": "card", "livemode": true, "customer": %s,
                 "billing_details": {"address": null, "email": null, "name": null, "phone": null},
                 "card": {"brand": "%s", "last4": "%s", "exp_month": 8, "exp_year": 2031, "funding": "%s", "country": "GB",
                          "checks": {"address_line1_check": null, "address_postal_code_check": null, "cvc_check": "pass"}},
                 "created": 1767225600, "metadata": {}}""".formatted(id, customer == null ? "null" : "\"" + customer + "\"", brand, last4, funding);
    }

    /** Stripe makes the customer mirror {@code customerId} and attaches any card to it. */
    protected static void stripeKeepsCardsFor(String customerId) {
        STRIPE.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json(200, """
                {"id": "%s", "object": "customer", "livemode": true, "email": null, "name": null, "metadata": {}, "created": 1767225600}"""
                .formatted(customerId))));
        STRIPE.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/payment_methods/pm_[A-Za-z0-9]+/attach"))
                .willReturn(json(200, paymentMethod("pm_attached", "visa", "4242", "credit", customerId))));
    }

    /** A customer of {@code live} with the Stripe card {@code paymentMethod} attached and made its default; returns the card's id here. */
    protected String customerWithStripeCard(Api live, String externalKey, String paymentMethod) {
        createCustomer(live, Map.of("externalKey", externalKey, "email", externalKey + "@example.test"));
        stripeHasCard(paymentMethod, "visa", "4242", "credit");
        Response card = live.post("/payment-methods", Map.of("type", "card", "gatewayToken", paymentMethod));
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        Response attached = live.post("/payment-methods/" + card.text("id") + "/attach", Map.of("customer", externalKey));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        Response updated = live.patch("/customers/" + externalKey, Map.of("defaultPaymentMethod", card.text("id")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        return card.text("id");
    }

    /** A PaymentIntent that succeeded, its charge booked with {@code fee} in the same currency. */
    protected static String succeededIntent(String id, long amount, String currency, long fee) {
        return """
                {"id": "%1$s", "object": "payment_intent", "amount": %2$d, "amount_received": %2$d, "currency": "%3$s",
                 "status": "succeeded", "livemode": true, "confirmation_method": "automatic", "capture_method": "automatic",
                 "payment_method_types": ["card"], "metadata": {}, "last_payment_error": null,
                 "latest_charge": {"id": "ch_%1$s", "object": "charge", "amount": %2$d, "currency": "%3$s", "paid": true,
                   "status": "succeeded", "balance_transaction": {"id": "txn_%1$s", "object": "balance_transaction",
                   "amount": %2$d, "currency": "%3$s", "fee": %4$d, "net": %5$d, "exchange_rate": null,
                   "status": "pending", "type": "charge"}}}""".formatted(id, amount, currency, fee, amount - fee);
    }

    /** Stripe's 402 for a refused card, with the PaymentIntent it left in requires_payment_method. */
    protected static String cardError(String intentId, long amount, String code, String declineCode, String message) {
        String decline = declineCode == null ? "null" : "\"" + declineCode + "\"";
        return """
                {"error": {"type": "card_error", "code": "%2$s", "decline_code": %3$s, "message": "%4$s",
                  "doc_url": "https://stripe.com/docs/error-codes/%2$s",
                  "payment_intent": {"id": "%1$s", "object": "payment_intent", "amount": %5$d, "currency": "usd",
                    "status": "requires_payment_method", "livemode": true, "metadata": {},
                    "last_payment_error": {"type": "card_error", "code": "%2$s", "decline_code": %3$s, "message": "%4$s"}}}}"""
                .formatted(intentId, code, decline, message, amount);
    }

    /** A refund of {@code amount} in {@code status}. */
    protected static String refund(String id, String intentId, long amount, String status) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "currency": "usd", "payment_intent": "%s", "status": "%s",
                 "failure_reason": null, "metadata": {}, "created": 1767225600}""".formatted(id, amount, intentId, status);
    }

    /** A form-encoded request to Stripe, its fields decoded (metadata[chaching_key], expand[0]…). */
    protected static Map<String, String> formOf(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }
}
