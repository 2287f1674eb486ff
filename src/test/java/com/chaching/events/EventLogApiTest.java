package com.chaching.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** events.md "Events": a change that commits has its event, one that does not has none, and the log reads back. */
class EventLogApiTest extends ApiTest {

    @Test
    void creatingACustomerRecordsTheCustomerAsItsGetReturnsItWithTheRequest() {
        Api api = signUp();
        Response created = api.send("POST", "/customers", Map.of("externalKey", "ann", "name", "Ann"), Map.of("Idempotency-Key", "create-ann"));

        JsonNode event = onlyEvent(api, "customer.created");

        assertThat(event.get("id").asString()).startsWith("evt_");
        assertThat(event.get("object").asString()).isEqualTo("event");
        assertThat(event.get("livemode").asBoolean()).isFalse();
        assertThat(event.get("data").get("object")).isEqualTo(api.get("/customers/ann").json());
        assertThat(event.get("data").get("previousAttributes").isNull()).isTrue();
        assertThat(event.get("request").get("id").asString()).isEqualTo(created.header("Request-Id"));
        assertThat(event.get("request").get("idempotencyKey").asString()).isEqualTo("create-ann");
        assertThat(event.get("createdAt").asString()).isEqualTo(created.text("createdAt"));
        assertThat(api.get("/events/" + event.get("id").asString()).json()).isEqualTo(event);
    }

    @Test
    void anUpdateCarriesTheOldValuesOfWhatChangedAndAnUpdateThatChangesNothingRecordsNothing() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "bob", "name", "Bob", "email", "bob@example.com"));

        api.patch("/customers/bob", Map.of("name", "Robert", "metadata", Map.of("tier", "gold")));
        api.patch("/customers/bob", Map.of("name", "Robert"));

        JsonNode event = onlyEvent(api, "customer.updated");
        assertThat(event.get("data").get("object").get("name").asString()).isEqualTo("Robert");
        JsonNode previous = event.get("data").get("previousAttributes");
        assertThat(previous.propertyNames()).containsExactlyInAnyOrder("name", "metadata");
        assertThat(previous.get("name").asString()).isEqualTo("Bob");
        assertThat(previous.get("metadata").isEmpty()).isTrue();
    }

    @Test
    void aChangeThatFailsRecordsNoEvent() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "cy"));

        assertThat(api.post("/customers", Map.of("externalKey", "cy")).status()).isEqualTo(409);
        assertThat(api.patch("/customers/cy", Map.of("name", "Cy", "defaultPaymentMethod", "pm_notAttached")).status()).isEqualTo(400);

        assertThat(types(api.get("/events").json())).containsExactly("customer.created");
        assertThat(api.get("/customers/cy").text("name")).isNull();
    }

    @Test
    void aDeleteRecordsTheCustomerAsItWas() {
        Api api = signUp();
        Response customer = createCustomer(api, Map.of("externalKey", "dee", "name", "Dee"));

        api.delete("/customers/dee");

        assertThat(onlyEvent(api, "customer.deleted").get("data").get("object")).isEqualTo(customer.json());
    }

    @Test
    void theLogFiltersByTypeByPrefixAndByTimeNewestFirst() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "early"));
        api.post("/test-clock/advance", Map.of("to", "2031-01-01T00:00:00Z"));
        createCustomer(api, Map.of("externalKey", "late"));
        api.patch("/customers/late", Map.of("name", "Late"));

        assertThat(types(api.get("/events").json()))
                .containsExactly("customer.updated", "customer.created", "test_clock.advanced", "customer.created");
        assertThat(types(api.get("/events?type=customer.created").json())).containsExactly("customer.created", "customer.created");
        assertThat(types(api.get("/events?type=customer.*").json())).hasSize(3);
        assertThat(types(api.get("/events?type=invoice.*").json())).isEmpty();
        assertThat(types(api.get("/events?createdGte=2031-01-01T00:00:00Z").json()))
                .containsExactly("customer.updated", "customer.created", "test_clock.advanced");
        assertThat(types(api.get("/events?createdLt=2031-01-01T00:00:00Z").json())).containsExactly("customer.created");
        Response firstPage = api.get("/events?limit=2");
        assertThat(firstPage.json().get("hasMore").asBoolean()).isTrue();
        String last = firstPage.json().get("data").get(1).get("id").asString();
        assertThat(types(api.get("/events?startingAfter=" + last).json())).containsExactly("test_clock.advanced", "customer.created");
    }

    @Test
    void theUnderscoreOfAPrefixIsNotAWildcard() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "x"));

        assertThat(types(api.get("/events?type=customer_.*").json())).isEmpty();
        assertThat(types(api.get("/events?type=custome_.*").json())).isEmpty();
    }

    @Test
    void anotherAccountsEventsAreNotFound() {
        Api owner = signUp();
        createCustomer(owner, Map.of("externalKey", "mine"));
        String id = onlyEvent(owner, "customer.created").get("id").asString();
        Api other = signUp();

        Response read = other.get("/events/" + id);

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("resource_missing");
        assertThat(types(other.get("/events").json())).isEmpty();
    }

    @Test
    void aFilterThatIsNoTypeIsABadRequestNamingIt() {
        Api api = signUp();
        for (String bad : List.of("Customer.created", "customer.", "*", "customer.*.x", "a;drop table events", "x".repeat(101))) {
            Response response = api.get("/events?type=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.text("param")).as(bad).isEqualTo("type");
        }
        assertThat(api.get("/events?createdGte=yesterday").text("param")).isEqualTo("createdGte");
    }

    private static JsonNode onlyEvent(Api api, String type) {
        JsonNode events = api.get("/events?type=" + type).json().get("data");
        assertThat(events.size()).as(type).isEqualTo(1);
        return events.get(0);
    }

    private static List<String> types(JsonNode page) {
        return page.get("data").valueStream().map(event -> event.get("type").asString()).toList();
    }
}
