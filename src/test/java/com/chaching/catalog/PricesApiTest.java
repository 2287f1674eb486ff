package com.chaching.catalog;

import static com.chaching.catalog.ProductsApiTest.ids;
import static com.chaching.catalog.ProductsApiTest.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricesApiTest extends ApiTest {

    @Test
    void aRecurringPriceIsCreatedForItsProduct() {
        Api api = signUp();
        String product = product(api, "Pro");

        Response created = api.post("/prices/" + product, Map.of("currency", "eur", "unitAmount", 1999, "type", "recurring",
                "recurring", Map.of("interval", "month"), "taxBehavior", "inclusive", "nickname", "Pro monthly",
                "lookupKey", "pro_monthly", "metadata", Map.of("a", "b")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).startsWith("price_");
        assertThat(created.text("object")).isEqualTo("price");
        assertThat(created.text("product")).isEqualTo(product);
        assertThat(created.text("currency")).isEqualTo("eur");
        assertThat(created.json().get("unitAmount").asLong()).isEqualTo(1999);
        assertThat(created.text("recurring.interval")).isEqualTo("month");
        assertThat(created.json().get("recurring").get("intervalCount").asInt()).isEqualTo(1);
        assertThat(created.text("taxBehavior")).isEqualTo("inclusive");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(api.get("/prices/" + created.text("id")).json()).isEqualTo(created.json());
    }

    @Test
    void aOneTimePriceDefaultsToTaxExclusiveAndHasNoInterval() {
        Api api = signUp();

        Response created = api.post("/prices/" + product(api, "Setup"), Map.of("currency", "jpy", "unitAmount", 500, "type", "one_time"));

        assertThat(created.text("taxBehavior")).isEqualTo("exclusive");
        assertThat(created.json().get("recurring").isNull()).isTrue();
        assertThat(created.json().get("unitAmount").asLong()).isEqualTo(500);
    }

    @Test
    void everyPriceRuleNamesItsField() {
        Api api = signUp();
        String product = product(api, "Rules");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 1, \"type\": \"recurring\"}", "recurring");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 1, \"type\": \"one_time\", \"recurring\": {\"interval\": \"day\"}}", "recurring");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 1, \"type\": \"recurring\", \"recurring\": {\"interval\": \"month\", \"intervalCount\": 37}}", "recurring.intervalCount");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 1, \"type\": \"recurring\", \"recurring\": {\"interval\": \"day\", \"intervalCount\": 1096}}", "recurring.intervalCount");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 1, \"type\": \"recurring\", \"recurring\": {\"interval\": \"year\", \"intervalCount\": 0}}", "recurring.intervalCount");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 1, \"type\": \"recurring\", \"recurring\": {\"interval\": \"fortnight\"}}", "recurring.interval");
        assertRefused(api, product, "{\"currency\": \"USD\", \"unitAmount\": 1, \"type\": \"one_time\"}", "currency");
        assertRefused(api, product, "{\"currency\": \"xyz\", \"unitAmount\": 1, \"type\": \"one_time\"}", "currency");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": -1, \"type\": \"one_time\"}", "unitAmount");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 19.99, \"type\": \"one_time\"}", "unitAmount");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 100000000000, \"type\": \"one_time\"}", "unitAmount");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 1, \"type\": \"weekly\"}", "type");
        assertRefused(api, product, "{\"currency\": \"usd\", \"unitAmount\": 1, \"type\": \"one_time\", \"taxBehavior\": \"both\"}", "taxBehavior");
        assertThat(params(api.post("/prices/" + product, Map.of()))).containsExactlyInAnyOrder("currency", "unitAmount", "type");
        assertThat(api.post("/prices/" + product, "{\"currency\": \"usd\", \"unitAmount\": 99999999999, \"type\": \"recurring\","
                + " \"recurring\": {\"interval\": \"year\", \"intervalCount\": 3}}").status()).isEqualTo(201);
        assertThat(api.get("/prices").json().get("data").size()).isEqualTo(1);
    }

    @Test
    void postingToPricesWithoutAProductSaysWherePricesAreCreated() {
        Api api = signUp();
        product(api, "Pro");

        Response response = api.post("/prices", oneTime(100));

        assertThat(response.status()).as(response.toString()).isEqualTo(405);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Allow")).contains("GET").doesNotContain("POST");
        assertThat(response.code()).isEqualTo("method_not_allowed");
        assertThat(response.text("detail")).contains("POST /prices/{productId}");
        assertThat(api.get("/prices").json().get("data").isEmpty()).isTrue();
        // Only that mistake gets the advice.
        assertThat(api.send("PUT", "/prices", "{}", Map.of()).text("detail")).doesNotContain("{productId}");
    }

    @Test
    void aPriceNeedsAnActiveProductThatExists() {
        Api api = signUp();
        String retired = api.post("/products", Map.of("name", "Retired", "active", false)).text("id");

        assertThat(api.post("/prices/prod_missing", oneTime(100)).status()).isEqualTo(404);
        Response inactive = api.post("/prices/" + retired, oneTime(100));
        assertThat(inactive.status()).isEqualTo(409);
        assertThat(inactive.code()).isEqualTo("invalid_state");
    }

    @Test
    void lookupKeysAreUniqueInAnAccount() {
        Api api = signUp();
        String product = product(api, "Keys");
        api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 1, "type", "one_time", "lookupKey", "std"));

        Response taken = api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 2, "type", "one_time", "lookupKey", "std"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("param")).isEqualTo("lookupKey");
        Api other = signUp();
        assertThat(other.post("/prices/" + product(other, "Keys"), Map.of("currency", "usd", "unitAmount", 1, "type", "one_time",
                "lookupKey", "std")).status()).isEqualTo(201);
    }

    @Test
    void listFiltersByEveryField() {
        Api api = signUp();
        String one = product(api, "One");
        String two = product(api, "Two");
        String a = api.post("/prices/" + one, Map.of("currency", "usd", "unitAmount", 1, "type", "one_time", "lookupKey", "a")).text("id");
        String b = api.post("/prices/" + one, Map.of("currency", "eur", "unitAmount", 2, "type", "recurring",
                "recurring", Map.of("interval", "week"))).text("id");
        String c = api.post("/prices/" + two, Map.of("currency", "usd", "unitAmount", 3, "type", "recurring",
                "recurring", Map.of("interval", "year"), "active", false)).text("id");

        assertThat(ids(api.get("/prices"))).containsExactly(c, b, a);
        assertThat(ids(api.get("/prices?product=" + one))).containsExactly(b, a);
        assertThat(ids(api.get("/prices?active=false"))).containsExactly(c);
        assertThat(ids(api.get("/prices?type=recurring"))).containsExactly(c, b);
        assertThat(ids(api.get("/prices?currency=usd"))).containsExactly(c, a);
        assertThat(ids(api.get("/prices?lookupKey=a"))).containsExactly(a);
        assertThat(ids(api.get("/prices?type=recurring&currency=usd&active=false"))).containsExactly(c);
        assertThat(ids(api.get("/prices?currency=&product=&lookupKey=&type=&active="))).containsExactly(c, b, a);
        assertThat(ids(api.get("/prices?limit=1&startingAfter=" + c))).containsExactly(b);
        for (String bad : List.of("type=monthly", "currency=USD", "active=maybe")) {
            assertThat(api.get("/prices?" + bad).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void anActivePriceChangesOnlyItsDescriptionNicknameMetadataAndActive() {
        Api api = signUp();
        String id = api.post("/prices/" + product(api, "Active"), oneTime(100)).text("id");

        Response refused = api.patch("/prices/" + id + "/active", Map.of("unitAmount", 200, "currency", "eur", "nickname", "ok"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(params(refused)).containsExactlyInAnyOrder("unitAmount", "currency");
        assertThat(api.get("/prices/" + id).json().get("unitAmount").asLong()).isEqualTo(100);

        Response changed = api.patch("/prices/" + id + "/active", Map.of("nickname", "Std", "description", "Standard",
                "metadata", Map.of("k", "v")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("nickname")).isEqualTo("Std");
        assertThat(changed.text("description")).isEqualTo("Standard");

        Response retired = api.patch("/prices/" + id + "/active", Map.of("active", false));
        assertThat(retired.json().get("active").asBoolean()).isFalse();
        assertThat(api.patch("/prices/" + id + "/active", Map.of("nickname", "again")).status()).isEqualTo(409);
    }

    @Test
    void anInactivePriceMayChangeEverythingAndComeBack() {
        Api api = signUp();
        String product = product(api, "Inactive");
        String id = api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "recurring",
                "recurring", Map.of("interval", "month"), "active", false)).text("id");
        assertThat(api.patch("/prices/" + id + "/inactive", Map.of("nickname", "x", "active", true)).status()).isEqualTo(200);
        assertThat(api.patch("/prices/" + id + "/inactive", Map.of("nickname", "y")).status()).isEqualTo(409);
        api.patch("/prices/" + id + "/active", Map.of("active", false));

        Response changed = api.patch("/prices/" + id + "/inactive", Map.of("unitAmount", 250, "currency", "gbp", "type", "one_time",
                "taxBehavior", "inclusive", "lookupKey", "moved", "active", true));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("unitAmount").asLong()).isEqualTo(250);
        assertThat(changed.text("currency")).isEqualTo("gbp");
        assertThat(changed.text("type")).isEqualTo("one_time");
        assertThat(changed.json().get("recurring").isNull()).isTrue();
        assertThat(changed.text("taxBehavior")).isEqualTo("inclusive");
        assertThat(changed.text("lookupKey")).isEqualTo("moved");
        assertThat(changed.json().get("active").asBoolean()).isTrue();

        api.patch("/prices/" + id + "/active", Map.of("active", false));
        Response toRecurringWithout = api.patch("/prices/" + id + "/inactive", Map.of("type", "recurring"));
        assertThat(toRecurringWithout.text("param")).isEqualTo("recurring");
        Response otherProduct = api.patch("/prices/" + id + "/inactive", Map.of("product", product(api, "Elsewhere")));
        assertThat(otherProduct.text("param")).isEqualTo("product");
    }

    @Test
    void deletingAPriceRemovesIt() {
        Api api = signUp();
        String id = api.post("/prices/" + product(api, "Gone"), oneTime(100)).text("id");

        Response deleted = api.delete("/prices/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("object")).isEqualTo("price");
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(api.get("/prices/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/prices/" + id).status()).isEqualTo(404);
    }

    @Test
    void anotherAccountsPriceIsNotFoundAndStaysUntouched() {
        Api owner = signUp();
        Api other = signUp();
        Response created = owner.post("/prices/" + product(owner, "Mine"), oneTime(100));
        String id = created.text("id");

        assertThat(other.get("/prices/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/prices/" + id + "/active", Map.of("nickname", "x")).status()).isEqualTo(404);
        assertThat(other.patch("/prices/" + id + "/inactive", Map.of("nickname", "x")).status()).isEqualTo(404);
        assertThat(other.delete("/prices/" + id).status()).isEqualTo(404);
        assertThat(other.get("/prices").json().get("data").size()).isZero();
        assertThat(owner.get("/prices/" + id).json()).isEqualTo(created.json());
    }

    @Test
    void creatingAndDeletingAreIdempotent() {
        Api api = signUp();
        String product = product(api, "Idem");
        Map<String, String> createKey = Map.of("Idempotency-Key", "price-1");

        Response first = api.send("POST", "/prices/" + product, oneTime(100), createKey);
        Response retry = api.send("POST", "/prices/" + product, oneTime(100), createKey);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.get("/prices").json().get("data").size()).isEqualTo(1);

        Map<String, String> deleteKey = Map.of("Idempotency-Key", "delete-1");
        Response deleted = api.send("DELETE", "/prices/" + first.text("id"), null, deleteKey);
        Response deletedAgain = api.send("DELETE", "/prices/" + first.text("id"), null, deleteKey);
        assertThat(deletedAgain.status()).isEqualTo(200);
        assertThat(deletedAgain.body()).isEqualTo(deleted.body());
    }

    private static void assertRefused(Api api, String product, String body, String param) {
        Response response = api.post("/prices/" + product, body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.text("param")).as(body).isEqualTo(param);
    }

    private static Map<String, Object> oneTime(long amount) {
        return Map.of("currency", "usd", "unitAmount", amount, "type", "one_time");
    }

    private static String product(Api api, String name) {
        Response product = api.post("/products", Map.of("name", name));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        return product.text("id");
    }
}
