package com.chaching.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** EventService.listForCustomer and listForSubscription: a customer's events, found by V26's index of the key each event names. */
class EventsByCustomerTest extends ApiTest {

    private static final String GOOD_CARD = "4242424242424242";
    private static final PageRequest ALL = new PageRequest(100, null, null);

    @Autowired
    EventService events;

    @Autowired
    TransactionTemplate inTransaction;

    @Test
    void aCustomersEventsAreItsOwnAndThoseOfItsCardsSubscriptionsInvoicesAndTransactionsNewestFirst() {
        Api api = signUp();
        String price = monthlyPrice(api, 1500);
        customerWithCard(api, "c", GOOD_CARD);
        String subscription = subscribe(api, "c", price);
        customerWithCard(api, "d", GOOD_CARD);
        String othersSubscription = subscribe(api, "d", price);
        Tenant tenant = new Tenant(api.accountId(), false);

        List<Event> found = events.listForCustomer(tenant, "c", ALL).data();

        assertThat(found).extracting(Event::type).contains("customer.created", "customer.updated", "payment_method.attached",
                "subscription.created", "subscription.updated", "invoice.created", "invoice.finalized", "invoice.paid",
                "transaction.succeeded");
        assertThat(found).extracting(Event::type).doesNotContain("product.created", "price.created");
        // Every one is c's, and all of c's events the log holds are there, newest first.
        List<String> everyOfC = events.list(tenant, new EventFilter(null, null, null), ALL).data().stream()
                .filter(event -> "c".equals(customerOf(event))).map(Event::id).toList();
        assertThat(found).extracting(Event::id).containsExactlyElementsOf(everyOfC);
        assertThat(found).extracting(EventsByCustomerTest::customerOf).containsOnly("c");
        assertThat(found).extracting(event -> objectField(event, "id")).doesNotContain(othersSubscription);
        assertThat(subscription).isNotEqualTo(othersSubscription);
        // The key the service wrote with each event is the one its JSON names (V20's rule, which V26 replaced).
        assertThat(jdbc.sql("""
                        select count(*) from events where account_id = :a and customer_key is distinct from
                               (case when type like 'customer.%' then data -> 'object' ->> 'externalKey' else data -> 'object' ->> 'customer' end)
                        """).param("a", api.accountId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from events where account_id = :a and customer_key is null").param("a", api.accountId())
                .query(Long.class).single()).as("the product's and price's events belong to no customer").isEqualTo(2);
        // The key is the event log's own: not a field of the objects the API shows, in events or answers.
        assertThat(found).allSatisfy(event -> assertThat(((Map<?, ?>) event.data().object()).containsKey("customerKey")).isFalse());
        assertThat(api.get("/customers/c").json().has("customerKey")).isFalse();
        assertThat(api.get("/subscriptions/" + subscription).json().has("customerKey")).isFalse();
    }

    @Test
    void anotherAccountsEventsNeverAppearEvenForTheSameCustomerKey() {
        Api mine = signUp();
        Api theirs = signUp();
        customerWithCard(mine, "same-key", GOOD_CARD);
        customerWithCard(theirs, "same-key", GOOD_CARD);
        subscribe(theirs, "same-key", monthlyPrice(theirs, 900));

        List<Event> found = events.listForCustomer(new Tenant(mine.accountId(), false), "same-key", ALL).data();

        assertThat(found).extracting(Event::type).containsExactly("customer.updated", "payment_method.attached", "customer.created");
        assertThat(found).extracting(Event::type).doesNotContain("subscription.created");
        assertThat(events.listForCustomer(new Tenant(mine.accountId(), false), "no-such-customer", ALL).data()).isEmpty();
    }

    @Test
    void aSubscriptionsEventsAreOnlyItsOwnSubscriptionEvents() {
        Api api = signUp();
        String price = monthlyPrice(api, 2000);
        customerWithCard(api, "c", GOOD_CARD);
        String first = subscribe(api, "c", price);
        String second = subscribe(api, "c", monthlyPrice(api, 3000));
        ok(api.post("/subscriptions/" + first + "/pause", Map.of()), 200);
        ok(api.post("/subscriptions/" + first + "/resume", Map.of()), 200);
        Tenant tenant = new Tenant(api.accountId(), false);

        List<Event> found = events.listForSubscription(tenant, "c", first, ALL).data();

        assertThat(found).extracting(Event::type).startsWith("subscription.resumed", "subscription.updated", "subscription.paused", "subscription.updated")
                .endsWith("subscription.created");
        assertThat(found).extracting(event -> objectField(event, "id")).containsOnly(first);
        assertThat(events.listForSubscription(tenant, "c", second, ALL).data()).extracting(event -> objectField(event, "id"))
                .containsOnly(second);
        // Another customer's key finds nothing of this subscription.
        assertThat(events.listForSubscription(tenant, "d", first, ALL).data()).isEmpty();
    }

    @Test
    void theCustomersEventsComePageByPageWithoutRepeatsOrGaps() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        subscribe(api, "c", monthlyPrice(api, 500));
        Tenant tenant = new Tenant(api.accountId(), false);
        List<String> all = events.listForCustomer(tenant, "c", ALL).data().stream().map(Event::id).toList();

        Page<Event> first = events.listForCustomer(tenant, "c", new PageRequest(3, null, null));
        Page<Event> second = events.listForCustomer(tenant, "c", new PageRequest(3, first.data().getLast().id(), null));

        assertThat(first.hasMore()).isTrue();
        assertThat(first.data()).extracting(Event::id).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(second.data()).extracting(Event::id).containsExactlyElementsOf(all.subList(3, Math.min(6, all.size())));
    }

    @Test
    void theCustomersEventsAreFoundThroughTheIndexNotAScanOfTheAccount() {
        String plan = inTransaction.execute(status -> {
            // Tiny test tables would be scanned whatever the indexes; this asks which index serves the query.
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("""
                    explain select * from events where account_id = 'acct_x' and customer_key = 'c'
                    order by seq desc limit 11""").query(String.class).list());
        });
        assertThat(plan).contains("events_by_customer");
    }

    private static String customerOf(Event event) {
        return event.type().startsWith("customer.") ? objectField(event, "externalKey") : objectField(event, "customer");
    }

    private static String objectField(Event event, String field) {
        Object value = ((Map<?, ?>) event.data().object()).get(field);
        return value == null ? null : value.toString();
    }

    private static Response ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static void customerWithCard(Api api, String key, String number) {
        ok(api.post("/customers", Map.of("externalKey", key)), 201);
        String pm = ok(api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", number, "expMonth", 12, "expYear", 2045, "cvc", "123"))), 201).text("id");
        ok(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", key)), 200);
        ok(api.patch("/customers/" + key, Map.of("defaultPaymentMethod", pm)), 200);
    }

    private static String monthlyPrice(Api api, long amount) {
        String product = ok(api.post("/products", Map.of("name", "Plan " + amount)), 201).text("id");
        return ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", amount, "type", "recurring",
                "recurring", Map.of("interval", "month"))), 201).text("id");
    }

    private static String subscribe(Api api, String customer, String price) {
        return ok(api.post("/subscriptions", Map.of("customer", customer, "items", List.of(Map.of("price", price)))), 201).text("id");
    }
}
