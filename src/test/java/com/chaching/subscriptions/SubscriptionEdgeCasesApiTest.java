package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.DECLINED_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.cardFor;
import static com.chaching.subscriptions.SubscriptionsApiTest.customerWithCard;
import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The corners of the lifecycle: each of these once looped, double-billed or left a wrong status. */
class SubscriptionEdgeCasesApiTest extends ApiTest {

    @Test
    void dunningWithNoPaymentMethodLeftStillEnds() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 500));
        String pm = api.get("/customers/c").text("defaultPaymentMethod");
        api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD)));
        Instant renewal = Instant.parse(subscription.text("currentPeriodEnd"));
        advanceTo(api, renewal);
        assertThat(api.get("/subscriptions/" + subscription.text("id")).text("status")).isEqualTo("past_due");
        String declined = api.get("/customers/c").text("defaultPaymentMethod");
        api.post("/payment-methods/" + declined + "/detach", Map.of());
        api.post("/payment-methods/" + pm + "/detach", Map.of());

        advanceTo(api, renewal.plus(Duration.ofDays(8)));

        assertThat(api.get("/subscriptions/" + subscription.text("id")).text("status")).isEqualTo("canceled");
    }

    @Test
    void dunningShowsTheNextPaymentAttemptAndEndsWhenTheInvoiceIsVoided() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 500));
        api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD)));
        Instant renewal = Instant.parse(subscription.text("currentPeriodEnd"));
        advanceTo(api, renewal);
        String invoice = api.get("/subscriptions/" + subscription.text("id")).text("latestInvoice");
        assertThat(api.get("/invoices/" + invoice).text("nextPaymentAttempt")).isEqualTo(renewal.plus(Duration.ofDays(1)).toString());

        ok(api.delete("/invoices/" + invoice), 200);
        advanceTo(api, renewal.plus(Duration.ofDays(2)));

        assertThat(api.get("/subscriptions/" + subscription.text("id")).text("status")).isEqualTo("active");
        assertThat(api.get("/invoices/" + invoice).json().get("attemptCount").asInt()).isEqualTo(1);
    }

    @Test
    void aPastDueSubscriptionPaidWhilePausedResumesActive() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String good = api.get("/customers/c").text("defaultPaymentMethod");
        Response subscription = subscribe(api, monthlyPrice(api, 500));
        api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD)));
        advanceTo(api, Instant.parse(subscription.text("currentPeriodEnd")));
        String id = subscription.text("id");
        ok(api.post("/subscriptions/" + id + "/pause", Map.of()), 200);

        ok(api.send("PUT", "/invoices/" + api.get("/subscriptions/" + id).text("latestInvoice"), Map.of("paymentMethod", good), Map.of()), 200);

        assertThat(ok(api.post("/subscriptions/" + id + "/resume", Map.of()), 200).text("status")).isEqualTo("active");
    }

    @Test
    void periodsAfterAResumeFollowOnWithoutOverlapOrDoubleBilling() {
        Api api = signUp();
        advanceTo(api, Instant.parse("2027-01-30T12:00:00Z"));
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 500));
        String id = subscription.text("id");
        advanceTo(api, Instant.parse("2027-02-20T12:00:00Z"));
        ok(api.post("/subscriptions/" + id + "/pause", Map.of()), 200);
        advanceTo(api, Instant.parse("2027-03-07T12:00:00Z"));
        ok(api.post("/subscriptions/" + id + "/resume", Map.of()), 200);

        advanceTo(api, Instant.parse("2027-07-01T00:00:00Z"));

        List<JsonNode> periods = new ArrayList<>(api.get("/invoices?subscription=" + id + "&limit=100").json().get("data").valueStream()
                .map(invoice -> invoice.get("lines").get("data").get(0).get("period")).toList().reversed());
        // The first period ended Feb 28; the 15 paused days moved that end to Mar 15, where billing goes on.
        assertThat(periods.getFirst().get("end").asString()).isEqualTo("2027-02-28T12:00:00Z");
        assertThat(periods.get(1).get("start").asString()).isEqualTo("2027-03-15T12:00:00Z");
        for (int i = 2; i < periods.size(); i++) {
            assertThat(periods.get(i).get("start").asString()).as("period " + i).isEqualTo(periods.get(i - 1).get("end").asString());
        }
        assertThat(periods.stream().map(p -> p.get("start").asString()).distinct()).hasSize(periods.size());
        assertThat(periods.get(2).get("start").asString()).isEqualTo("2027-04-15T12:00:00Z");
    }

    @Test
    void aFreeFirstInvoiceMakesItActiveNotIncomplete() {
        Api api = signUp();
        ok(api.post("/customers", Map.of("externalKey", "c")), 201);

        Response created = subscribe(api, monthlyPrice(api, 0));

        assertThat(created.text("status")).isEqualTo("active");
        advanceTo(api, Instant.parse(api.get("/test-clock").text("now")).plus(Duration.ofDays(2)));
        assertThat(api.get("/subscriptions/" + created.text("id")).text("status")).isEqualTo("active");
    }

    @Test
    void aSendInvoiceSubscriptionIsActiveAndItsInvoicesWaitForTheCustomer() {
        Api api = signUp();
        ok(api.post("/customers", Map.of("externalKey", "c")), 201);

        Response created = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", monthlyPrice(api, 700))),
                "collectionMethod", "send_invoice", "daysUntilDue", 10)), 201);

        assertThat(created.text("status")).isEqualTo("active");
        Response invoice = api.get("/invoices/" + created.text("latestInvoice"));
        assertThat(invoice.text("status")).isEqualTo("open");
        assertThat(invoice.text("collectionMethod")).isEqualTo("send_invoice");
        assertThat(api.get("/transactions").json().get("data").size()).isZero();
        advanceTo(api, Instant.parse(created.text("currentPeriodEnd")));
        assertThat(api.get("/subscriptions/" + created.text("id")).text("status")).isEqualTo("active");
        assertThat(api.get("/invoices?subscription=" + created.text("id")).json().get("data").size()).isEqualTo(2);
    }

    @Test
    void itemsDoNotChangeWhilePaused() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 500));
        ok(api.post("/subscriptions/" + subscription.text("id") + "/pause", Map.of()), 200);

        Response refused = api.patch("/subscriptions/" + subscription.text("id"), Map.of("items",
                List.of(Map.of("id", subscription.json().get("items").get("data").get(0).get("id").asString(), "quantity", 2))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.patch("/subscriptions/" + subscription.text("id"), Map.of("metadata", Map.of("k", "v"))).status()).isEqualTo(200);
    }

    @Test
    void anUnpaidSubscriptionPaidLaterStartsAgainWithoutBillingTheMissedPeriods() {
        Api api = signUp();
        api.patch("/account", Map.of("afterRetries", "unpaid", "retrySchedule", List.of(1)));
        customerWithCard(api, "c", GOOD_CARD);
        String good = api.get("/customers/c").text("defaultPaymentMethod");
        Response subscription = subscribe(api, monthlyPrice(api, 500));
        String id = subscription.text("id");
        api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD)));
        Instant renewal = Instant.parse(subscription.text("currentPeriodEnd"));
        advanceTo(api, renewal.plus(Duration.ofDays(2)));
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("unpaid");
        advanceTo(api, renewal.plus(Duration.ofDays(100)));
        int invoicesBefore = api.get("/invoices?subscription=" + id).json().get("data").size();

        ok(api.send("PUT", "/invoices/" + api.get("/subscriptions/" + id).text("latestInvoice"), Map.of("paymentMethod", good), Map.of()), 200);
        api.patch("/customers/c", Map.of("defaultPaymentMethod", good));
        advanceTo(api, renewal.plus(Duration.ofDays(100)).plusSeconds(60));

        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        assertThat(api.get("/invoices?subscription=" + id).json().get("data").size()).isEqualTo(invoicesBefore + 1);
    }

    private static Response subscribe(Api api, String price) {
        return ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201);
    }

    private static void advanceTo(Api api, Instant to) {
        ok(api.post("/test-clock/advance", Map.of("to", to.toString())), 200);
    }
}
