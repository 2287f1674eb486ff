package com.chaching.catalog;

import static com.chaching.testing.Hostile.HOSTILE;
import static com.chaching.testing.Hostile.assertNoServerError;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No input to products, prices, tax codes or tax rates, however hostile, gets a 5xx. */
class CatalogHostileInputApiTest extends ApiTest {

    @Test
    void hostileTextInBodiesNeverFailsTheServer() {
        Api api = signUp();
        String product = api.post("/products", Map.of("name", "Target")).text("id");
        String price = api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 1, "type", "one_time", "active", false)).text("id");
        String taxRate = api.post("/taxRates", Map.of("displayName", "Target", "percentage", 1)).text("id");
        for (String text : HOSTILE) {
            for (String field : List.of("name", "description", "taxCode", "unitLabel")) {
                assertNoServerError(api.post("/products", with(Map.of("name", "P"), field, text)));
                assertNoServerError(api.patch("/products/" + product, Map.of(field, text)));
            }
            for (String field : List.of("currency", "nickname", "description", "lookupKey", "type", "taxBehavior")) {
                assertNoServerError(api.post("/prices/" + product, with(Map.of("currency", "usd", "unitAmount", 1, "type", "one_time"), field, text)));
                assertNoServerError(api.patch("/prices/" + price + "/inactive", Map.of(field, text)));
            }
            for (String field : List.of("displayName", "description", "country", "state", "jurisdiction")) {
                assertNoServerError(api.post("/taxRates", with(Map.of("displayName", "T", "percentage", 1), field, text)));
                assertNoServerError(api.patch("/taxRates/" + taxRate, Map.of(field, text)));
            }
        }
        assertThat(api.get("/products/" + product).status()).isEqualTo(200);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new HashMap<>(base);
        body.put(field, value);
        return body;
    }

    @Test
    void hostileTextInPathsAndQueriesNeverFailsTheServer() {
        Api api = signUp();
        for (String text : HOSTILE) {
            String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            for (String path : List.of("/products/" + encoded, "/prices/" + encoded, "/taxRates/" + encoded,
                    "/products?search=" + encoded, "/products/taxCodes?search=" + encoded, "/prices?product=" + encoded,
                    "/prices?currency=" + encoded, "/prices?lookupKey=" + encoded, "/prices?type=" + encoded,
                    "/taxRates?active=" + encoded, "/products?startingAfter=" + encoded)) {
                assertNoServerError(api.get(path));
            }
            assertNoServerError(api.post("/prices/" + encoded, Map.of("currency", "usd", "unitAmount", 1, "type", "one_time")));
            assertNoServerError(api.delete("/products/" + encoded));
            assertNoServerError(api.delete("/prices/" + encoded));
            assertNoServerError(api.patch("/prices/" + encoded + "/active", Map.of("nickname", "x")));
        }
    }
}
