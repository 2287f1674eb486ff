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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cancel, pause, resume, recovery, unpaid, changes with proration, refusals, tenancy and idempotency. */
class SubscriptionLifecycleApiTest extends ApiTest {

    @Test
    void cancelingNowEndsItAndAtPeriodEndWaitsAndCanBeUndone() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 3000);
        String now = subscribe(api, price).text("id");
        Response later = subscribe(api, price);
        String undone = subscribe(api, price).text("id");

        Response canceled = ok(api.delete("/subscriptions/" + now), 200);
        assertThat(canceled.text("status")).isEqualTo("canceled");
        assertThat(canceled.text("endedAt")).isNotNull();
        assertThat(api.delete("/subscriptions/" + now).status()).isEqualTo(409);
        assertThat(api.patch("/subscriptions/" + now, Map.of("metadata", Map.of("a", "b"))).status()).isEqualTo(409);

        Response atEnd = ok(api.send("DELETE", "/subscriptions/" + later.text("id") + "?atPeriodEnd=true", null, Map.of()), 200);
        assertThat(atEnd.text("status")).isEqualTo("active");
        assertThat(atEnd.json().get("cancelAtPeriodEnd").asBoolean()).isTrue();
        api.send("DELETE", "/subscriptions/" + undone + "?atPeriodEnd=true", null, Map.of());
        assertThat(ok(api.patch("/subscriptions/" + undone, Map.of("cancelAtPeriodEnd", false)), 200).json().get("cancelAtPeriodEnd").asBoolean()).isFalse();

        advanceTo(api, Instant.parse(later.text("currentPeriodEnd")).plusSeconds(60));
        Response ended = api.get("/subscriptions/" + later.text("id"));
        assertThat(ended.text("status")).isEqualTo("canceled");
        assertThat(ended.text("endedAt")).isEqualTo(later.text("currentPeriodEnd"));
        assertThat(api.get("/invoices?subscription=" + later.text("id")).json().get("data").size()).isEqualTo(1);
        assertThat(api.get("/subscriptions/" + undone).text("status")).isEqualTo("active");
        assertThat(api.get("/invoices?subscription=" + undone).json().get("data").size()).isEqualTo(2);
    }

    @Test
    void cancelingWithProrationCreditsTheUnusedTime() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 3000));
        Instant start = Instant.parse(subscription.text("currentPeriodStart"));
        Instant end = Instant.parse(subscription.text("currentPeriodEnd"));
        advanceTo(api, start.plus(Duration.between(start, end).dividedBy(2)));

        Response canceled = ok(api.send("DELETE", "/subscriptions/" + subscription.text("id") + "?prorate=true", null, Map.of()), 200);

        JsonNode credit = api.get("/invoices/" + canceled.text("latestInvoice")).json();
        assertThat(credit.get("total").asLong()).isEqualTo(-1500);
        assertThat(api.get("/customers/c").json().get("balance").asLong()).isEqualTo(-1500);
    }

    @Test
    void pausingStopsBillingAndResumingMovesThePeriodEndByThePause() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 1000));
        String id = subscription.text("id");
        Instant end = Instant.parse(subscription.text("currentPeriodEnd"));
        Instant pauseAt = end.minus(Duration.ofDays(5));
        advanceTo(api, pauseAt);

        Response paused = ok(api.post("/subscriptions/" + id + "/pause", Map.of()), 200);
        assertThat(paused.text("status")).isEqualTo("paused");
        assertThat(api.post("/subscriptions/" + id + "/pause", Map.of()).status()).isEqualTo(409);
        advanceTo(api, end.plus(Duration.ofDays(10)));
        assertThat(api.get("/invoices?subscription=" + id).json().get("data").size()).isEqualTo(1);

        Response resumed = ok(api.post("/subscriptions/" + id + "/resume", Map.of()), 200);
        assertThat(resumed.text("status")).isEqualTo("active");
        assertThat(resumed.text("currentPeriodEnd")).isEqualTo(end.plus(Duration.ofDays(15)).toString());
        assertThat(api.post("/subscriptions/" + id + "/resume", Map.of()).status()).isEqualTo(409);
        advanceTo(api, end.plus(Duration.ofDays(15)));
        assertThat(api.get("/invoices?subscription=" + id).json().get("data").size()).isEqualTo(2);
    }

    @Test
    void aPauseWithAResumeDateResumesByItself() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 1000));
        Instant now = Instant.parse(api.get("/test-clock").text("now"));
        Instant resumesAt = now.plus(Duration.ofDays(3));

        ok(api.post("/subscriptions/" + subscription.text("id") + "/pause", Map.of("resumesAt", resumesAt.toString())), 200);
        advanceTo(api, resumesAt.plusSeconds(1));

        Response resumed = api.get("/subscriptions/" + subscription.text("id"));
        assertThat(resumed.text("status")).isEqualTo("active");
        assertThat(resumed.text("currentPeriodEnd"))
                .isEqualTo(Instant.parse(subscription.text("currentPeriodEnd")).plus(Duration.ofDays(3)).toString());
    }

    @Test
    void aPaymentDuringDunningBringsItBackToActive() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 800));
        String good = api.get("/customers/c").text("defaultPaymentMethod");
        api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD)));
        advanceTo(api, Instant.parse(subscription.text("currentPeriodEnd")));
        String invoice = api.get("/subscriptions/" + subscription.text("id")).text("latestInvoice");
        assertThat(api.get("/subscriptions/" + subscription.text("id")).text("status")).isEqualTo("past_due");

        ok(api.send("PUT", "/invoices/" + invoice, Map.of("paymentMethod", good), Map.of()), 200);

        assertThat(api.get("/subscriptions/" + subscription.text("id")).text("status")).isEqualTo("active");
        advanceTo(api, Instant.parse(subscription.text("currentPeriodEnd")).plus(Duration.ofDays(8)));
        assertThat(api.get("/invoices/" + invoice).json().get("attemptCount").asInt()).isEqualTo(2);
    }

    @Test
    void afterTheLastRetryAnAccountCanChooseUnpaid() {
        Api api = signUp();
        api.patch("/account", Map.of("afterRetries", "unpaid", "retrySchedule", List.of(2)));
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, monthlyPrice(api, 800));
        api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD)));

        advanceTo(api, Instant.parse(subscription.text("currentPeriodEnd")).plus(Duration.ofDays(2)));

        assertThat(api.get("/subscriptions/" + subscription.text("id")).text("status")).isEqualTo("unpaid");
    }

    @Test
    void anUpgradeMidPeriodIsProratedByEachBehavior() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String basic = monthlyPrice(api, 1000);
        String pro = monthlyPrice(api, 3000);
        Response created = subscribe(api, basic);
        Response none = subscribe(api, basic);
        Response always = subscribe(api, basic);
        Instant start = Instant.parse(created.text("currentPeriodStart"));
        Instant end = Instant.parse(created.text("currentPeriodEnd"));
        advanceTo(api, start.plus(Duration.between(start, end).dividedBy(2)));

        ok(api.patch("/subscriptions/" + created.text("id"), Map.of("items", List.of(itemChange(created, pro)))), 200);
        ok(api.patch("/subscriptions/" + none.text("id"), Map.of("items", List.of(itemChange(none, pro)), "prorationBehavior", "none")), 200);
        Response charged = ok(api.patch("/subscriptions/" + always.text("id"), Map.of("items", List.of(itemChange(always, pro)),
                "prorationBehavior", "always_invoice")), 200);

        JsonNode prorationInvoice = api.get("/invoices/" + charged.text("latestInvoice")).json();
        assertThat(prorationInvoice.get("total").asLong()).isEqualTo(1000);
        assertThat(prorationInvoice.get("status").asString()).isEqualTo("paid");
        assertThat(prorationInvoice.get("lines").get("data").valueStream().map(l -> l.get("amount").asLong()).toList())
                .containsExactly(-500L, 1500L);

        advanceTo(api, end);
        assertThat(api.get("/invoices/" + api.get("/subscriptions/" + created.text("id")).text("latestInvoice")).json()
                .get("total").asLong()).isEqualTo(1000 + 3000);
        assertThat(api.get("/invoices/" + api.get("/subscriptions/" + none.text("id")).text("latestInvoice")).json()
                .get("total").asLong()).isEqualTo(3000);
        assertThat(api.get("/invoices/" + api.get("/subscriptions/" + always.text("id")).text("latestInvoice")).json()
                .get("total").asLong()).isEqualTo(3000);
    }

    @Test
    void aDowngradeCreditsTheCustomer() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String pro = monthlyPrice(api, 3000);
        String basic = monthlyPrice(api, 1000);
        Response subscription = subscribe(api, pro);
        Instant start = Instant.parse(subscription.text("currentPeriodStart"));
        Instant end = Instant.parse(subscription.text("currentPeriodEnd"));
        advanceTo(api, start.plus(Duration.between(start, end).dividedBy(2)));

        ok(api.patch("/subscriptions/" + subscription.text("id"), Map.of("items", List.of(itemChange(subscription, basic)),
                "prorationBehavior", "always_invoice")), 200);

        assertThat(api.get("/customers/c").json().get("balance").asLong()).isEqualTo(-1000);
        advanceTo(api, end);
        JsonNode renewal = api.get("/invoices/" + api.get("/subscriptions/" + subscription.text("id")).text("latestInvoice")).json();
        assertThat(renewal.get("appliedBalance").asLong()).isEqualTo(1000);
        assertThat(renewal.get("amountDue").asLong()).isZero();
    }

    @Test
    void changingTheIntervalRestartsTheCycleNow() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String monthly = monthlyPrice(api, 1000);
        String product = ok(api.post("/products", Map.of("name", "Yearly plan")), 201).text("id");
        String yearly = ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 10000, "type", "recurring",
                "recurring", Map.of("interval", "year"))), 201).text("id");
        Response subscription = subscribe(api, monthly);
        Instant start = Instant.parse(subscription.text("currentPeriodStart"));
        Instant end = Instant.parse(subscription.text("currentPeriodEnd"));
        Instant half = start.plus(Duration.between(start, end).dividedBy(2));
        advanceTo(api, half);

        Response changed = ok(api.patch("/subscriptions/" + subscription.text("id"), Map.of("items", List.of(itemChange(subscription, yearly)))), 200);

        assertThat(changed.text("currentPeriodStart")).isEqualTo(half.toString());
        assertThat(changed.text("billingCycleAnchor")).isEqualTo(half.toString());
        JsonNode invoice = api.get("/invoices/" + changed.text("latestInvoice")).json();
        assertThat(invoice.get("total").asLong()).isEqualTo(10000 - 500);
        assertThat(invoice.get("status").asString()).isEqualTo("paid");
    }

    @Test
    void everyRuleOfItemsIsNamed() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 1000);
        String product = ok(api.post("/products", Map.of("name", "Others")), 201).text("id");
        String oneTime = ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 5, "type", "one_time")), 201).text("id");
        String euro = ok(api.post("/prices/" + product, Map.of("currency", "eur", "unitAmount", 5, "type", "recurring",
                "recurring", Map.of("interval", "month"))), 201).text("id");
        String weekly = ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 5, "type", "recurring",
                "recurring", Map.of("interval", "week"))), 201).text("id");
        String retired = ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 5, "type", "recurring",
                "recurring", Map.of("interval", "month"), "active", false)), 201).text("id");
        String loose = ok(api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", GOOD_CARD, "expMonth", 12, "expYear", 2045, "cvc", "123"))), 201).text("id");

        assertParam(api, Map.of("customer", "nobody", "items", List.of(Map.of("price", price))), "customer");
        assertParam(api, Map.of("customer", "c", "items", List.of()), "items");
        assertParam(api, Map.of("customer", "c", "items", List.of(Map.of("price", oneTime))), "items[0].price");
        assertParam(api, Map.of("customer", "c", "items", List.of(Map.of("price", retired))), "items[0].price");
        assertParam(api, Map.of("customer", "c", "items", List.of(Map.of("price", price), Map.of("price", euro))), "items[1].price");
        assertParam(api, Map.of("customer", "c", "items", List.of(Map.of("price", price), Map.of("price", weekly))), "items[1].price");
        assertParam(api, Map.of("customer", "c", "items", List.of(Map.of("price", price), Map.of("price", price))), "items[1].price");
        assertParam(api, Map.of("customer", "c", "items", List.of(Map.of("price", price, "quantity", 0))), "items[0].quantity");
        assertParam(api, Map.of("customer", "c", "items", List.of(Map.of("price", price)), "defaultPaymentMethod", loose), "defaultPaymentMethod");
        assertParam(api, Map.of("customer", "c", "items", List.of(Map.of("price", price)), "taxRates", List.of("txr_nope")), "taxRates");
        assertParam(api, Map.of("customer", "c", "items", java.util.Collections.nCopies(21, Map.of("price", price))), "items");
        assertThat(api.get("/subscriptions").json().get("data").size()).isZero();
    }

    @Test
    void aPriceALiveSubscriptionUsesCannotBeDeletedOrRepriced() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 1000);
        String id = subscribe(api, price).text("id");
        ok(api.patch("/prices/" + price + "/active", Map.of("active", false)), 200);

        assertThat(api.delete("/prices/" + price).code()).isEqualTo("resource_in_use");
        assertThat(api.patch("/prices/" + price + "/inactive", Map.of("unitAmount", 2000)).code()).isEqualTo("resource_in_use");
        assertThat(api.patch("/prices/" + price + "/inactive", Map.of("nickname", "old")).status()).isEqualTo(200);

        api.delete("/subscriptions/" + id);
        assertThat(api.patch("/prices/" + price + "/inactive", Map.of("unitAmount", 2000)).status()).isEqualTo(200);
        assertThat(api.delete("/prices/" + price).status()).isEqualTo(200);
    }

    @Test
    void deletingTheCustomerCancelsItsSubscriptions() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = subscribe(api, monthlyPrice(api, 1000)).text("id");

        api.delete("/customers/c");

        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("canceled");
    }

    @Test
    void creatingIsIdempotentOneSubscriptionOneCharge() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Map<String, Object> body = Map.of("customer", "c", "items", List.of(Map.of("price", monthlyPrice(api, 1000))));

        Response first = api.send("POST", "/subscriptions", body, Map.of("Idempotency-Key", "sub-once"));
        Response retry = api.send("POST", "/subscriptions", body, Map.of("Idempotency-Key", "sub-once"));

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.get("/subscriptions").json().get("data").size()).isEqualTo(1);
        assertThat(api.get("/transactions?type=charge").json().get("data").size()).isEqualTo(1);
    }

    @Test
    void anotherAccountsSubscriptionIsNotFoundAndStaysUntouched() {
        Api owner = signUp();
        Api other = signUp();
        customerWithCard(owner, "c", GOOD_CARD);
        String id = subscribe(owner, monthlyPrice(owner, 1000)).text("id");

        assertThat(other.get("/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/subscriptions/" + id, Map.of("metadata", Map.of("a", "b"))).status()).isEqualTo(404);
        assertThat(other.delete("/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(other.post("/subscriptions/" + id + "/pause", Map.of()).status()).isEqualTo(404);
        assertThat(other.post("/subscriptions/" + id + "/resume", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/subscriptions").json().get("data").size()).isZero();
        assertThat(owner.get("/subscriptions/" + id).text("status")).isEqualTo("active");
    }

    @Test
    void listsFilterByCustomerStatusAndPrice() {
        Api api = signUp();
        customerWithCard(api, "a", GOOD_CARD);
        customerWithCard(api, "b", GOOD_CARD);
        String one = monthlyPrice(api, 1000);
        String two = monthlyPrice(api, 2000);
        String a1 = ok(api.post("/subscriptions", Map.of("customer", "a", "items", List.of(Map.of("price", one)))), 201).text("id");
        String b1 = ok(api.post("/subscriptions", Map.of("customer", "b", "items", List.of(Map.of("price", two)))), 201).text("id");
        api.delete("/subscriptions/" + a1);

        assertThat(ids(api.get("/subscriptions"))).containsExactly(b1, a1);
        assertThat(ids(api.get("/subscriptions?customer=a"))).containsExactly(a1);
        assertThat(ids(api.get("/subscriptions?status=active"))).containsExactly(b1);
        assertThat(ids(api.get("/subscriptions?price=" + one))).containsExactly(a1);
        assertThat(api.get("/subscriptions?status=bogus").status()).isEqualTo(400);
    }

    private static List<String> ids(Response list) {
        return list.json().get("data").valueStream().map(s -> s.get("id").asString()).toList();
    }

    private static Map<String, Object> itemChange(Response subscription, String newPrice) {
        return Map.of("id", subscription.json().get("items").get("data").get(0).get("id").asString(), "price", newPrice);
    }

    private static void assertParam(Api api, Map<String, ?> body, String param) {
        Response response = api.post("/subscriptions", body);
        assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
        assertThat(response.text("param")).as(response.toString()).isEqualTo(param);
    }

    private static Response subscribe(Api api, String price) {
        return ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201);
    }

    private static void advanceTo(Api api, Instant to) {
        ok(api.post("/test-clock/advance", Map.of("to", to.toString())), 200);
    }
}
