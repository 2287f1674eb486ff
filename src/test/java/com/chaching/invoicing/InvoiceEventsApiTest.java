package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.DECLINED_CARD;
import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** events.md: each change of an invoice records its event, with the invoice as its GET returned it then; a refused one records none. */
class InvoiceEventsApiTest extends ApiTest {

    @Test
    void creatingFinalizingAndPayingRecordEachAsTheInvoicesGetReturnedIt() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response draft = invoice(api, "c", 2500);
        String id = draft.text("id");
        JsonNode createdEvent = onlyEvent(api, "invoice.created");
        assertThat(createdEvent.get("data").get("object")).isEqualTo(api.get("/invoices/" + id).json());
        assertThat(createdEvent.get("data").get("previousAttributes").isNull()).isTrue();
        assertThat(createdEvent.get("request").get("id").asString()).isEqualTo(draft.header("Request-Id"));
        assertThat(createdEvent.get("createdAt").asString()).isEqualTo(draft.text("createdAt"));

        Response finalized = created(api.post("/invoices/" + id + "/finalize", Map.of()), 200);
        JsonNode finalizedEvent = onlyEvent(api, "invoice.finalized");
        assertThat(finalizedEvent.get("data").get("object")).isEqualTo(api.get("/invoices/" + id).json());
        assertThat(finalizedEvent.get("data").get("object").get("status").asString()).isEqualTo("open");
        assertThat(finalizedEvent.get("request").get("id").asString()).isEqualTo(finalized.header("Request-Id"));

        Response paid = created(api.send("PUT", "/invoices/" + id, null, Map.of("Idempotency-Key", "pay-" + id)), 200);
        JsonNode paidEvent = onlyEvent(api, "invoice.paid");
        assertThat(paidEvent.get("data").get("object")).isEqualTo(api.get("/invoices/" + id).json());
        assertThat(paidEvent.get("data").get("object").get("status").asString()).isEqualTo("paid");
        assertThat(paidEvent.get("request").get("id").asString()).isEqualTo(paid.header("Request-Id"));
        assertThat(paidEvent.get("request").get("idempotencyKey").asString()).isEqualTo("pay-" + id);

        assertThat(types(api, "invoice.*")).containsExactly("invoice.created", "invoice.finalized", "invoice.paid");
    }

    @Test
    void payingADraftFinalizesItFirstAndAnInvoiceWithNothingDueIsFinalizedAndPaidAtOnce() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String draft = invoice(api, "c", 900).text("id");
        created(api.send("PUT", "/invoices/" + draft, null, Map.of()), 200);
        assertThat(types(api, "invoice.*")).containsExactly("invoice.created", "invoice.finalized", "invoice.paid");
        assertThat(onlyEvent(api, "invoice.finalized").get("data").get("object").get("status").asString()).isEqualTo("open");

        String free = invoice(api, "c", 0).text("id");
        created(api.post("/invoices/" + free + "/finalize", Map.of()), 200);

        JsonNode freeInvoice = api.get("/invoices/" + free).json();
        List<JsonNode> freeEvents = eventsAbout(api, free);
        assertThat(freeEvents.stream().map(InvoiceEventsApiTest::type)).containsExactly("invoice.created", "invoice.finalized", "invoice.paid");
        // Finalized and paid in one step: both show it as written, paid.
        assertThat(freeEvents.get(1).get("data").get("object")).isEqualTo(freeInvoice);
        assertThat(freeEvents.get(2).get("data").get("object")).isEqualTo(freeInvoice);
    }

    @Test
    void aDeclinedOrImpossiblePaymentRecordsPaymentFailedAndVoidingRecordsVoided() {
        Api api = signUp();
        customerWithCard(api, "c", DECLINED_CARD);
        String id = invoice(api, "c", 2500).text("id");
        created(api.post("/invoices/" + id + "/finalize", Map.of()), 200);

        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).status()).isEqualTo(402);
        JsonNode failed = onlyEvent(api, "invoice.payment_failed");
        assertThat(failed.get("data").get("object")).isEqualTo(api.get("/invoices/" + id).json());
        assertThat(failed.get("data").get("object").get("attemptCount").asInt()).isEqualTo(1);

        created(api.delete("/invoices/" + id), 200);
        JsonNode voided = onlyEvent(api, "invoice.voided");
        assertThat(voided.get("data").get("object")).isEqualTo(api.get("/invoices/" + id).json());
        assertThat(voided.get("data").get("object").get("status").asString()).isEqualTo("void");

        created(api.post("/customers", Map.of("externalKey", "no-card")));
        String unpayable = invoice(api, "no-card", 700).text("id");
        Response noCard = api.send("PUT", "/invoices/" + unpayable, null, Map.of());
        assertThat(noCard.code()).isEqualTo("no_payment_method");
        // As Stripe: an attempt with nothing to charge failed too (the invoice was finalized on the way).
        assertThat(eventsAbout(api, unpayable).stream().map(InvoiceEventsApiTest::type))
                .containsExactly("invoice.created", "invoice.finalized", "invoice.payment_failed");
        assertThat(eventsAbout(api, unpayable).getLast().get("data").get("object")).isEqualTo(api.get("/invoices/" + unpayable).json());
    }

    @Test
    void aRefusedChangeRecordsNothing() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 2500).text("id");
        created(api.send("PUT", "/invoices/" + id, null, Map.of()), 200);
        List<String> before = types(api, "invoice.*");

        assertThat(api.post("/invoices/" + id + "/finalize", Map.of()).status()).isEqualTo(409);
        assertThat(api.delete("/invoices/" + id).status()).isEqualTo(409);
        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/invoices", Map.of("customer", "nobody", "currency", "usd",
                "lines", List.of(Map.of("description", "x", "unitAmount", 1)))).status()).isEqualTo(400);
        assertThat(api.post("/invoices/in_missing/finalize", Map.of()).status()).isEqualTo(404);

        assertThat(types(api, "invoice.*")).isEqualTo(before);
    }

    @Test
    void payingFromManyParallelRequestsRecordsOnePaid() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 2500).text("id");

        List<Response> responses = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.send("PUT", "/invoices/" + id, null, Map.of())))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(types(api, "invoice.*")).containsExactly("invoice.created", "invoice.finalized", "invoice.paid");
        assertThat(onlyEvent(api, "invoice.paid").get("data").get("object")).isEqualTo(api.get("/invoices/" + id).json());
    }

    private static JsonNode onlyEvent(Api api, String type) {
        List<JsonNode> events = events(api, "&type=" + type);
        assertThat(events).as(type).hasSize(1);
        return events.getFirst();
    }

    /** The events about one invoice, oldest first. */
    private static List<JsonNode> eventsAbout(Api api, String invoiceId) {
        return events(api, "&type=invoice.*").stream().filter(e -> e.get("data").get("object").get("id").asString().equals(invoiceId)).toList();
    }

    private static List<String> types(Api api, String type) {
        return events(api, "&type=" + type).stream().map(InvoiceEventsApiTest::type).toList();
    }

    private static String type(JsonNode event) {
        return event.get("type").asString();
    }

    /** The account's events (a test makes fewer than a page of them), oldest first. */
    private static List<JsonNode> events(Api api, String filter) {
        JsonNode page = api.get("/events?limit=100" + filter).json();
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        List<JsonNode> events = new ArrayList<>(page.get("data").valueStream().toList());
        Collections.reverse(events);
        return events;
    }
}
