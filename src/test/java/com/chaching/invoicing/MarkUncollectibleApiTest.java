package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /invoices/{id}/mark-uncollectible}: open → uncollectible, with its one
 * invoice.marked_uncollectible event; anything else a 409 that changes nothing; another account's a 404.
 */
class MarkUncollectibleApiTest extends ApiTest {

    @Test
    void anOpenInvoiceBecomesUncollectibleWithItsEventOnceAndCanStillBePaid() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 2500).text("id");
        created(api.post("/invoices/" + id + "/finalize", Map.of()), 200);

        Response marked = created(api.post("/invoices/" + id + "/mark-uncollectible", Map.of()), 200);
        assertThat(marked.text("status")).isEqualTo("uncollectible");
        assertThat(marked.json()).isEqualTo(api.get("/invoices/" + id).json());
        assertThat(marked.json().get("amountRemaining").asLong()).isEqualTo(2500);

        List<JsonNode> events = events(api, "invoice.marked_uncollectible");
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("data").get("object")).isEqualTo(marked.json());
        assertThat(events.getFirst().get("request").get("id").asString()).isEqualTo(marked.header("Request-Id"));

        // billing.md: an uncollectible invoice can still be paid; marking it again is refused.
        Response again = api.post("/invoices/" + id + "/mark-uncollectible", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("invalid_state");
        assertThat(created(api.send("PUT", "/invoices/" + id, null, Map.of()), 200).text("status")).isEqualTo("paid");
        assertThat(events(api, "invoice.marked_uncollectible")).hasSize(1);
    }

    @Test
    void aDraftAPaidAndAVoidInvoiceAreRefusedWith409AndNothingChanges() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String draft = invoice(api, "c", 1000).text("id");
        String paid = invoice(api, "c", 1000).text("id");
        created(api.send("PUT", "/invoices/" + paid, null, Map.of()), 200);
        String voided = invoice(api, "c", 1000).text("id");
        created(api.delete("/invoices/" + voided), 200);

        for (String id : List.of(draft, paid, voided)) {
            JsonNode before = api.get("/invoices/" + id).json();
            Response refused = api.post("/invoices/" + id + "/mark-uncollectible", Map.of());
            assertThat(refused.status()).as(id).isEqualTo(409);
            assertThat(refused.code()).as(id).isEqualTo("invalid_state");
            assertThat(refused.text("detail")).as(id).contains(id).contains("cannot be marked uncollectible");
            assertThat(api.get("/invoices/" + id).json()).as(id).isEqualTo(before);
        }
        assertThat(events(api, "invoice.marked_uncollectible")).isEmpty();
    }

    @Test
    void anotherAccountsInvoiceIsNotFoundAndStaysOpen() {
        Api owner = signUp();
        customerWithCard(owner, "c", GOOD_CARD);
        String id = invoice(owner, "c", 1000).text("id");
        created(owner.post("/invoices/" + id + "/finalize", Map.of()), 200);
        Api other = signUp();

        Response response = other.post("/invoices/" + id + "/mark-uncollectible", Map.of());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("resource_missing");
        assertThat(other.post("/invoices/in_nothing/mark-uncollectible", Map.of()).status()).isEqualTo(404);
        assertThat(owner.get("/invoices/" + id).text("status")).isEqualTo("open");
        assertThat(events(owner, "invoice.marked_uncollectible")).isEmpty();
        assertThat(events(other, "invoice.marked_uncollectible")).isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheAnswerAndMarksOnce() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 1000).text("id");
        created(api.post("/invoices/" + id + "/finalize", Map.of()), 200);
        Map<String, String> key = Map.of("Idempotency-Key", "give-up-" + id);

        Response first = api.send("POST", "/invoices/" + id + "/mark-uncollectible", null, key);
        Response retry = api.send("POST", "/invoices/" + id + "/mark-uncollectible", null, key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        List<JsonNode> events = events(api, "invoice.marked_uncollectible");
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("request").get("idempotencyKey").asString()).isEqualTo("give-up-" + id);
    }

    /** The account's events of this type (a test makes fewer than a page of them). */
    private static List<JsonNode> events(Api api, String type) {
        JsonNode page = api.get("/events?limit=100&type=" + type).json();
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        return page.get("data").valueStream().toList();
    }
}
