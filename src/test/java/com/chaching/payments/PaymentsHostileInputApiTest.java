package com.chaching.payments;

import static com.chaching.testing.Hostile.HOSTILE;
import static com.chaching.testing.Hostile.assertNoServerError;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No input to the payment-method endpoints, however hostile, gets a 5xx. */
class PaymentsHostileInputApiTest extends ApiTest {

    @Test
    void hostileTextNeverFailsTheServer() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ann"));
        String pm = api.post("/payment-methods", PaymentMethodsApiTest.cardBody("4242424242424242", 12, 2030, "123")).text("id");
        for (String text : HOSTILE) {
            for (String field : List.of("number", "cvc")) {
                Map<String, Object> card = new HashMap<>(Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2030, "cvc", "123"));
                card.put(field, text);
                assertNoServerError(api.post("/payment-methods", Map.of("type", "card", "card", card)));
            }
            assertNoServerError(api.post("/payment-methods", Map.of("type", text)));
            assertNoServerError(api.post("/payment-methods", Map.of("type", "card", "card", Map.of("number", "4242424242424242",
                    "expMonth", 12, "expYear", 2030, "cvc", "123"), "billingDetails", Map.of("name", text, "email", text))));
            assertNoServerError(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", text)));
            String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            for (String path : List.of("/payment-methods/" + encoded, "/payment-methods?customer=" + encoded, "/payment-methods?type=" + encoded,
                    "/customers/" + encoded + "/payment-methods", "/customers/ann/payment-methods/" + encoded)) {
                assertNoServerError(api.get(path));
            }
            assertNoServerError(api.post("/payment-methods/" + encoded + "/attach", Map.of("customer", "ann")));
            assertNoServerError(api.post("/payment-methods/" + encoded + "/detach", Map.of()));
        }
        for (String body : List.of("{\"type\": \"card\", \"card\": {\"expMonth\": 99999999999, \"expYear\": -1, \"number\": \"4242424242424242\", \"cvc\": \"123\"}}",
                "{\"type\": \"card\", \"card\": {\"expMonth\": 1.5, \"expYear\": 2030, \"number\": \"4242424242424242\", \"cvc\": \"123\"}}",
                "{\"type\": \"card\", \"card\": []}")) {
            assertNoServerError(api.post("/payment-methods", body));
        }
    }
}
