package com.chaching.invoicing;

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

/** No input to invoices, transactions, refunds or the balance, however hostile, gets a 5xx. */
class InvoicingHostileInputApiTest extends ApiTest {

    @Test
    void hostileTextNeverFailsTheServer() {
        Api api = signUp();
        InvoiceFixtures.customerWithCard(api, "c", InvoiceFixtures.GOOD_CARD);
        String invoice = InvoiceFixtures.invoice(api, "c", 100).text("id");
        for (String text : HOSTILE) {
            for (String field : List.of("customer", "currency", "collectionMethod", "dueDate")) {
                Map<String, Object> body = new HashMap<>(Map.of("customer", "c", "currency", "usd",
                        "lines", List.of(Map.of("description", "x", "unitAmount", 1))));
                body.put(field, text);
                assertNoServerError(api.post("/invoices", body));
            }
            for (String field : List.of("price", "description", "taxBehavior", "periodStart")) {
                Map<String, Object> line = new HashMap<>(Map.of("description", "x", "unitAmount", 1));
                line.put(field, text);
                assertNoServerError(api.post("/invoices", Map.of("customer", "c", "currency", "usd", "lines", List.of(line))));
            }
            assertNoServerError(api.post("/invoices", Map.of("customer", "c", "currency", "usd",
                    "lines", List.of(Map.of("description", "x", "unitAmount", 1, "taxRates", List.of(text))))));
            assertNoServerError(api.send("PUT", "/invoices/" + invoice, Map.of("paymentMethod", text), Map.of()));
            String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            for (String path : List.of("/invoices/" + encoded, "/invoices?customer=" + encoded, "/invoices?status=" + encoded,
                    "/invoices/" + encoded + "/transactions", "/invoices/" + invoice + "/transactions/" + encoded,
                    "/transactions/" + encoded, "/transactions?invoice=" + encoded, "/transactions?type=" + encoded,
                    "/transactions?customer=" + encoded)) {
                assertNoServerError(api.get(path));
            }
            assertNoServerError(api.post("/invoices/" + encoded + "/finalize", Map.of()));
            assertNoServerError(api.delete("/invoices/" + encoded));
            assertNoServerError(api.send("PUT", "/invoices/" + encoded, null, Map.of()));
            assertNoServerError(api.post("/transactions/" + encoded + "/refunds", Map.of()));
        }
        for (String body : List.of("{\"customer\": \"c\", \"currency\": \"usd\", \"lines\": [{\"description\": \"x\", \"unitAmount\": 99999999999, \"quantity\": 1000000}]}",
                "{\"customer\": \"c\", \"currency\": \"usd\", \"lines\": [{\"description\": \"x\", \"unitAmount\": -99999999999, \"quantity\": 1000000}]}",
                "{\"customer\": \"c\", \"currency\": \"usd\", \"lines\": [null]}",
                "{\"customer\": \"c\", \"currency\": \"usd\", \"lines\": {}}")) {
            assertNoServerError(api.post("/invoices", body));
        }
        assertNoServerError(api.get("/balance"));
    }
}
