package com.chaching.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** billing.md "Subscriptions", through HTTP with the test clock. */
class SubscriptionsApiTest extends ApiTest {

    static final String GOOD_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";

    @Test
    void aMonthlySubscriptionRenewsEveryMonthForAYearInOneAdvance() {
        Api api = signUp();
        api.post("/test-clock/advance", Map.of("to", "2027-01-31T10:00:00Z"));
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 1500);

        Response created = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201);
        assertThat(created.text("status")).isEqualTo("active");
        assertThat(created.text("currentPeriodStart")).isEqualTo("2027-01-31T10:00:00Z");
        assertThat(created.text("currentPeriodEnd")).isEqualTo("2027-02-28T10:00:00Z");
        String id = created.text("id");

        ok(api.post("/test-clock/advance", Map.of("to", "2028-01-31T10:00:00Z")), 200);

        Response after = api.get("/subscriptions/" + id);
        assertThat(after.text("status")).isEqualTo("active");
        assertThat(after.text("currentPeriodStart")).isEqualTo("2028-01-31T10:00:00Z");
        assertThat(after.text("currentPeriodEnd")).isEqualTo("2028-02-29T10:00:00Z");
        List<JsonNode> invoices = api.get("/invoices?subscription=" + id + "&limit=100").json().get("data").valueStream().toList();
        assertThat(invoices).hasSize(13);
        assertThat(invoices).allSatisfy(invoice -> {
            assertThat(invoice.get("status").asString()).isEqualTo("paid");
            assertThat(invoice.get("amountPaid").asLong()).isEqualTo(1500);
        });
        List<String> periodStarts = invoices.stream().map(i -> i.get("lines").get("data").get(0).get("period").get("start").asString())
                .sorted().toList();
        assertThat(periodStarts).containsExactly("2027-01-31T10:00:00Z", "2027-02-28T10:00:00Z", "2027-03-31T10:00:00Z",
                "2027-04-30T10:00:00Z", "2027-05-31T10:00:00Z", "2027-06-30T10:00:00Z", "2027-07-31T10:00:00Z",
                "2027-08-31T10:00:00Z", "2027-09-30T10:00:00Z", "2027-10-31T10:00:00Z", "2027-11-30T10:00:00Z",
                "2027-12-31T10:00:00Z", "2028-01-31T10:00:00Z");
        assertThat(api.get("/transactions?type=charge&status=succeeded&limit=100").json().get("data").size()).isEqualTo(13);
    }

    @Test
    void aTrialIsFreeThenTheFirstPeriodIsCharged() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 2000);
        Instant now = Instant.parse(api.get("/test-clock").text("now"));

        Response created = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)),
                "trialPeriodDays", 14)), 201);
        assertThat(created.text("status")).isEqualTo("trialing");
        assertThat(created.text("trialEnd")).isEqualTo(now.plusSeconds(14 * 86_400).toString());
        assertThat(api.get("/invoices/" + created.text("latestInvoice")).json().get("total").asLong()).isZero();

        ok(api.post("/test-clock/advance", Map.of("to", now.plusSeconds(15 * 86_400).toString())), 200);

        Response after = api.get("/subscriptions/" + created.text("id"));
        assertThat(after.text("status")).isEqualTo("active");
        assertThat(after.text("currentPeriodStart")).isEqualTo(created.text("trialEnd"));
        assertThat(api.get("/invoices/" + after.text("latestInvoice")).json().get("amountPaid").asLong()).isEqualTo(2000);
    }

    @Test
    void aTrialEndingOnAFailingCardGoesPastDue() {
        Api api = signUp();
        customerWithCard(api, "c", DECLINED_CARD);
        Instant now = Instant.parse(api.get("/test-clock").text("now"));
        Response created = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", monthlyPrice(api, 2000))),
                "trialPeriodDays", 7)), 201);
        assertThat(created.text("status")).isEqualTo("trialing");

        ok(api.post("/test-clock/advance", Map.of("to", now.plusSeconds(7 * 86_400).toString())), 200);

        Response after = api.get("/subscriptions/" + created.text("id"));
        assertThat(after.text("status")).isEqualTo("past_due");
        assertThat(api.get("/invoices/" + after.text("latestInvoice")).text("status")).isEqualTo("open");
    }

    @Test
    void aFutureAnchorProratesTheFirstInvoiceUpToIt() {
        Api api = signUp();
        api.post("/test-clock/advance", Map.of("to", "2027-03-01T00:00:00Z"));
        customerWithCard(api, "c", GOOD_CARD);

        Response created = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", monthlyPrice(api, 3100))),
                "billingCycleAnchor", "2027-03-11T00:00:00Z")), 201);

        assertThat(created.text("currentPeriodEnd")).isEqualTo("2027-03-11T00:00:00Z");
        JsonNode invoice = api.get("/invoices/" + created.text("latestInvoice")).json();
        // 10 of February's 28 days before the anchor (the full period before it runs Feb 11 – Mar 11).
        assertThat(invoice.get("total").asLong()).isEqualTo(Math.round(3100 * 10 / 28.0));
        assertThat(invoice.get("lines").get("data").get(0).get("proration").asBoolean()).isTrue();
        ok(api.post("/test-clock/advance", Map.of("to", "2027-03-11T00:00:00Z")), 200);
        assertThat(api.get("/subscriptions/" + created.text("id")).text("currentPeriodEnd")).isEqualTo("2027-04-11T00:00:00Z");
    }

    @Test
    void advancingOneAccountsClockLeavesOtherAccountsWorkAlone() {
        Api mine = signUp();
        Api theirs = signUp();
        customerWithCard(theirs, "c", GOOD_CARD);
        Response theirSubscription = ok(theirs.post("/subscriptions", Map.of("customer", "c",
                "items", List.of(Map.of("price", monthlyPrice(theirs, 1000))))), 201);

        ok(mine.post("/test-clock/advance", Map.of("to", Instant.parse(theirSubscription.text("currentPeriodEnd")).plusSeconds(86_400 * 40)
                .toString())), 200);

        assertThat(theirs.get("/invoices?subscription=" + theirSubscription.text("id")).json().get("data").size()).isEqualTo(1);
        assertThat(theirs.get("/subscriptions/" + theirSubscription.text("id")).text("currentPeriodEnd"))
                .isEqualTo(theirSubscription.text("currentPeriodEnd"));
    }

    @Test
    void aFailedFirstPaymentLeavesItIncompleteUntilPaidOrExpired() {
        Api api = signUp();
        customerWithCard(api, "c", DECLINED_CARD);
        String price = monthlyPrice(api, 2000);

        Response paidLater = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201);
        Response expires = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201);
        assertThat(paidLater.text("status")).isEqualTo("incomplete");
        assertThat(api.get("/invoices/" + paidLater.text("latestInvoice")).text("status")).isEqualTo("open");

        String good = cardFor(api, "c", GOOD_CARD);
        ok(api.send("PUT", "/invoices/" + paidLater.text("latestInvoice"), Map.of("paymentMethod", good), Map.of()), 200);
        assertThat(api.get("/subscriptions/" + paidLater.text("id")).text("status")).isEqualTo("active");

        Instant now = Instant.parse(api.get("/test-clock").text("now"));
        ok(api.post("/test-clock/advance", Map.of("to", now.plusSeconds(23 * 3600).toString())), 200);
        Response expired = api.get("/subscriptions/" + expires.text("id"));
        assertThat(expired.text("status")).isEqualTo("incomplete_expired");
        assertThat(api.get("/invoices/" + expires.text("latestInvoice")).text("status")).isEqualTo("void");
    }

    @Test
    void failedRenewalsAreRetriedOnTheScheduleThenTheSubscriptionIsCanceled() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 900);
        String id = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201).text("id");
        Response subscription = api.get("/subscriptions/" + id);
        String declined = cardFor(api, "c", DECLINED_CARD);
        api.patch("/customers/c", Map.of("defaultPaymentMethod", declined));
        Instant renewal = Instant.parse(subscription.text("currentPeriodEnd"));

        ok(api.post("/test-clock/advance", Map.of("to", renewal.toString())), 200);
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("past_due");
        String invoice = api.get("/subscriptions/" + id).text("latestInvoice");

        ok(api.post("/test-clock/advance", Map.of("to", renewal.plusSeconds(6 * 86_400).toString())), 200);
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("past_due");
        assertThat(api.get("/invoices/" + invoice).json().get("attemptCount").asInt()).isEqualTo(4);

        ok(api.post("/test-clock/advance", Map.of("to", renewal.plusSeconds(7 * 86_400).toString())), 200);
        Response canceled = api.get("/subscriptions/" + id);
        assertThat(canceled.text("status")).isEqualTo("canceled");
        assertThat(api.get("/invoices/" + invoice).text("status")).isEqualTo("uncollectible");
        assertThat(api.get("/invoices/" + invoice).json().get("attemptCount").asInt()).isEqualTo(5);
    }

    static Response ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    static void customerWithCard(Api api, String key, String number) {
        ok(api.post("/customers", Map.of("externalKey", key)), 201);
        api.patch("/customers/" + key, Map.of("defaultPaymentMethod", cardFor(api, key, number)));
    }

    static String cardFor(Api api, String key, String number) {
        String pm = ok(api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", number, "expMonth", 12, "expYear", 2045, "cvc", "123"))), 201).text("id");
        ok(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", key)), 200);
        return pm;
    }

    static String monthlyPrice(Api api, long amount) {
        String product = ok(api.post("/products", Map.of("name", "Plan " + amount + " " + System.nanoTime())), 201).text("id");
        return ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", amount, "type", "recurring",
                "recurring", Map.of("interval", "month"))), 201).text("id");
    }
}
