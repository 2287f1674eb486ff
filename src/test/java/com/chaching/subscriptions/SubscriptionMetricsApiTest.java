package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.DECLINED_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.cardFor;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MRR and upcoming renewals (docs/dashboard.md "Home") on subscriptions made through the API, checked against
 * amounts worked out by hand.
 */
class SubscriptionMetricsApiTest extends ApiTest {

    @Autowired
    SubscriptionMetrics metrics;

    @Test
    void mrrIsTheMonthlyNormalizedAmountOfActiveAndPastDueSubscriptionsPerCurrencyRoundedPerItem() {
        Api api = signUp();
        Api other = signUp();
        customer(api, "good", GOOD_CARD);
        customer(api, "euro", GOOD_CARD);
        customer(api, "declines", DECLINED_CARD);
        customer(other, "good", GOOD_CARD);

        // USD, counted (active):
        subscribe(api, "good", price(api, "usd", 1000, "month", 1), 3);  // 1000 × 3 / 1                 = 3000
        subscribe(api, "good", price(api, "usd", 10000, "year", 1), 1);  // 10000 / 12 = 833.33…         →  833
        subscribe(api, "good", price(api, "usd", 999, "week", 1), 2);    // 999 × 2 × 52 / 12 = 8658      = 8658
        subscribe(api, "good", price(api, "usd", 100, "day", 1), 1);     // 100 × 365 / 12 = 3041.67      → 3042
        subscribe(api, "good", price(api, "usd", 1234, "year", 1), 2);   // 1234 × 2 / 12 = 205.67        →  206
        // Two items of 1001 every 2 months: each 1001 / 2 = 500.5 → 501 (half-up, per item) = 1002; rounding the
        // sum instead would give 2002 / 2 = 1001, and half-even would give 500 + 500 = 1000.
        subscribe(api, "good", List.of(Map.of("price", price(api, "usd", 1001, "month", 2)),
                Map.of("price", price(api, "usd", 1001, "month", 2))));                                 // = 1002
        // Past due, counted: a one-day trial on a declining card, then its first charge fails.
        String pastDue = subscribe(api, "declines", List.of(Map.of("price", price(api, "usd", 2000, "month", 1))), 1);  // = 2000
        // USD total: 3000 + 833 + 8658 + 3042 + 206 + 1002 + 2000 = 18741, from 7 subscriptions, 1 past due.

        // EUR, counted (active):
        subscribe(api, "euro", price(api, "eur", 2500, "month", 3), 4);  // 2500 × 4 / 3 = 3333.33        → 3333
        subscribe(api, "euro", price(api, "eur", 500, "week", 2), 1);    // 500 × 52 / (12 × 2) = 1083.33  → 1083
        subscribe(api, "euro", price(api, "eur", 300, "day", 7), 1);     // 300 × 365 / (12 × 7) = 1303.57 → 1304
        // EUR total: 3333 + 1083 + 1304 = 5720, from 3 subscriptions.

        // Not counted: trialing, paused, canceled, incomplete (below: its first payment fails), and another account's.
        subscribeWith(api, Map.of("customer", "good", "items", List.of(Map.of("price", price(api, "usd", 5000, "month", 1))),
                "trialPeriodDays", 30));
        String paused = subscribe(api, "good", price(api, "usd", 7000, "month", 1), 1);
        ok(api.post("/subscriptions/" + paused + "/pause", Map.of()), 200);
        String canceled = subscribe(api, "good", price(api, "eur", 9000, "month", 1), 1);
        ok(api.delete("/subscriptions/" + canceled), 200);
        subscribe(other, "good", price(other, "usd", 50000, "month", 1), 1);

        Instant now = Instant.parse(api.get("/test-clock").text("now"));
        ok(api.post("/test-clock/advance", Map.of("to", now.plus(Duration.ofDays(1)).plusSeconds(60).toString())), 200);
        assertThat(api.get("/subscriptions/" + pastDue).text("status")).isEqualTo("past_due");
        // Made after the advance, which would have expired it (an incomplete subscription expires after 23 hours).
        String incomplete = subscribeWith(api, Map.of("customer", "declines",
                "items", List.of(Map.of("price", price(api, "usd", 11000, "month", 1)))));

        assertThat(api.get("/subscriptions/" + paused).text("status")).isEqualTo("paused");
        assertThat(api.get("/subscriptions/" + canceled).text("status")).isEqualTo("canceled");
        assertThat(api.get("/subscriptions/" + incomplete).text("status")).isEqualTo("incomplete");

        assertThat(metrics.mrr(tenant(api))).containsExactly(
                new SubscriptionMetrics.Mrr("eur", 5720, 3, 0),
                new SubscriptionMetrics.Mrr("usd", 18741, 7, 1));
        assertThat(metrics.mrr(tenant(other))).containsExactly(new SubscriptionMetrics.Mrr("usd", 50000, 1, 0));
        assertThat(metrics.mrr(tenant(signUp()))).isEmpty();
    }

    @Test
    void upcomingRenewalsAreTheActiveSubscriptionsEndingWithinTheWeekSoonestFirst() {
        Api api = signUp();
        Api other = signUp();
        customer(api, "c", GOOD_CARD);
        customer(other, "c", GOOD_CARD);
        Instant start = Instant.parse(api.get("/test-clock").text("now"));
        String weekly = subscribe(api, "c", price(api, "usd", 700, "week", 1), 3);      // ends in 7 days: out (the window is [now, now + 7 days))
        String daily = subscribe(api, "c", price(api, "usd", 150, "day", 2), 1);        // ends in 2 days
        String cancels = subscribe(api, "c", price(api, "usd", 400, "day", 5), 1);      // ends in 5 days, then cancels
        ok(api.patch("/subscriptions/" + cancels, Map.of("cancelAtPeriodEnd", true)), 200);
        subscribe(api, "c", price(api, "usd", 1000, "month", 1), 1);                    // ends in a month: out
        String trialing = subscribeWith(api, Map.of("customer", "c", "items", List.of(Map.of("price", price(api, "usd", 900, "day", 1))),
                "trialPeriodDays", 3));                                                       // trialing: out
        subscribe(other, "c", price(other, "usd", 100, "day", 1), 1);                    // another account's: out

        List<SubscriptionMetrics.Renewal> renewals = metrics.upcomingRenewals(tenant(api), Duration.ofDays(7), 10);

        assertThat(renewals).extracting(SubscriptionMetrics.Renewal::subscriptionId).containsExactly(daily, cancels);
        assertThat(renewals.get(0).amount()).isEqualTo(150);
        assertThat(renewals.get(0).periodEnd()).isEqualTo(start.plus(Duration.ofDays(2)));
        assertThat(renewals.get(0).cancelAtPeriodEnd()).isFalse();
        assertThat(renewals.get(1).cancelAtPeriodEnd()).isTrue();
        assertThat(renewals.get(1).customer()).isEqualTo("c");
        assertThat(renewals).extracting(SubscriptionMetrics.Renewal::subscriptionId).doesNotContain(weekly, trialing);
        assertThat(metrics.upcomingRenewals(tenant(api), Duration.ofDays(7), 1)).hasSize(1);
    }

    static Tenant tenant(Api api) {
        return new Tenant(api.accountId(), false);
    }

    static void customer(Api api, String key, String card) {
        ok(api.post("/customers", Map.of("externalKey", key, "name", "Customer " + key)), 201);
        api.patch("/customers/" + key, Map.of("defaultPaymentMethod", cardFor(api, key, card)));
    }

    static String price(Api api, String currency, long amount, String interval, int count) {
        String product = ok(api.post("/products", Map.of("name", "Plan " + amount + " " + System.nanoTime())), 201).text("id");
        return ok(api.post("/prices/" + product, Map.of("currency", currency, "unitAmount", amount, "type", "recurring",
                "recurring", Map.of("interval", interval, "intervalCount", count))), 201).text("id");
    }

    static String subscribe(Api api, String customer, String price, long quantity) {
        return subscribe(api, customer, List.of(Map.of("price", price, "quantity", quantity)));
    }

    static String subscribe(Api api, String customer, List<Map<String, Object>> items) {
        String id = subscribeWith(api, Map.of("customer", customer, "items", items));
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        return id;
    }

    /** A subscription with a one-day trial; for a declining card, past due once the trial ends. */
    static String subscribe(Api api, String customer, List<Map<String, Object>> items, int trialDays) {
        return subscribeWith(api, Map.of("customer", customer, "items", items, "trialPeriodDays", trialDays));
    }

    static String subscribeWith(Api api, Map<String, Object> body) {
        return ok(api.post("/subscriptions", body), 201).text("id");
    }
}
