package com.chaching.bench;

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

/**
 * How long the largest test-clock advance allowed takes (not a test: surefire runs only *Test classes; run it
 * with bench/test-clock-advance.sh). Each round, a new sandbox account with one daily subscription paid by card
 * advances across exactly the bound's number of billing periods — every one a renewal and a charge — and the
 * round reports the advance's time. Every answer's status is checked: a refused advance is no result.
 */
class TestClockAdvanceBenchmark extends ApiTest {

    /** The bound of SubscriptionEngine.MAX_PERIODS_PER_ADVANCE, as the API states it. */
    private static final int PERIODS = 250;

    @Test
    void theLargestAdvanceAllowed() {
        int rounds = Integer.getInteger("bench.rounds", 5);
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Api api = signUp();
            String customer = "c";
            expect(api.post("/customers", Map.of("externalKey", customer)), 201);
            String card = expect(api.post("/payment-methods", Map.of("type", "card",
                    "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2045, "cvc", "123"))), 201).text("id");
            expect(api.post("/payment-methods/" + card + "/attach", Map.of("customer", customer)), 200);
            expect(api.patch("/customers/" + customer, Map.of("defaultPaymentMethod", card)), 200);
            String product = expect(api.post("/products", Map.of("name", "Daily plan")), 201).text("id");
            String price = expect(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "recurring",
                    "recurring", Map.of("interval", "day"))), 201).text("id");
            Response subscription = expect(api.post("/subscriptions", Map.of("customer", customer, "items", List.of(Map.of("price", price)))), 201);
            Instant firstRenewal = Instant.parse(subscription.text("currentPeriodEnd"));
            // The first renewal and the PERIODS - 1 after it: exactly PERIODS period ends.
            Instant to = firstRenewal.plus(Duration.ofDays(PERIODS - 1));
            expect(api.post("/test-clock/advance", Map.of("to", to.plusSeconds(86_400).toString())), 400);
            long start = System.nanoTime();
            expect(api.post("/test-clock/advance", Map.of("to", to.toString())), 200);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(api.get("/invoices?subscription=" + subscription.text("id") + "&status=paid&limit=100").json().get("data").size())
                    .as("the first invoice and the latest renewals are paid").isEqualTo(100);
            System.out.println("round " + round + ": " + PERIODS + " renewals in one advance, " + millis.getLast() + " ms");
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("advance of " + PERIODS + " periods: median " + sorted.get(sorted.size() / 2) + " ms, max " + sorted.getLast() + " ms");
    }

    private static Response expect(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
