package com.chaching.catalog;

import static com.chaching.testing.RecordedEvents.object;
import static com.chaching.testing.RecordedEvents.ofType;
import static com.chaching.testing.RecordedEvents.only;
import static com.chaching.testing.RecordedEvents.previous;
import static com.chaching.testing.RecordedEvents.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** events.md: product.* and price.* carry the resource as its GET returns it, once per change that commits. */
class CatalogEventsApiTest extends ApiTest {

    @Test
    void creatingAProductAndAPriceRecordsEachAsItsGetReturnsIt() {
        Api api = signUp();
        Response product = created(api.post("/products", Map.of("name", "Pro", "description", "Everything",
                "metadata", Map.of("zeta", "1", "alpha", "2"))));
        Response price = created(api.post("/prices/" + product.text("id"), Map.of("currency", "eur", "unitAmount", 1999,
                "type", "recurring", "recurring", Map.of("interval", "month"), "lookupKey", "pro_monthly")));

        JsonNode productCreated = only(api, "product.created");
        assertThat(object(productCreated)).isEqualTo(api.get("/products/" + product.text("id")).json());
        assertThat(previous(productCreated).isNull()).isTrue();
        assertThat(productCreated.get("createdAt").asString()).isEqualTo(product.text("createdAt"));
        assertThat(object(only(api, "price.created"))).isEqualTo(api.get("/prices/" + price.text("id")).json());
        assertThat(price.json()).isEqualTo(api.get("/prices/" + price.text("id")).json());
    }

    @Test
    void aProductUpdateCarriesTheOldValuesOfWhatChanged() {
        Api api = signUp();
        String id = product(api, "Basic");
        serverClock.advance(java.time.Duration.ofSeconds(5));

        assertThat(api.patch("/products/" + id, Map.of("name", "Basic plus", "metadata", Map.of("tier", "2"))).status()).isEqualTo(200);
        assertThat(api.patch("/products/" + id, Map.of("name", "Basic plus")).status()).isEqualTo(200);

        JsonNode updated = only(api, "product.updated");
        assertThat(object(updated)).isEqualTo(api.get("/products/" + id).json());
        assertThat(previous(updated).propertyNames()).containsExactlyInAnyOrder("name", "metadata");
        assertThat(previous(updated).get("name").asString()).isEqualTo("Basic");
        assertThat(previous(updated).get("metadata").isEmpty()).isTrue();
    }

    @Test
    void thePatchesOfAnActiveAndOfAnInactivePriceArePriceUpdated() {
        Api api = signUp();
        String id = created(api.post("/prices/" + product(api, "Seats"), Map.of("currency", "usd", "unitAmount", 500,
                "type", "one_time", "nickname", "Seat"))).text("id");

        api.patch("/prices/" + id + "/active", Map.of("nickname", "Per seat"));
        JsonNode renamed = only(api, "price.updated");
        assertThat(object(renamed)).isEqualTo(api.get("/prices/" + id).json());
        assertThat(previous(renamed).propertyNames()).containsExactly("nickname");
        assertThat(previous(renamed).get("nickname").asString()).isEqualTo("Seat");

        api.patch("/prices/" + id + "/active", Map.of("active", false));
        JsonNode retired = ofType(api, "price.updated").getFirst();
        assertThat(object(retired)).isEqualTo(api.get("/prices/" + id).json());
        assertThat(previous(retired).propertyNames()).containsExactly("active");
        assertThat(previous(retired).get("active").asBoolean()).isTrue();

        api.patch("/prices/" + id + "/inactive", Map.of("unitAmount", 600, "active", true));
        List<JsonNode> updates = ofType(api, "price.updated");
        assertThat(updates).hasSize(3);
        JsonNode repriced = updates.getFirst();
        assertThat(object(repriced)).isEqualTo(api.get("/prices/" + id).json());
        assertThat(previous(repriced).propertyNames()).containsExactlyInAnyOrder("unitAmount", "active");
        assertThat(previous(repriced).get("unitAmount").asLong()).isEqualTo(500);
        assertThat(previous(repriced).get("active").asBoolean()).isFalse();
    }

    @Test
    void aDeleteRecordsTheResourceAsItWasOnceEvenWhenReplayed() {
        Api api = signUp();
        String product = product(api, "Gone");
        JsonNode price = created(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "one_time"))).json();

        Map<String, String> key = Map.of("Idempotency-Key", "delete-price");
        assertThat(api.send("DELETE", "/prices/" + price.get("id").asString(), null, key).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/prices/" + price.get("id").asString(), null, key).status()).isEqualTo(200);

        assertThat(object(only(api, "price.deleted"))).isEqualTo(price);
    }

    @Test
    void deletingAProductRecordsTheDeletionOfEachPriceItTakesWithIt() {
        Api api = signUp();
        String product = product(api, "Bundle");
        JsonNode one = created(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "one_time"))).json();
        JsonNode two = created(api.post("/prices/" + product, Map.of("currency", "eur", "unitAmount", 200, "type", "one_time"))).json();
        JsonNode before = api.get("/products/" + product).json();

        assertThat(api.delete("/products/" + product).status()).isEqualTo(200);

        assertThat(object(only(api, "product.deleted"))).isEqualTo(before);
        assertThat(ofType(api, "price.deleted")).extracting(event -> object(event)).containsExactlyInAnyOrder(one, two);
        assertThat(api.get("/prices/" + one.get("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void aChangeThatIsRefusedRecordsNothing() {
        Api api = signUp();
        String product = product(api, "Taken");
        String other = product(api, "Other");
        String active = created(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "one_time",
                "lookupKey", "std"))).text("id");
        String retired = product(api, "Retired");
        api.patch("/products/" + retired, Map.of("active", false));
        List<String> before = types(api, "product.*");
        List<String> pricesBefore = types(api, "price.*");

        assertThat(api.post("/products", Map.of("name", "taken")).status()).isEqualTo(409);
        assertThat(api.patch("/products/" + other, Map.of("name", "TAKEN", "description", "x")).status()).isEqualTo(409);
        assertThat(api.patch("/products/" + other, Map.of("taxCode", "txcd_nonesuch")).status()).isEqualTo(400);
        assertThat(api.post("/prices/" + retired, Map.of("currency", "usd", "unitAmount", 1, "type", "one_time")).status()).isEqualTo(409);
        assertThat(api.post("/prices/" + other, Map.of("currency", "usd", "unitAmount", 1, "type", "one_time", "lookupKey", "std"))
                .status()).isEqualTo(409);
        assertThat(api.patch("/prices/" + active + "/active", Map.of("nickname", "n", "unitAmount", 5)).status()).isEqualTo(400);
        assertThat(api.patch("/prices/" + active + "/inactive", Map.of("nickname", "n")).status()).isEqualTo(409);
        assertThat(api.patch("/prices/" + active + "/active", Map.of()).status()).isEqualTo(200);

        assertThat(types(api, "product.*")).isEqualTo(before);
        assertThat(types(api, "price.*")).isEqualTo(pricesBefore);
        assertThat(api.get("/products/" + other).text("description")).isNull();
    }

    @Test
    void aDeleteRefusedWhileASubscriptionUsesThePriceRecordsNothing() {
        Api api = signUp();
        String product = product(api, "Plan");
        String price = created(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 900, "type", "recurring",
                "recurring", Map.of("interval", "month")))).text("id");
        created(api.post("/customers", Map.of("externalKey", "c")));
        created(api.post("/subscriptions", Map.of("customer", "c", "collectionMethod", "send_invoice", "daysUntilDue", 30,
                "items", List.of(Map.of("price", price)))));

        assertThat(api.delete("/prices/" + price).status()).isEqualTo(409);
        assertThat(api.delete("/products/" + product).status()).isEqualTo(409);

        assertThat(types(api, "price.*")).containsExactly("price.created");
        assertThat(types(api, "product.*")).containsExactly("product.created");
    }

    private static String product(Api api, String name) {
        return created(api.post("/products", Map.of("name", name))).text("id");
    }

    private static Response created(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
