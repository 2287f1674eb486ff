package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.Response;
import com.chaching.testing.StripeApiTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, a renewal and its dunning in a live account: with no test clock, the server clock reaching the
 * period's end makes the engine renew and charge the customer's card at Stripe, once per attempt, each attempt
 * with its own idempotency key; a declined renewal puts the subscription past_due until the retry the schedule
 * set, whose success makes it active again.
 */
// The tests run the engine's passes themselves, with the server clock where they put it.
class LiveRenewalOnStripeApiTest extends StripeApiTest {

    private static final long PRICE = 2500;
    private static final long FEE = 103;

    @Autowired
    SubscriptionEngine engine;

    @Test
    void aMonthlySubscriptionRenewsAtItsPeriodsEndAndIsChargedOnceAtStripe() {
        Api live = liveAccountOnStripe();
        String stripeCustomer = stripeId("cus");
        String stripeCard = stripeId("pm");
        Response subscription = subscribedWithStripeCard(live, "renews", stripeCustomer, stripeCard);
        Instant periodEnd = Instant.parse(subscription.text("currentPeriodEnd"));
        stripeAnswersCharges(stripeCustomer, ".*", 200, succeededIntent(stripeId("pi"), PRICE, "usd", FEE));

        serverClock.set(periodEnd.plus(Duration.ofMinutes(1)));
        runEngineUntilIdle();

        Response renewed = live.get("/subscriptions/" + subscription.text("id"));
        assertThat(renewed.text("status")).isEqualTo("active");
        assertThat(renewed.text("currentPeriodStart")).isEqualTo(periodEnd.toString());
        String invoiceId = renewed.text("latestInvoice");
        assertThat(invoiceId).isNotEqualTo(subscription.text("latestInvoice"));
        Response invoice = live.get("/invoices/" + invoiceId);
        assertThat(invoice.text("billingReason")).isEqualTo("subscription_cycle");
        assertThat(invoice.text("status")).isEqualTo("paid");
        assertThat(invoice.json().get("amountPaid").asLong()).isEqualTo(PRICE);

        List<LoggedRequest> charges = chargesOf(invoiceId);
        assertThat(charges).hasSize(1);
        assertThat(charges.getFirst().getHeader("Idempotency-Key")).isEqualTo(invoiceId + "-attempt-1");
        assertThat(formOf(charges.getFirst())).containsEntry("amount", String.valueOf(PRICE)).containsEntry("currency", "usd")
                .containsEntry("customer", stripeCustomer).containsEntry("payment_method", stripeCard)
                .containsEntry("confirm", "true").containsEntry("off_session", "true")
                .containsEntry("metadata[chaching_key]", invoiceId + "-attempt-1");

        List<JsonNode> transactions = transactionsOf(live, invoiceId);
        assertThat(transactions).hasSize(1);
        assertThat(transactions.getFirst().get("status").asString()).isEqualTo("succeeded");
        assertThat(transactions.getFirst().get("amount").asLong()).isEqualTo(PRICE);
        assertThat(transactions.getFirst().get("fee").asLong()).isEqualTo(FEE);
        assertThat(transactions.getFirst().get("net").asLong()).isEqualTo(PRICE - FEE);
    }

    @Test
    void aDeclinedRenewalIsPastDueUntilTheScheduledRetrySucceedsWithANewKey() {
        Api live = liveAccountOnStripe();
        String stripeCustomer = stripeId("cus");
        Response subscription = subscribedWithStripeCard(live, "dunned", stripeCustomer, stripeId("pm"));
        Instant periodEnd = Instant.parse(subscription.text("currentPeriodEnd"));
        // Stripe refuses the renewal's first attempt for want of funds, and takes its second.
        stripeAnswersCharges(stripeCustomer, ".*-attempt-1", 402,
                cardError(stripeId("pi"), PRICE, "card_declined", "insufficient_funds", "Your card has insufficient funds."));
        stripeAnswersCharges(stripeCustomer, ".*-attempt-2", 200, succeededIntent(stripeId("pi"), PRICE, "usd", FEE));

        Instant failedAt = periodEnd.plus(Duration.ofMinutes(1));
        serverClock.set(failedAt);
        runEngineUntilIdle();

        Response pastDue = live.get("/subscriptions/" + subscription.text("id"));
        assertThat(pastDue.text("status")).isEqualTo("past_due");
        String invoiceId = pastDue.text("latestInvoice");
        Response open = live.get("/invoices/" + invoiceId);
        assertThat(open.text("status")).isEqualTo("open");
        assertThat(open.json().get("attemptCount").asInt()).isEqualTo(1);
        // The account's default retry schedule: the first retry a day after the failure.
        Instant retry = failedAt.plus(Duration.ofDays(1));
        assertThat(open.text("nextPaymentAttempt")).isEqualTo(retry.toString());
        List<JsonNode> failed = transactionsOf(live, invoiceId);
        assertThat(failed).singleElement().satisfies(transaction -> {
            assertThat(transaction.get("status").asString()).isEqualTo("failed");
            assertThat(transaction.get("failureCode").asString()).isEqualTo("insufficient_funds");
        });

        serverClock.set(retry.minusSeconds(1));
        runEngineUntilIdle();
        assertThat(chargesOf(invoiceId)).as("no attempt before the retry's instant").hasSize(1);

        serverClock.set(retry);
        runEngineUntilIdle();

        Response paid = live.get("/invoices/" + invoiceId);
        assertThat(paid.text("status")).isEqualTo("paid");
        assertThat(paid.json().get("attemptCount").asInt()).isEqualTo(2);
        assertThat(paid.text("nextPaymentAttempt")).isNull();
        assertThat(live.get("/subscriptions/" + subscription.text("id")).text("status")).isEqualTo("active");
        assertThat(chargesOf(invoiceId)).map(charge -> charge.getHeader("Idempotency-Key"))
                .containsExactly(invoiceId + "-attempt-1", invoiceId + "-attempt-2");
        assertThat(transactionsOf(live, invoiceId)).map(transaction -> transaction.get("status").asString() + " "
                + transaction.get("fee").asLong()).containsExactlyInAnyOrder("failed 0", "succeeded " + FEE);
    }

    /** A customer of {@code live} whose card is kept at Stripe under {@code stripeCustomer}, subscribed monthly and charged for it. */
    private Response subscribedWithStripeCard(Api live, String customer, String stripeCustomer, String stripeCard) {
        stripeKeepsCardsFor(stripeCustomer);
        customerWithStripeCard(live, customer, stripeCard);
        stripeAnswersCharges(stripeCustomer, ".*", 200, succeededIntent(stripeId("pi"), PRICE, "usd", FEE));
        Response subscription = ok(live.post("/subscriptions", Map.of("customer", customer,
                "items", List.of(Map.of("price", monthlyPrice(live, PRICE))))), 201);
        assertThat(subscription.text("status")).as(subscription.toString()).isEqualTo("active");
        return subscription;
    }

    /** Stripe answers the PaymentIntents of {@code stripeCustomer} whose idempotency key matches {@code key}; the newest stub wins. */
    private static void stripeAnswersCharges(String stripeCustomer, String key, int status, String body) {
        STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("customer=" + stripeCustomer))
                .withHeader("Idempotency-Key", matching(key)).willReturn(json(status, body)));
    }

    /** The PaymentIntents sent to Stripe for the invoice's attempts, in the order sent. */
    private static List<LoggedRequest> chargesOf(String invoiceId) {
        return STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", matching(invoiceId + "-attempt-[0-9]+")));
    }

    private static List<JsonNode> transactionsOf(Api live, String invoiceId) {
        return ok(live.get("/invoices/" + invoiceId + "/transactions"), 200).json().get("data").valueStream().toList();
    }

    private void runEngineUntilIdle() {
        for (int round = 0; round < 20 && engine.runDueWorkEverywhere() > 0; round++) {
            // Another pass: the work it did may have made more due.
        }
    }
}
