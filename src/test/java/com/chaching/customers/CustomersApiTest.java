package com.chaching.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomersApiTest extends ApiTest {

    @Test
    void creatingACustomerReturnsEveryFieldAndItCanBeReadBackByItsExternalKey() {
        Api api = signUp();
        Response created = api.post("/customers", Map.of(
                "externalKey", "user-42",
                "name", "Ada Lovelace",
                "email", "ada@example.test",
                "phone", "+44 20 7946 0000",
                "address", Map.of("line1", "12 St James's Square", "city", "London", "postalCode", "SW1Y 4JH", "country", "GB"),
                "metadata", Map.of("plan", "gold")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode customer = created.json();
        assertThat(customer.get("id").asString()).startsWith("cus_");
        assertThat(customer.get("object").asString()).isEqualTo("customer");
        assertThat(customer.get("externalKey").asString()).isEqualTo("user-42");
        assertThat(customer.get("address").get("country").asString()).isEqualTo("GB");
        assertThat(customer.get("metadata").get("plan").asString()).isEqualTo("gold");
        assertThat(customer.get("balance").asLong()).isZero();
        assertThat(customer.get("defaultPaymentMethod").isNull()).isTrue();
        assertThat(customer.get("createdAt").asString()).isEqualTo(api.get("/test-clock").text("now"));

        Response read = api.get("/customers/user-42");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(customer);
    }

    @Test
    void withoutAnExternalKeyTheIdIsTheKey() {
        Api api = signUp();
        Response created = createCustomer(api, Map.of("name", "No Key"));

        assertThat(created.text("externalKey")).isEqualTo(created.text("id"));
        assertThat(api.get("/customers/" + created.text("id")).status()).isEqualTo(200);
    }

    @Test
    void aCustomerAddressedByItsIdIsNotFoundWithAHintAtItsExternalKey() {
        Api owner = signUp();
        Api other = signUp();
        String id = createCustomer(owner, Map.of("externalKey", "ann", "name", "Ann")).text("id");
        String hint = "addressed by their externalKey, not by their id";

        for (Response response : List.of(owner.get("/customers/" + id), owner.patch("/customers/" + id, Map.of("name", "Changed")),
                owner.delete("/customers/" + id), owner.get("/customers/" + id + "/payment-methods"),
                owner.get("/customers/" + id + "/payment-methods/pm_nope"), owner.get("/customers/cus_neverExisted"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("resource_missing");
            assertThat(response.text("detail")).as(response.toString()).contains(hint);
        }
        // The hint depends on the key's shape only: another account's customer is answered exactly as a missing one.
        Response foreign = other.get("/customers/" + id);
        Response missing = other.get("/customers/cus_neverExisted");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("detail")).isEqualTo(missing.text("detail").replace("cus_neverExisted", id));
        // A key that does not look like an id gets no hint.
        assertThat(owner.get("/customers/bob").text("detail")).isEqualTo("No such customer: 'bob'.");
        assertThat(owner.get("/customers/ann").json().get("name").asString()).isEqualTo("Ann");
    }

    @Test
    void aTakenExternalKeyIsAConflictEvenAfterItsCustomerWasDeleted() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "dup"));

        Response again = api.post("/customers", Map.of("externalKey", "dup"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("resource_already_exists");
        assertThat(again.text("param")).isEqualTo("externalKey");

        assertThat(api.delete("/customers/dup").status()).isEqualTo(200);
        assertThat(api.post("/customers", Map.of("externalKey", "dup")).status()).isEqualTo(409);
    }

    @Test
    void twoAccountsMayUseTheSameExternalKey() {
        createCustomer(signUp(), Map.of("externalKey", "shared-key"));
        createCustomer(signUp(), Map.of("externalKey", "shared-key"));
    }

    @Test
    void eachInvalidFieldIsNamedAndNothingIsStored() {
        Api api = signUp();
        Map<String, Object> bad = new HashMap<>();
        bad.put("externalKey", "has space");
        bad.put("email", "not-an-email");
        bad.put("name", "x".repeat(257));
        bad.put("phone", "1".repeat(41));
        bad.put("address", Map.of("country", "XX"));
        Response response = api.post("/customers", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("parameter_invalid");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("param").asString()).toList())
                .containsExactlyInAnyOrder("externalKey", "email", "name", "phone", "address.country");
        assertThat(api.get("/customers").json().get("data").size()).isZero();
    }

    @Test
    void theExternalKeySearchIsReserved() {
        Response response = signUp().post("/customers", Map.of("externalKey", "search"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("param")).isEqualTo("externalKey");
    }

    @Test
    void metadataBeyondItsLimitsIsRefused() {
        Api api = signUp();
        Map<String, String> tooMany = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> tooMany.put("k" + i, "v"));

        for (Map<String, String> metadata : List.of(tooMany, Map.of("k".repeat(41), "v"), Map.of("k", "v".repeat(501)))) {
            Response response = api.post("/customers", Map.of("metadata", metadata));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("param")).isEqualTo("metadata");
        }
        Map<String, String> fifty = new HashMap<>();
        IntStream.range(0, 50).forEach(i -> fifty.put("k" + i, "v".repeat(500)));
        assertThat(api.post("/customers", Map.of("metadata", fifty)).status()).isEqualTo(201);
    }

    @Test
    void anotherAccountsCustomerIsNotFoundAndStaysUntouched() {
        Api owner = signUp();
        Api other = signUp();
        Response created = createCustomer(owner, Map.of("externalKey", "mine", "name", "Original"));

        assertThat(other.get("/customers/mine").status()).isEqualTo(404);
        assertThat(other.patch("/customers/mine", Map.of("name", "Stolen")).status()).isEqualTo(404);
        assertThat(other.delete("/customers/mine").status()).isEqualTo(404);
        assertThat(other.get("/customers").json().get("data").size()).isZero();
        assertThat(other.get("/customers/search?query=Original").json().get("data").size()).isZero();
        assertThat(other.get("/customers?startingAfter=" + created.text("id")).status()).isEqualTo(400);

        assertThat(owner.get("/customers/mine").json()).isEqualTo(created.json());
    }

    @Test
    void updatingChangesOnlyTheFieldsSentAndEmptyStringClears() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "u", "name", "Before", "email", "b@example.test", "phone", "123",
                "metadata", Map.of("keep", "1", "drop", "2")));

        Response updated = api.patch("/customers/u", Map.of("name", "After", "phone", "",
                "metadata", Map.of("drop", "", "add", "3")));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo("After");
        assertThat(updated.text("email")).isEqualTo("b@example.test");
        assertThat(updated.text("phone")).isNull();
        assertThat(updated.json().get("metadata").propertyNames()).containsExactlyInAnyOrder("keep", "add");
        assertThat(api.get("/customers/u").json()).isEqualTo(updated.json());
    }

    @Test
    void anAddressIsReplacedWholeAndAnEmptyOneClearsIt() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "a", "address", Map.of("line1", "1 Main St", "country", "US")));

        Response replaced = api.patch("/customers/a", Map.of("address", Map.of("city", "Berlin", "country", "DE")));
        assertThat(replaced.text("address.line1")).isNull();
        assertThat(replaced.text("address.city")).isEqualTo("Berlin");

        Response lineCleared = api.patch("/customers/a", Map.of("address", Map.of("line1", "", "city", "Berlin", "country", "DE")));
        assertThat(lineCleared.json().get("address").get("line1").isNull()).isTrue();

        Response cleared = api.patch("/customers/a", Map.of("address", Map.of()));
        assertThat(cleared.json().get("address").isNull()).isTrue();
        Response allEmpty = api.patch("/customers/a", Map.of("address", Map.of("line1", "", "country", "")));
        assertThat(allEmpty.json().get("address").isNull()).isTrue();
    }

    @Test
    void theExternalKeyCannotChange() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "fixed"));

        Response response = api.patch("/customers/fixed", Map.of("externalKey", "moved"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("parameter_immutable");
        assertThat(response.text("param")).isEqualTo("externalKey");
        assertThat(api.get("/customers/fixed").status()).isEqualTo(200);
        assertThat(api.patch("/customers/fixed", Map.of("externalKey", "fixed")).status()).isEqualTo(200);
    }

    @Test
    void anUpdateThatWouldPassFiftyMetadataKeysIsRefused() {
        Api api = signUp();
        Map<String, String> fifty = new HashMap<>();
        IntStream.range(0, 50).forEach(i -> fifty.put("k" + i, "v"));
        createCustomer(api, Map.of("externalKey", "full", "metadata", fifty));

        Response response = api.patch("/customers/full", Map.of("metadata", Map.of("one-more", "v")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("param")).isEqualTo("metadata");
        assertThat(api.get("/customers/full").json().get("metadata").size()).isEqualTo(50);
    }

    @Test
    void aDeletedCustomerDisappearsFromTheApi() {
        Api api = signUp();
        Response created = createCustomer(api, Map.of("externalKey", "gone", "name", "Gone Person"));

        Response deleted = api.delete("/customers/gone");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.text("id")).isEqualTo(created.text("id"));
        assertThat(api.get("/customers/gone").status()).isEqualTo(404);
        assertThat(api.patch("/customers/gone", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api.delete("/customers/gone").status()).isEqualTo(404);
        assertThat(api.get("/customers").json().get("data").size()).isZero();
        assertThat(api.get("/customers/search?query=Gone").json().get("data").size()).isZero();
    }

    @Test
    void listFiltersByEmailAndCreationTime() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "early", "email", "Same@Example.test"));
        String middle = api.get("/test-clock").text("now");
        api.post("/test-clock/advance", Map.of("to", "2030-01-01T00:00:00Z"));
        createCustomer(api, Map.of("externalKey", "late", "email", "other@example.test"));

        assertThat(keys(api.get("/customers?email=same@example.TEST"))).containsExactly("early");
        assertThat(keys(api.get("/customers?createdGte=2030-01-01T00:00:00Z"))).containsExactly("late");
        assertThat(keys(api.get("/customers?createdLt=2030-01-01T00:00:00Z"))).containsExactly("early");
        assertThat(keys(api.get("/customers?createdGte=" + middle))).containsExactly("late", "early");
        assertThat(api.get("/customers?createdGte=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/customers?createdLt=1800000000000").text("param")).isEqualTo("createdLt");
        assertThat(keys(api.get("/customers?email="))).containsExactly("late", "early");
    }

    @Test
    void searchFindsTextAnywhereInNameOrEmailIgnoringCase() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "grace", "name", "Grace Hopper", "email", "amazing@navy.test"));
        createCustomer(api, Map.of("externalKey", "alan", "name", "Alan Turing", "email", "alan@bletchley.test"));
        createCustomer(api, Map.of("externalKey", "pct", "name", "100% Real", "email", "under_score@x.test"));

        assertThat(keys(api.get("/customers/search?query=HOPP"))).containsExactly("grace");
        assertThat(keys(api.get("/customers/search?query=navy"))).containsExactly("grace");
        assertThat(keys(api.get("/customers/search?query=a"))).containsExactlyInAnyOrder("grace", "alan", "pct");
        assertThat(keys(api.get("/customers/search?query=%25"))).containsExactly("pct");
        assertThat(keys(api.get("/customers/search?query=d_r"))).isEmpty();
        assertThat(keys(api.get("/customers/search?query=under_"))).containsExactly("pct");
        assertThat(keys(api.get("/customers/search?query=nobody"))).isEmpty();
    }

    @Test
    void searchNeedsAQueryAndPages() {
        Api api = signUp();
        IntStream.range(0, 3).forEach(i -> createCustomer(api, Map.of("externalKey", "s" + i, "name", "Searchable " + i)));

        Response missing = api.get("/customers/search");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("param")).isEqualTo("query");
        assertThat(api.get("/customers/search?query=").status()).isEqualTo(400);

        Response first = api.get("/customers/search?query=searchable&limit=2");
        assertThat(keys(first)).containsExactly("s2", "s1");
        assertThat(first.json().get("hasMore").asBoolean()).isTrue();
        String last = first.json().get("data").get(1).get("id").asString();
        Response second = api.get("/customers/search?query=searchable&limit=2&startingAfter=" + last);
        assertThat(keys(second)).containsExactly("s0");
        assertThat(second.json().get("hasMore").asBoolean()).isFalse();
    }

    static List<String> keys(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("data").valueStream().map(c -> c.get("externalKey").asString()).toList();
    }
}
