package com.chaching.subscriptions;

import static com.chaching.testing.Hostile.HOSTILE;
import static com.chaching.testing.Hostile.assertNoServerError;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.CapturedLog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No input to the subscription endpoints, however hostile, gets a 5xx. */
class SubscriptionsHostileInputApiTest extends ApiTest {

    @Test
    void hostileTextNeverFailsTheServer() {
        // A path and a query of 5 000 characters each pass Tomcat's 8 KiB limit on the request line: Tomcat
        // answers 400 and logs the first such request of a connection handler (with a stack trace), later ones
        // at DEBUG only. That line is expected here, so it is checked rather than printed.
        try (CapturedLog tomcat = CapturedLog.of("org.apache.coyote.http11.Http11Processor")) {
            sendHostileText();
            assertThat(tomcat.events()).allSatisfy(event -> {
                assertThat(event.getFormattedMessage()).startsWith("Error parsing HTTP request header");
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("Request header is too large");
            });
        }
    }

    private void sendHostileText() {
        Api api = signUp();
        SubscriptionsApiTest.customerWithCard(api, "c", SubscriptionsApiTest.GOOD_CARD);
        String price = SubscriptionsApiTest.monthlyPrice(api, 100);
        String id = api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)))).text("id");
        for (String text : HOSTILE) {
            for (String field : List.of("customer", "trialEnd", "billingCycleAnchor", "defaultPaymentMethod", "collectionMethod")) {
                Map<String, Object> body = new HashMap<>(Map.of("customer", "c", "items", List.of(Map.of("price", price))));
                body.put(field, text);
                assertNoServerError(api.post("/subscriptions", body));
            }
            assertNoServerError(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", text)))));
            assertNoServerError(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)),
                    "taxRates", List.of(text))));
            assertNoServerError(api.patch("/subscriptions/" + id, Map.of("items", List.of(Map.of("id", text, "quantity", 2)))));
            assertNoServerError(api.patch("/subscriptions/" + id, Map.of("prorationBehavior", text)));
            assertNoServerError(api.post("/subscriptions/" + id + "/pause", Map.of("resumesAt", text)));
            String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            for (String path : List.of("/subscriptions/" + encoded, "/subscriptions?customer=" + encoded, "/subscriptions?status=" + encoded,
                    "/subscriptions?price=" + encoded)) {
                assertNoServerError(api.get(path));
            }
            assertNoServerError(api.send("DELETE", "/subscriptions/" + encoded + "?atPeriodEnd=" + encoded, null, Map.of()));
            assertNoServerError(api.post("/subscriptions/" + encoded + "/resume", Map.of()));
        }
        assertNoServerError(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)),
                "trialPeriodDays", 100000)));
        assertNoServerError(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)),
                "billingCycleAnchor", "9999-12-31T23:59:59Z")));
    }
}
