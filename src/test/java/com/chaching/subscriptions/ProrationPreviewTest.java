package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.customerWithCard;
import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** SubscriptionService.previewQuantityChange: the lines PATCH then adds, no more and no fewer, and nothing saved. */
class ProrationPreviewTest extends ApiTest {

    @Autowired
    SubscriptionService subscriptions;

    @Test
    void eachPreviewIsTheLinesItsChangeAddsEvenWithEarlierChangesPending() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        ok(api.post("/test-clock/advance", Map.of("to", "2030-05-01T00:00:00Z")), 200);
        customerWithCard(api, "c", GOOD_CARD);
        String id = subscribe(api, Map.of("customer", "c", "items", List.of(Map.of("price", monthlyPrice(api, 3100)))));
        String item = itemOf(api, id);
        ok(api.post("/test-clock/advance", Map.of("to", "2030-05-11T00:00:00Z")), 200);

        ProrationPreview toThree = subscriptions.previewQuantityChange(tenant, id, item, 3);
        assertThat(amounts(toThree)).containsExactly(-2100L, 6300L);
        assertThat(toThree.net()).isEqualTo(4200);
        assertThat(itemQuantity(api, id)).isEqualTo(1);
        ok(api.patch("/subscriptions/" + id, Map.of("items", List.of(Map.of("id", item, "quantity", 3)))), 200);

        // The first change's lines are pending; the second preview is its own lines only.
        ProrationPreview toTwo = subscriptions.previewQuantityChange(tenant, id, item, 2);
        assertThat(amounts(toTwo)).containsExactly(-6300L, 4200L);
        ok(api.patch("/subscriptions/" + id, Map.of("items", List.of(Map.of("id", item, "quantity", 2)))), 200);

        ok(api.post("/test-clock/advance", Map.of("to", "2030-06-01T00:00:00Z")), 200);
        JsonNode renewal = api.get("/invoices/" + api.get("/subscriptions/" + id).text("latestInvoice")).json();
        assertThat(renewal.get("lines").get("data").valueStream().filter(line -> line.get("proration").asBoolean())
                .map(line -> line.get("amount").asLong()).toList()).containsExactly(-2100L, 6300L, -6300L, 4200L);
    }

    @Test
    void aPausedSubscriptionsPreviewIsRefusedAsItsUpdateWouldBeAndATrialProratesNothing() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 1000);
        String paused = subscribe(api, Map.of("customer", "c", "items", List.of(Map.of("price", price))));
        ok(api.post("/subscriptions/" + paused + "/pause", Map.of()), 200);
        String trialing = subscribe(api, Map.of("customer", "c", "items", List.of(Map.of("price", price)), "trialPeriodDays", 14));

        assertThatExceptionOfType(ApiProblem.class)
                .isThrownBy(() -> subscriptions.previewQuantityChange(tenant, paused, itemOf(api, paused), 2))
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(subscriptions.previewQuantityChange(tenant, trialing, itemOf(api, trialing), 2).lines()).isEmpty();
        assertThatExceptionOfType(ApiProblem.class)
                .isThrownBy(() -> subscriptions.previewQuantityChange(new Tenant(signUp().accountId(), false), trialing, itemOf(api, trialing), 2))
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    private static List<Long> amounts(ProrationPreview preview) {
        return preview.lines().stream().map(ProrationPreview.Line::amount).toList();
    }

    private static String subscribe(Api api, Map<String, ?> body) {
        return ok(api.post("/subscriptions", body), 201).text("id");
    }

    private static String itemOf(Api api, String id) {
        return api.get("/subscriptions/" + id).json().get("items").get("data").get(0).get("id").asString();
    }

    private static long itemQuantity(Api api, String id) {
        return api.get("/subscriptions/" + id).json().get("items").get("data").get(0).get("quantity").asLong();
    }
}
