package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.DECLINED_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.cardFor;
import static com.chaching.subscriptions.SubscriptionsApiTest.customerWithCard;
import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * events.md: each change of a subscription records one event, with the subscription as its GET returned it
 * then — its own type for a pause, a resumption, a cancellation and past_due, subscription.updated with the
 * old values for any other — and the engine's work records its events (and its invoices') at the account
 * clock's instant it ran at, once however many engines run it.
 */
class SubscriptionEventsApiTest extends ApiTest {

    @Autowired
    SubscriptionEngine engine;

    @Autowired
    AccountClock clocks;

    @Autowired
    TransactionTemplate inTransaction;

    @Test
    void creatingRecordsCreatedAndItsFirstPaymentAnUpdate() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response created = subscribe(api, monthlyPrice(api, 3000));
        String id = created.text("id");

        List<JsonNode> events = eventsAbout(api, id);
        assertThat(types(events)).containsExactly("subscription.created", "subscription.updated");
        JsonNode subscription = api.get("/subscriptions/" + id).json();
        JsonNode createdObject = events.get(0).get("data").get("object");
        assertThat(createdObject.get("status").asString()).isEqualTo("incomplete");
        assertThat(((ObjectNode) createdObject.deepCopy()).put("status", "active")).isEqualTo(subscription);
        assertThat(events.get(0).get("request").get("id").asString()).isEqualTo(created.header("Request-Id"));
        assertThat(events.get(1).get("data").get("object")).isEqualTo(subscription);
        assertThat(fields(events.get(1).get("data").get("previousAttributes"))).isEqualTo(Map.of("status", "incomplete"));
        assertThat(types(eventsAbout(api, created.text("latestInvoice")))).containsExactly("invoice.created", "invoice.finalized", "invoice.paid");

        String trial = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", monthlyPrice(api, 500))),
                "trialPeriodDays", 14)), 201).text("id");
        assertThat(types(eventsAbout(api, trial))).containsExactly("subscription.created");
        assertThat(eventsAbout(api, trial).getFirst().get("data").get("object")).isEqualTo(api.get("/subscriptions/" + trial).json());
    }

    @Test
    void eachChangeRecordsAnUpdateWithWhatChangedAndAStatusChangeItsOwnTypeToo() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = subscribe(api, monthlyPrice(api, 3000)).text("id");
        String item = api.get("/subscriptions/" + id).json().get("items").get("data").get(0).get("id").asString();
        int seen = eventsAbout(api, id).size();

        ok(api.patch("/subscriptions/" + id, Map.of("metadata", Map.of("plan", "gold"))), 200);
        ok(api.patch("/subscriptions/" + id, Map.of("metadata", Map.of("plan", "gold"))), 200);
        ok(api.patch("/subscriptions/" + id, Map.of("items", List.of(Map.of("id", item, "quantity", 2)), "prorationBehavior", "none")), 200);
        ok(api.send("DELETE", "/subscriptions/" + id + "?atPeriodEnd=true", null, Map.of()), 200);
        ok(api.post("/subscriptions/" + id + "/pause", Map.of()), 200);
        JsonNode paused = api.get("/subscriptions/" + id).json();
        ok(api.post("/subscriptions/" + id + "/resume", Map.of()), 200);
        JsonNode resumed = api.get("/subscriptions/" + id).json();
        ok(api.delete("/subscriptions/" + id), 200);

        List<JsonNode> events = eventsAbout(api, id).subList(seen, eventsAbout(api, id).size());
        assertThat(types(events)).as("the second, unchanged metadata records nothing").containsExactly("subscription.updated",
                "subscription.updated", "subscription.updated", "subscription.updated", "subscription.paused", "subscription.updated",
                "subscription.resumed", "subscription.updated", "subscription.canceled");
        assertThat(fields(events.get(0).get("data").get("previousAttributes"))).isEqualTo(Map.of("metadata", Map.of()));
        assertThat(fields(events.get(1).get("data").get("previousAttributes")).keySet()).containsExactly("items");
        assertThat(events.get(1).get("data").get("object").get("items").get("data").get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(fields(events.get(2).get("data").get("previousAttributes"))).isEqualTo(Map.of("cancelAtPeriodEnd", false));
        assertThat(fields(events.get(3).get("data").get("previousAttributes"))).containsEntry("status", "active");
        assertThat(events.get(4).get("data").get("object")).isEqualTo(paused).isEqualTo(events.get(3).get("data").get("object"));
        assertThat(fields(events.get(5).get("data").get("previousAttributes"))).containsEntry("status", "paused");
        assertThat(events.get(6).get("data").get("object")).isEqualTo(resumed);
        assertThat(fields(events.get(7).get("data").get("previousAttributes"))).containsEntry("status", "active");
        assertThat(events.get(8).get("data").get("object")).isEqualTo(api.get("/subscriptions/" + id).json());
        for (JsonNode event : List.of(events.get(4), events.get(6), events.get(8))) {
            assertThat(event.get("data").get("previousAttributes").isNull()).as(type(event)).isTrue();
        }
    }

    @Test
    void aRefusedChangeRecordsNothing() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 3000);
        String id = subscribe(api, price).text("id");
        List<JsonNode> before = events(api, "");

        assertThat(api.post("/subscriptions/" + id + "/resume", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", "price_missing")))).status()).isEqualTo(400);
        assertThat(api.patch("/subscriptions/" + id, Map.of("items", List.of(Map.of("id", "si_missing", "quantity", 2)))).status()).isEqualTo(400);
        assertThat(api.post("/subscriptions/" + id + "/pause", Map.of("resumesAt", "2001-01-01T00:00:00Z")).status()).isEqualTo(400);
        ok(api.delete("/subscriptions/" + id), 200);
        List<JsonNode> canceled = events(api, "");
        assertThat(api.delete("/subscriptions/" + id).status()).isEqualTo(409);
        assertThat(api.patch("/subscriptions/" + id, Map.of("metadata", Map.of("a", "b"))).status()).isEqualTo(409);

        assertThat(canceled.subList(0, before.size())).isEqualTo(before);
        assertThat(types(canceled.subList(before.size(), canceled.size()))).containsExactly("subscription.updated", "subscription.canceled");
        assertThat(events(api, "")).isEqualTo(canceled);
    }

    @Test
    void anAdvanceThroughARenewalAndAFailedOneRecordsTheEnginesWorkAtTheClocksInstants() {
        Api api = signUp();
        ok(api.patch("/account", Map.of("retrySchedule", List.of(1))), 200);
        customerWithCard(api, "c", GOOD_CARD);
        String id = subscribe(api, monthlyPrice(api, 3000)).text("id");
        Instant renewal = Instant.parse(api.get("/subscriptions/" + id).text("currentPeriodEnd"));

        advanceTo(api, renewal.plus(Duration.ofHours(1)));

        List<JsonNode> renewed = billingEventsFrom(api, renewal);
        assertThat(types(renewed)).containsExactly("subscription.updated", "invoice.created", "invoice.finalized", "invoice.paid");
        assertAllAt(renewed, renewal);
        assertThat(fields(renewed.getFirst().get("data").get("previousAttributes")).keySet())
                .containsExactlyInAnyOrder("currentPeriodStart", "currentPeriodEnd", "latestInvoice");
        assertThat(renewed.get(1).get("data").get("object").get("billingReason").asString()).isEqualTo("subscription_cycle");
        assertNewestEventOfEachIsItsGet(api, renewed);

        api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD)));
        Instant failedRenewal = Instant.parse(api.get("/subscriptions/" + id).text("currentPeriodEnd"));
        advanceTo(api, failedRenewal.plus(Duration.ofHours(1)));

        List<JsonNode> failed = billingEventsFrom(api, failedRenewal);
        assertThat(types(failed)).containsExactly("subscription.updated", "invoice.created", "invoice.finalized", "invoice.payment_failed",
                "subscription.updated", "subscription.past_due", "invoice.updated");
        assertAllAt(failed, failedRenewal);
        Instant retry = failedRenewal.plus(Duration.ofDays(1));
        assertThat(fields(failed.getLast().get("data").get("previousAttributes"))).containsOnlyKeys("nextPaymentAttempt")
                .containsEntry("nextPaymentAttempt", null);
        assertThat(failed.getLast().get("data").get("object").get("nextPaymentAttempt").asString()).isEqualTo(retry.toString());
        assertNewestEventOfEachIsItsGet(api, failed);

        advanceTo(api, retry.plus(Duration.ofHours(1)));

        List<JsonNode> gaveUp = billingEventsFrom(api, retry);
        assertThat(types(gaveUp)).containsExactly("invoice.payment_failed", "subscription.updated", "subscription.canceled",
                "invoice.marked_uncollectible");
        assertAllAt(gaveUp, retry);
        assertThat(gaveUp.getFirst().get("data").get("object").get("attemptCount").asInt()).isEqualTo(2);
        assertNewestEventOfEachIsItsGet(api, gaveUp);
    }

    @Test
    void aRenewalRunByTwoEnginesAndAnAdvanceAtOnceRecordsOneSetOfEvents() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 1200);
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> subscribe(api, price).text("id")).toList();
        Instant renewal = Instant.parse(api.get("/subscriptions/" + ids.getFirst()).text("currentPeriodEnd"));
        // The clock passes the renewals without running them: the engines and an advance find them due together.
        inTransaction.executeWithoutResult(status -> clocks.advance(tenant, renewal.plusSeconds(1)));

        List<CompletableFuture<?>> racers = new ArrayList<>();
        racers.add(CompletableFuture.runAsync(() -> advanceTo(api, renewal.plus(Duration.ofHours(1)))));
        IntStream.range(0, 2).forEach(i -> racers.add(CompletableFuture.runAsync(this::runEngineUntilIdle)));
        racers.forEach(CompletableFuture::join);

        for (String id : ids) {
            List<JsonNode> renewals = eventsAbout(api, id).stream().filter(e -> type(e).equals("subscription.updated")
                    && e.get("data").get("previousAttributes").has("currentPeriodEnd")).toList();
            assertThat(renewals).as(id).hasSize(1);
            String renewalInvoice = api.get("/subscriptions/" + id).text("latestInvoice");
            assertThat(types(eventsAbout(api, renewalInvoice))).as(id).containsExactly("invoice.created", "invoice.finalized", "invoice.paid");
        }
        assertThat(events(api, "&type=invoice.paid")).hasSize(2 * ids.size());
    }

    @Test
    void theTrialsEndIsAnnouncedThreeDaysBeforeItOnceAndAShortTrialsAtOnce() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 3000);
        Response trial = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)), "trialPeriodDays", 14)), 201);
        String id = trial.text("id");
        Instant trialEnd = Instant.parse(trial.text("trialEnd"));
        Instant announced = trialEnd.minus(Duration.ofDays(3));

        advanceTo(api, announced.minusSeconds(1));
        assertThat(events(api, "&type=subscription.trial_will_end")).isEmpty();
        advanceTo(api, trialEnd.minus(Duration.ofDays(1)));
        List<JsonNode> told = events(api, "&type=subscription.trial_will_end");
        assertThat(told).hasSize(1);
        assertThat(told.getFirst().get("createdAt").asString()).isEqualTo(announced.toString());
        assertThat(told.getFirst().get("data").get("object")).isEqualTo(api.get("/subscriptions/" + id).json());
        assertThat(told.getFirst().get("data").get("object").get("status").asString()).isEqualTo("trialing");
        assertThat(told.getFirst().get("request").get("id").isNull()).isTrue();

        advanceTo(api, trialEnd.plus(Duration.ofDays(1)));
        assertThat(events(api, "&type=subscription.trial_will_end")).hasSize(1);
        List<JsonNode> ended = billingEventsFrom(api, trialEnd);
        assertThat(types(ended)).containsExactly("subscription.updated", "invoice.created", "invoice.finalized", "invoice.paid");
        assertAllAt(ended, trialEnd);
        assertThat(fields(ended.getFirst().get("data").get("previousAttributes"))).containsEntry("status", "trialing");

        Response shortTrial = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)),
                "trialPeriodDays", 2)), 201);
        List<JsonNode> shortEvents = eventsAbout(api, shortTrial.text("id"));
        assertThat(types(shortEvents)).containsExactly("subscription.created", "subscription.trial_will_end");
        assertThat(shortEvents.getLast().get("createdAt").asString()).isEqualTo(shortTrial.text("createdAt"));
        assertThat(shortEvents.getLast().get("request").get("id").asString()).isEqualTo(shortTrial.header("Request-Id"));
        assertThat(shortEvents.getLast().get("data").get("object")).isEqualTo(shortTrial.json());
    }

    @Test
    void aTrialEndedEarlyByAChangeOfIntervalIsAnnouncedThen() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response trial = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", monthlyPrice(api, 3000))),
                "trialPeriodDays", 30)), 201);
        String product = ok(api.post("/products", Map.of("name", "Yearly")), 201).text("id");
        String yearly = ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 30000, "type", "recurring",
                "recurring", Map.of("interval", "year"))), 201).text("id");
        String item = trial.json().get("items").get("data").get(0).get("id").asString();

        Response changed = ok(api.patch("/subscriptions/" + trial.text("id"), Map.of("items", List.of(Map.of("id", item, "price", yearly)))), 200);

        List<JsonNode> events = eventsAbout(api, trial.text("id"));
        assertThat(types(events)).containsExactly("subscription.created", "subscription.updated", "subscription.trial_will_end");
        assertThat(fields(events.get(1).get("data").get("previousAttributes"))).containsEntry("status", "trialing");
        assertThat(events.getLast().get("data").get("object")).isEqualTo(api.get("/subscriptions/" + trial.text("id")).json());
        assertThat(events.getLast().get("data").get("object").get("trialEnd").asString()).isEqualTo(changed.text("updatedAt"));
    }

    @Test
    void detachingItsDefaultCardUpdatesItAndDeletingItsCustomerCancelsIt() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String card = cardFor(api, "c", GOOD_CARD);
        String id = ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", monthlyPrice(api, 3000))),
                "defaultPaymentMethod", card)), 201).text("id");

        ok(api.post("/payment-methods/" + card + "/detach", Map.of()), 200);
        JsonNode updated = eventsAbout(api, id).getLast();
        assertThat(type(updated)).isEqualTo("subscription.updated");
        assertThat(fields(updated.get("data").get("previousAttributes"))).isEqualTo(Map.of("defaultPaymentMethod", card));
        assertThat(updated.get("data").get("object")).isEqualTo(api.get("/subscriptions/" + id).json());

        ok(api.delete("/customers/c"), 200);
        JsonNode canceled = eventsAbout(api, id).getLast();
        assertThat(type(canceled)).isEqualTo("subscription.canceled");
        assertThat(canceled.get("data").get("object")).isEqualTo(api.get("/subscriptions/" + id).json());
    }

    private static Response subscribe(Api api, String price) {
        return ok(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201);
    }

    private static void advanceTo(Api api, Instant to) {
        ok(api.post("/test-clock/advance", Map.of("to", to.toString())), 200);
    }

    private void runEngineUntilIdle() {
        for (int round = 0; round < 20 && engine.runDueWorkEverywhere() > 0; round++) {
            // Another pass: the work it did may have made more due.
        }
    }

    /** Each event was recorded at {@code at} on the account's clock, by the engine (no request). */
    private static void assertAllAt(List<JsonNode> events, Instant at) {
        for (JsonNode event : events) {
            assertThat(event.get("createdAt").asString()).as(type(event)).isEqualTo(at.toString());
            assertThat(event.get("request").get("id").isNull()).as(type(event)).isTrue();
            assertThat(event.get("request").get("idempotencyKey").isNull()).as(type(event)).isTrue();
        }
    }

    /** The last event about each invoice and subscription among {@code events} shows it as its GET does now. */
    private static void assertNewestEventOfEachIsItsGet(Api api, List<JsonNode> events) {
        Map<String, JsonNode> newest = new LinkedHashMap<>();
        events.forEach(event -> newest.put(event.get("data").get("object").get("id").asString(), event));
        newest.forEach((id, event) -> assertThat(event.get("data").get("object")).as(type(event))
                .isEqualTo(api.get((id.startsWith("sub_") ? "/subscriptions/" : "/invoices/") + id).json()));
    }

    /** The invoice and subscription events at or after {@code from}, oldest first. */
    private static List<JsonNode> billingEventsFrom(Api api, Instant from) {
        return events(api, "&createdGte=" + from).stream()
                .filter(event -> type(event).startsWith("invoice.") || type(event).startsWith("subscription.")).toList();
    }

    /** The events about one object (a subscription or an invoice), oldest first. */
    private static List<JsonNode> eventsAbout(Api api, String objectId) {
        return events(api, "").stream().filter(event -> objectId.equals(event.get("data").get("object").path("id").asString())).toList();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(SubscriptionEventsApiTest::type).toList();
    }

    private static String type(JsonNode event) {
        return event.get("type").asString();
    }

    private static Map<String, Object> fields(JsonNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        node.properties().forEach(field -> fields.put(field.getKey(), value(field.getValue())));
        return fields;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return fields(node);
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNumber() ? node.numberValue() : node.isString() ? node.asString() : node;
    }

    /** The account's events (a test makes fewer than two pages of them), oldest first. */
    private static List<JsonNode> events(Api api, String filter) {
        List<JsonNode> events = new ArrayList<>();
        String after = "";
        for (int page = 0; page < 3; page++) {
            JsonNode list = api.get("/events?limit=100" + filter + after).json();
            list.get("data").valueStream().forEach(events::add);
            if (!list.get("hasMore").asBoolean()) {
                Collections.reverse(events);
                return events;
            }
            after = "&startingAfter=" + events.getLast().get("id").asString();
        }
        throw new AssertionError("more events than expected");
    }
}
