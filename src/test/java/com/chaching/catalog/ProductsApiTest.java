package com.chaching.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductsApiTest extends ApiTest {

    @Test
    void aProductIsCreatedWithEveryFieldAndReadBack() {
        Api api = signUp();

        Response created = api.post("/products", Map.of("name", "  Pro plan (annual) & more  ", "description", "Everything",
                "taxCode", "txcd_10103000", "unitLabel", "seat", "metadata", Map.of("tier", "3")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).startsWith("prod_");
        assertThat(created.text("object")).isEqualTo("product");
        assertThat(created.text("name")).isEqualTo("Pro plan (annual) & more");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.text("taxCode")).isEqualTo("txcd_10103000");
        assertThat(created.text("unitLabel")).isEqualTo("seat");
        assertThat(created.text("createdAt")).isEqualTo(api.get("/test-clock").text("now"));
        assertThat(api.get("/products/" + created.text("id")).json()).isEqualTo(created.json());
    }

    @Test
    void namesFollowTheirRulesAndAreUniqueIgnoringCase() {
        Api api = signUp();
        api.post("/products", Map.of("name", "Basic"));

        Response taken = api.post("/products", Map.of("name", "BASIC"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("param")).isEqualTo("name");

        for (String name : List.of("", "   ", "-leading dash", "semi;colon", "x".repeat(121), "tab\tname", "emoji 💸")) {
            Response refused = api.post("/products", Map.of("name", name));
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.text("param")).as(name).isEqualTo("name");
        }
        for (String name : List.of("Été 2026", "9 to 5", "A/B test + extras", "O'Brien's plan", "x".repeat(120), "a_b.c-d")) {
            assertThat(api.post("/products", Map.of("name", name)).status()).as(name).isEqualTo(201);
        }
        assertThat(params(api.post("/products", Map.of()))).containsExactly("name");
    }

    @Test
    void anUnknownTaxCodeIsRefused() {
        Api api = signUp();

        Response response = api.post("/products", Map.of("name", "Taxed", "taxCode", "txcd_12345678"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("param")).isEqualTo("taxCode");
        assertThat(api.get("/products").json().get("data").size()).isZero();
    }

    @Test
    void updatingChangesOnlyWhatIsSent() {
        Api api = signUp();
        String id = api.post("/products", Map.of("name", "Old", "description", "d", "taxCode", "txcd_10103000", "unitLabel", "seat")).text("id");
        api.post("/products", Map.of("name", "Other"));

        Response renamed = api.patch("/products/" + id, Map.of("name", "New", "description", "", "taxCode", "", "active", false));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("New");
        assertThat(renamed.text("description")).isNull();
        assertThat(renamed.text("taxCode")).isNull();
        assertThat(renamed.text("unitLabel")).isEqualTo("seat");
        assertThat(renamed.json().get("active").asBoolean()).isFalse();

        assertThat(api.patch("/products/" + id, Map.of("name", "other")).status()).isEqualTo(409);
        assertThat(api.patch("/products/" + id, Map.of("name", "NEW")).status()).isEqualTo(200);
        assertThat(api.patch("/products/" + id, Map.of("taxCode", "txcd_nope")).text("param")).isEqualTo("taxCode");
    }

    @Test
    void listFiltersByActiveAndSearchesNames() {
        Api api = signUp();
        String gold = api.post("/products", Map.of("name", "Gold Plan")).text("id");
        String silver = api.post("/products", Map.of("name", "Silver plan", "active", false)).text("id");
        String addon = api.post("/products", Map.of("name", "Add_on")).text("id");

        assertThat(ids(api.get("/products"))).containsExactly(addon, silver, gold);
        assertThat(ids(api.get("/products?active=true"))).containsExactly(addon, gold);
        assertThat(ids(api.get("/products?active=false"))).containsExactly(silver);
        assertThat(ids(api.get("/products?search=PLAN"))).containsExactly(silver, gold);
        assertThat(ids(api.get("/products?search=_"))).containsExactly(addon);
        assertThat(ids(api.get("/products?search=plan&active=true"))).containsExactly(gold);
        assertThat(ids(api.get("/products?limit=2&startingAfter=" + addon))).containsExactly(silver, gold);
    }

    @Test
    void deletingRemovesTheProductAndItsPrices() {
        Api api = signUp();
        String id = api.post("/products", Map.of("name", "Doomed")).text("id");
        String price = api.post("/prices/" + id, Map.of("currency", "usd", "unitAmount", 100, "type", "one_time")).text("id");

        Response deleted = api.delete("/products/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.text("object")).isEqualTo("product");
        assertThat(api.get("/products/" + id).status()).isEqualTo(404);
        assertThat(api.get("/prices/" + price).status()).isEqualTo(404);
        assertThat(api.delete("/products/" + id).status()).isEqualTo(404);
        assertThat(api.post("/products", Map.of("name", "Doomed")).status()).isEqualTo(201);
    }

    @Test
    void anotherAccountsProductIsNotFoundAndStaysUntouched() {
        Api owner = signUp();
        Api other = signUp();
        Response created = owner.post("/products", Map.of("name", "Mine"));
        String id = created.text("id");

        assertThat(other.get("/products/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/products/" + id, Map.of("name", "Stolen")).status()).isEqualTo(404);
        assertThat(other.delete("/products/" + id).status()).isEqualTo(404);
        assertThat(other.post("/prices/" + id, Map.of("currency", "usd", "unitAmount", 1, "type", "one_time")).status()).isEqualTo(404);
        assertThat(other.get("/products").json().get("data").size()).isZero();
        assertThat(other.post("/products", Map.of("name", "Mine")).status()).isEqualTo(201);
        assertThat(owner.get("/products/" + id).json()).isEqualTo(created.json());
    }

    @Test
    void creatingIsIdempotent() {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "product-once");

        Response first = api.send("POST", "/products", Map.of("name", "Once"), key);
        Response retry = api.send("POST", "/products", Map.of("name", "Once"), key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void eachInvalidFieldIsNamed() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "ok");
        bad.put("unitLabel", "x".repeat(13));
        bad.put("description", "d".repeat(1001));
        bad.put("metadata", Map.of("k".repeat(41), "v"));

        assertThat(params(signUp().post("/products", bad))).containsExactlyInAnyOrder("unitLabel", "description", "metadata");
    }

    static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("data").valueStream().map(c -> c.get("id").asString()).toList();
    }

    static List<String> params(Response problem) {
        assertThat(problem.status()).as(problem.toString()).isEqualTo(400);
        return problem.json().get("errors").valueStream().map(e -> e.get("param").asString()).toList();
    }
}
