package com.chaching.accounts;

import static com.chaching.testing.RecordedEvents.object;
import static com.chaching.testing.RecordedEvents.ofType;
import static com.chaching.testing.RecordedEvents.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** events.md: test_clock.advanced, once per advance, created at the clock's new time. */
class TestClockEventsApiTest extends ApiTest {

    @Test
    void anAdvanceRecordsTheClockAsItsGetReturnsItCreatedAtTheNewTime() {
        Api api = signUp();

        Response advanced = api.send("POST", "/test-clock/advance", Map.of("to", "2031-07-04T12:30:00Z"), Map.of("Idempotency-Key", "jump"));

        JsonNode event = only(api, "test_clock.advanced");
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(object(event)).isEqualTo(api.get("/test-clock").json());
        assertThat(object(event)).isEqualTo(advanced.json());
        assertThat(event.get("createdAt").asString()).isEqualTo("2031-07-04T12:30:00Z");
        assertThat(event.get("request").get("id").asString()).isEqualTo(advanced.header("Request-Id"));
        assertThat(event.get("request").get("idempotencyKey").asString()).isEqualTo("jump");
    }

    @Test
    void anAdvanceThatRunsBillingOnTheWayRecordsOneEventAtItsEnd() {
        Api api = signUp();
        assertThat(api.post("/customers", Map.of("externalKey", "c")).status()).isEqualTo(201);
        String product = api.post("/products", Map.of("name", "Daily")).text("id");
        String price = api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "recurring",
                "recurring", Map.of("interval", "day"))).text("id");
        assertThat(api.post("/subscriptions", Map.of("customer", "c", "collectionMethod", "send_invoice", "daysUntilDue", 30,
                "items", List.of(Map.of("price", price)))).status()).isEqualTo(201);
        Instant to = Instant.parse(api.get("/test-clock").text("now")).plusSeconds(3 * 86_400 + 60);

        assertThat(api.post("/test-clock/advance", Map.of("to", to.toString())).status()).isEqualTo(200);

        JsonNode event = only(api, "test_clock.advanced");
        assertThat(event.get("createdAt").asString()).isEqualTo(to.toString());
        assertThat(object(event).get("now").asString()).isEqualTo(to.toString());
    }

    @Test
    void anAdvanceRefusedOrToTheCurrentTimeRecordsNothing() {
        Api api = signUp();
        api.post("/test-clock/advance", Map.of("to", "2033-01-01T00:00:00Z"));

        assertThat(api.post("/test-clock/advance", Map.of("to", "2032-12-31T23:59:59Z")).status()).isEqualTo(400);
        assertThat(api.post("/test-clock/advance", Map.of("to", "2033-01-01T00:00:00Z")).status()).isEqualTo(200);
        assertThat(api.post("/test-clock/advance", Map.of("to", "yesterday")).status()).isEqualTo(400);

        assertThat(ofType(api, "test_clock.advanced")).singleElement()
                .satisfies(event -> assertThat(event.get("createdAt").asString()).isEqualTo("2033-01-01T00:00:00Z"));
    }
}
