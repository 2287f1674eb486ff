package com.chaching.payments.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.payments.TransactionReconciler;
import com.chaching.testing.Api;
import com.chaching.testing.Response;
import com.chaching.testing.StripeApiTest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13: the payment scenarios of the sandbox, in a live account through the Stripe adapter. A charge is
 * one PaymentIntent, confirmed off-session, sent with our key as Stripe's Idempotency-Key; a lost answer is
 * settled by the same request with the same key, and nothing is ever charged twice.
 */
class StripeChargesApiTest extends StripeApiTest {

    private static final String INTENTS = "/v1/payment_intents";

    @Autowired
    TransactionReconciler reconciler;

    private String mirror;
    private String pm;

    private Api liveCustomerOwing() {
        Api live = liveAccountOnStripe();
        mirror = stripeId("cus");
        pm = stripeId("pm");
        stripeKeepsCardsFor(mirror);
        customerWithStripeCard(live, "ada", pm);
        return live;
    }

    private static String invoice(Api live, long amount) {
        Response invoice = live.post("/invoices", Map.of("customer", "ada", "currency", "usd",
                "lines", List.of(Map.of("description", "Service", "unitAmount", amount))));
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        return invoice.text("id");
    }

    private static Response pay(Api live, String invoice) {
        return live.send("PUT", "/invoices/" + invoice, null, Map.of());
    }

    private static List<JsonNode> charges(Api live, String invoice) {
        return live.get("/transactions?type=charge&invoice=" + invoice).json().get("data").valueStream().toList();
    }

    /** A charge of 4200 that Stripe's PaymentIntent {@code intent} paid; returns the charge's transaction id. */
    private static String paidCharge(Api live, String intent) {
        String id = invoice(live, 4200);
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(200, succeededIntent(intent, 4200, "usd", 152))));
        assertThat(pay(live, id).status()).isEqualTo(200);
        return charges(live, id).getFirst().get("id").asString();
    }

    private static List<LoggedRequest> intentsSent() {
        return STRIPE.findAll(postRequestedFor(urlPathEqualTo(INTENTS)));
    }

    @Test
    void aPaidInvoiceIsOnePaymentIntentConfirmedOffSessionWithTheFeeStripeBooked() {
        Api live = liveCustomerOwing();
        String id = invoice(live, 4200);
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(200, succeededIntent(stripeId("pi"), 4200, "usd", 152))));

        Response paid = pay(live, id);

        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("paid");
        assertThat(charges(live, id)).singleElement().satisfies(charge -> {
            assertThat(charge.get("status").asString()).isEqualTo("succeeded");
            assertThat(charge.get("amount").asLong()).isEqualTo(4200);
            assertThat(charge.get("fee").asLong()).isEqualTo(152);
            assertThat(charge.get("net").asLong()).isEqualTo(4048);
        });
        LoggedRequest sent = intentsSent().getFirst();
        assertThat(intentsSent()).hasSize(1);
        assertThat(formOf(sent)).containsEntry("amount", "4200").containsEntry("currency", "usd")
                .containsEntry("customer", mirror).containsEntry("payment_method", pm)
                .containsEntry("confirm", "true").containsEntry("off_session", "true")
                .containsEntry("metadata[chaching_key]", id + "-attempt-1")
                .containsEntry("expand[0]", "latest_charge.balance_transaction");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(id + "-attempt-1");
        assertThat(sent.getBodyAsString()).doesNotContain("number").doesNotContain("cvc");
    }

    static Stream<Arguments> stripeDeclines() {
        return Stream.of(
                Arguments.of("card_declined", "generic_decline", "card_declined"),
                Arguments.of("card_declined", "insufficient_funds", "insufficient_funds"),
                Arguments.of("expired_card", null, "expired_card"),
                Arguments.of("processing_error", null, "processing_error"),
                Arguments.of("authentication_required", "authentication_required", "authentication_required"),
                Arguments.of("card_declined", "authentication_required", "authentication_required"),
                Arguments.of("incorrect_cvc", null, "card_declined"));
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @MethodSource("stripeDeclines")
    void eachStripeDeclineIsAFailedChargeWithChachingsCode(String code, String declineCode, String expected) {
        Api live = liveCustomerOwing();
        String id = invoice(live, 2500);
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(402, cardError(stripeId("pi"), 2500, code, declineCode, "Your card was declined."))));

        Response declined = pay(live, id);

        assertThat(declined.status()).as(declined.toString()).isEqualTo(402);
        assertThat(declined.text("code")).isEqualTo(expected);
        assertThat(charges(live, id)).singleElement().satisfies(charge -> {
            assertThat(charge.get("status").asString()).isEqualTo("failed");
            assertThat(charge.get("failureCode").asString()).isEqualTo(expected);
        });
        Response invoice = live.get("/invoices/" + id);
        assertThat(invoice.text("status")).isEqualTo("open");
        assertThat(invoice.json().get("attemptCount").asInt()).isEqualTo(1);
        assertThat(intentsSent()).hasSize(1);
    }

    static Stream<Arguments> lostAnswers() {
        return Stream.of(
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("no answer in time", json(200, succeededIntent("pi_late", 3000, "usd", 117)).withFixedDelay(3_000)),
                Arguments.of("500", json(500, """
                        {"error": {"type": "api_error", "message": "An unknown error occurred"}}""")),
                Arguments.of("429", json(429, """
                        {"error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many requests"}}""")),
                Arguments.of("409 still running", json(409, """
                        {"error": {"type": "idempotency_error", "message": "There is currently another in-progress request using this Stripe API key and idempotency key."}}""")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostAnswers")
    void aChargeWithoutAnAnswerStaysPendingAndTheReconcilerSettlesItWithTheSameRequestAndKey(String what, ResponseDefinitionBuilder first) {
        Api live = liveCustomerOwing();
        String id = invoice(live, 3000);
        String intent = stripeId("pi");
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).inScenario("lost").whenScenarioStateIs(STARTED).willSetStateTo("answering")
                .willReturn(first));
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).inScenario("lost").whenScenarioStateIs("answering")
                .willReturn(json(200, succeededIntent(intent, 3000, "usd", 117))));

        Response unanswered = pay(live, id);

        assertThat(unanswered.status()).as(unanswered.toString()).isEqualTo(409);
        assertThat(unanswered.text("code")).isEqualTo("payment_in_progress");
        assertThat(charges(live, id)).singleElement().satisfies(charge -> assertThat(charge.get("status").asString()).isEqualTo("pending"));

        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();

        Response invoice = live.get("/invoices/" + id);
        assertThat(invoice.text("status")).isEqualTo("paid");
        assertThat(invoice.json().get("amountPaid").asLong()).isEqualTo(3000);
        assertThat(charges(live, id)).singleElement().satisfies(charge -> {
            assertThat(charge.get("status").asString()).isEqualTo("succeeded");
            assertThat(charge.get("fee").asLong()).isEqualTo(117);
        });
        List<LoggedRequest> sent = intentsSent();
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(id + "-attempt-1");
        assertThat(formOf(sent.get(1))).isEqualTo(formOf(sent.get(0)));
    }

    @Test
    void aChargeUnansweredForADayIsSearchedForByItsKeyAndNeverSentAgain() {
        Api live = liveCustomerOwing();
        String id = invoice(live, 3000);
        String intent = stripeId("pi");
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        STRIPE.stubFor(get(urlPathEqualTo(INTENTS + "/search")).willReturn(json(200, """
                {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false, "next_page": null,
                 "data": [%s]}""".formatted(succeededIntent(intent, 3000, "usd", 117)))));
        assertThat(pay(live, id).text("code")).isEqualTo("payment_in_progress");

        // Stripe was out of reach for a day: past its memory of the key, a replay could charge a second time.
        serverClock.advance(Duration.ofHours(24));
        reconciler.reconcilePending();

        assertThat(live.get("/invoices/" + id).text("status")).isEqualTo("paid");
        assertThat(intentsSent()).hasSize(1);
        LoggedRequest search = STRIPE.findAll(getRequestedFor(urlPathEqualTo(INTENTS + "/search"))).getFirst();
        assertThat(search.getQueryParams().get("query").firstValue()).isEqualTo("metadata['chaching_key']:'" + id + "-attempt-1'");
    }

    @Test
    void aChargeNobodyAtStripeEverSawFailsAfterADayWithNothingCharged() {
        Api live = liveCustomerOwing();
        String id = invoice(live, 3000);
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        STRIPE.stubFor(get(urlPathEqualTo(INTENTS + "/search")).willReturn(json(200, """
                {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false, "next_page": null, "data": []}""")));
        pay(live, id);

        serverClock.advance(Duration.ofHours(24));
        reconciler.reconcilePending();

        assertThat(charges(live, id)).singleElement().satisfies(charge -> {
            assertThat(charge.get("status").asString()).isEqualTo("failed");
            assertThat(charge.get("failureCode").asString()).isEqualTo("no_response");
        });
        assertThat(live.get("/invoices/" + id).text("status")).isEqualTo("open");
        assertThat(intentsSent()).hasSize(1);
    }

    @Test
    void aPaymentIntentStillProcessingIsAskedAboutByItsIdNotSentAgain() {
        Api live = liveCustomerOwing();
        String id = invoice(live, 1800);
        String intent = stripeId("pi");
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(200, """
                {"id": "%s", "object": "payment_intent", "amount": 1800, "currency": "usd", "status": "processing",
                 "livemode": true, "metadata": {}, "latest_charge": null, "last_payment_error": null}""".formatted(intent))));
        STRIPE.stubFor(get(urlPathEqualTo(INTENTS + "/" + intent)).willReturn(json(200, succeededIntent(intent, 1800, "usd", 82))));

        assertThat(pay(live, id).text("code")).isEqualTo("payment_in_progress");
        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();

        assertThat(live.get("/invoices/" + id).text("status")).isEqualTo("paid");
        assertThat(intentsSent()).hasSize(1);
        assertThat(STRIPE.findAll(getRequestedFor(urlPathEqualTo(INTENTS + "/" + intent))).getFirst().getQueryParams().get("expand[0]").firstValue())
                .isEqualTo("latest_charge.balance_transaction");
    }

    @Test
    void eightParallelPaysSendOnePaymentIntent() {
        Api live = liveCustomerOwing();
        String id = invoice(live, 2500);
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(200, succeededIntent(stripeId("pi"), 2500, "usd", 103))));

        List<Response> responses = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> pay(live, id)))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() != 200)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(409));
        assertThat(intentsSent()).hasSize(1);
        assertThat(charges(live, id)).singleElement().satisfies(charge -> assertThat(charge.get("status").asString()).isEqualTo("succeeded"));
    }

    @Test
    void aKeyStripeNoLongerAcceptsFailsTheChargeWithItsOwnCodeAndChargesNothing() {
        Api live = liveCustomerOwing();
        String id = invoice(live, 2500);
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(401, """
                {"error": {"type": "invalid_request_error", "message": "Expired API Key provided: sk_live_****4f2Q"}}""")));

        Response refused = pay(live, id);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
        assertThat(refused.text("code")).isEqualTo("gateway_key_refused");
        assertThat(refused.body()).doesNotContain("sk_live");
        assertThat(live.get("/invoices/" + id).text("status")).isEqualTo("open");
        assertThat(charges(live, id)).singleElement().satisfies(charge -> assertThat(charge.get("failureCode").asString()).isEqualTo("gateway_key_refused"));
    }

    @Test
    void refundsPartThenTheRestEachWithItsOwnKey() {
        Api live = liveCustomerOwing();
        String intent = stripeId("pi");
        String charge = paidCharge(live, intent);
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing("amount=1000"))
                .willReturn(json(200, refund(stripeId("re"), intent, 1000, "succeeded"))));
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing("amount=3200"))
                .willReturn(json(200, refund(stripeId("re"), intent, 3200, "succeeded"))));

        Response part = live.post("/transactions/" + charge + "/refunds", Map.of("amount", 1000));
        Response rest = live.post("/transactions/" + charge + "/refunds", Map.of());

        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        assertThat(part.text("status")).isEqualTo("succeeded");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(rest.text("status")).isEqualTo("succeeded");
        assertThat(rest.json().get("amount").asLong()).isEqualTo(3200);
        assertThat(live.get("/transactions/" + charge).json().get("refundedAmount").asLong()).isEqualTo(4200);
        List<LoggedRequest> refunds = STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")));
        assertThat(refunds).extracting(request -> formOf(request).get("payment_intent")).containsOnly(intent);
        assertThat(refunds).extracting(request -> formOf(request).get("amount")).containsExactly("1000", "3200");
        assertThat(refunds).extracting(request -> request.getHeader("Idempotency-Key"))
                .containsExactly("refund-" + part.text("id"), "refund-" + rest.text("id"));
        assertThat(refunds).extracting(request -> formOf(request).get("metadata[chaching_key]"))
                .containsExactly("refund-" + part.text("id"), "refund-" + rest.text("id"));
    }

    @Test
    void aRefundWithoutAnAnswerIsSettledByTheSameRequestWithTheSameKey() {
        Api live = liveCustomerOwing();
        String intent = stripeId("pi");
        String charge = paidCharge(live, intent);
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).inScenario("refund").whenScenarioStateIs(STARTED).willSetStateTo("answering")
                .willReturn(json(503, """
                        {"error": {"type": "api_error", "message": "Stripe is temporarily unavailable"}}""")));
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).inScenario("refund").whenScenarioStateIs("answering")
                .willReturn(json(200, refund(stripeId("re"), intent, 4200, "succeeded"))));

        Response refund = live.post("/transactions/" + charge + "/refunds", Map.of());
        assertThat(refund.text("status")).isEqualTo("pending");
        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();

        assertThat(live.get("/transactions/" + refund.text("id")).text("status")).isEqualTo("succeeded");
        assertThat(live.get("/transactions/" + charge).json().get("refundedAmount").asLong()).isEqualTo(4200);
        List<LoggedRequest> sent = STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")));
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly("refund-" + refund.text("id"));
        assertThat(formOf(sent.get(1))).isEqualTo(formOf(sent.get(0)));
    }

    @Test
    void aRefundStripeRefusesFailsWithTheSandboxesCodeAndFreesItsAmount() {
        Api live = liveCustomerOwing();
        String intent = stripeId("pi");
        String charge = paidCharge(live, intent);
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json(400, """
                {"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
                  "message": "Charge ch_%s has already been refunded."}}""".formatted(intent))));

        Response refund = live.post("/transactions/" + charge + "/refunds", Map.of());

        Response settled = live.get("/transactions/" + refund.text("id"));
        assertThat(settled.text("status")).isEqualTo("failed");
        assertThat(settled.text("failureCode")).isEqualTo("amount_too_large");
        assertThat(live.get("/transactions/" + charge).json().get("refundedAmount").asLong()).isZero();
    }

    @Test
    void aRefundStripeLeavesPendingIsAskedAboutByItsIdUntilItSucceeds() {
        Api live = liveCustomerOwing();
        String intent = stripeId("pi");
        String refundId = stripeId("re");
        String charge = paidCharge(live, intent);
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json(200, refund(refundId, intent, 4200, "pending"))));
        STRIPE.stubFor(get(urlPathEqualTo("/v1/refunds/" + refundId)).willReturn(json(200, refund(refundId, intent, 4200, "succeeded"))));

        Response refund = live.post("/transactions/" + charge + "/refunds", Map.of());
        assertThat(refund.text("status")).isEqualTo("pending");
        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();

        assertThat(live.get("/transactions/" + refund.text("id")).text("status")).isEqualTo("succeeded");
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")));
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/refunds/" + refundId)));
    }

    @Test
    void aSandboxAccountNeverReachesStripeAndALiveOneNeverTheSandbox() {
        Api live = liveCustomerOwing();
        String liveInvoice = invoice(live, 2500);
        STRIPE.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(200, succeededIntent(stripeId("pi"), 2500, "usd", 103))));
        assertThat(pay(live, liveInvoice).status()).isEqualTo(200);
        STRIPE.resetRequests();

        Api sandbox = signUp();
        createCustomer(sandbox, Map.of("externalKey", "ada"));
        String card = sandbox.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2040, "cvc", "123"))).text("id");
        sandbox.post("/payment-methods/" + card + "/attach", Map.of("customer", "ada"));
        sandbox.patch("/customers/ada", Map.of("defaultPaymentMethod", card));
        String sandboxInvoice = invoice(sandbox, 2500);
        assertThat(pay(sandbox, sandboxInvoice).status()).isEqualTo(200);

        STRIPE.verify(0, anyRequestedFor(anyUrl()));
        long liveInSandbox = jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", live.accountId()).query(Long.class).single();
        long sandboxInSandbox = jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", sandbox.accountId()).query(Long.class).single();
        long liveAtStripe = jdbc.sql("select count(*) from stripe_charges where account_id = :a").param("a", live.accountId()).query(Long.class).single();
        assertThat(liveInSandbox).isZero();
        assertThat(sandboxInSandbox).isEqualTo(1);
        assertThat(liveAtStripe).isEqualTo(1);
    }
}
