package com.chaching.customers;

import static com.chaching.testing.Hostile.HOSTILE;
import static com.chaching.testing.Hostile.assertNoServerError;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No input, however hostile, gets a 5xx, and a refused one changes nothing. */
class HostileInputApiTest extends ApiTest {

    @Test
    void hostileTextInEveryCustomerFieldNeverFailsTheServer() {
        Api api = signUp();
        for (String text : HOSTILE) {
            for (String field : List.of("externalKey", "name", "email", "phone")) {
                assertNoServerError(api.post("/customers", Map.of(field, text)));
            }
            assertNoServerError(api.post("/customers", Map.of("metadata", Map.of(text, text))));
            assertNoServerError(api.post("/customers", Map.of("address", Map.of("line1", text, "country", text))));
        }
        assertThat(api.get("/customers?limit=100").json().get("data").valueStream()
                .noneMatch(c -> c.get("name").asString("").contains("\u0000"))).isTrue();
    }

    @Test
    void hostileTextInPathsAndQueriesNeverFailsTheServer() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "target", "name", "Target"));
        for (String text : HOSTILE) {
            String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            for (Response response : List.of(
                    api.get("/customers/" + encoded),
                    api.patch("/customers/" + encoded, Map.of("name", "x")),
                    api.delete("/customers/" + encoded),
                    api.get("/customers/search?query=" + encoded),
                    api.get("/customers?email=" + encoded),
                    api.get("/customers?startingAfter=" + encoded),
                    api.get("/customers?limit=" + encoded),
                    api.get("/customers?createdGte=" + encoded),
                    api.send("POST", "/customers", Map.of(), Map.of("Idempotency-Key", text.replaceAll("[^\\x20-\\x7E]", "") + "-key")))) {
                assertNoServerError(response);
            }
        }
        assertThat(api.get("/customers/target").text("name")).isEqualTo("Target");
    }

    @Test
    void hostileJsonNeverFailsTheServer() {
        Api api = signUp();
        List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "\"text\"", "42", "{", "{}}", "{\"name\": \"\\u0000\"}",
                "{\"metadata\": {\"\\u0000\": \"x\"}}", "{\"name\": \"a\", \"name\": \"b\"}", "{\"address\": \"\"}",
                "{\"address\": []}", "{\"metadata\": []}", "{\"metadata\": null}", "{\"name\": 1e999999}",
                "[" .repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        for (String body : bodies) {
            assertNoServerError(api.post("/customers", body));
            assertNoServerError(api.patch("/account", body));
            assertNoServerError(api.post("/test-clock/advance", body));
        }
        assertNoServerError(api.sendBytes("POST", "/customers", new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'},
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + api.key())));
    }

}
