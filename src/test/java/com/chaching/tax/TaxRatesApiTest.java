package com.chaching.tax;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxRatesApiTest extends ApiTest {

    @Test
    void aTaxRateKeepsItsPercentageExactlyAsEntered() {
        Api api = signUp();

        Response created = api.post("/taxRates", "{\"displayName\": \"NYC sales tax\", \"percentage\": 8.875, \"country\": \"US\","
                + " \"state\": \"NY\", \"jurisdiction\": \"New York City\", \"metadata\": {\"source\": \"dor\"}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).startsWith("txr_");
        assertThat(created.text("object")).isEqualTo("tax_rate");
        assertThat(created.body()).contains("\"percentage\":8.875");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.text("country")).isEqualTo("US");
        assertThat(api.get("/taxRates/" + created.text("id")).json()).isEqualTo(created.json());

        assertThat(api.post("/taxRates", "{\"displayName\": \"VAT\", \"percentage\": 20}").body()).contains("\"percentage\":20,");
        assertThat(api.post("/taxRates", "{\"displayName\": \"Max\", \"percentage\": 100.0000}").body()).contains("\"percentage\":100,");
        assertThat(api.post("/taxRates", "{\"displayName\": \"Tiny\", \"percentage\": 0.0001}").body()).contains("\"percentage\":0.0001,");
    }

    @Test
    void eachInvalidFieldIsNamed() {
        Api api = signUp();
        Map<String, Object> bad = new HashMap<>();
        bad.put("displayName", "x".repeat(51));
        bad.put("percentage", 100.5);
        bad.put("country", "USA");
        bad.put("state", "s".repeat(51));

        Response response = api.post("/taxRates", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(params(response)).containsExactlyInAnyOrder("displayName", "percentage", "country", "state");
        assertThat(params(api.post("/taxRates", Map.of()))).containsExactlyInAnyOrder("displayName", "percentage");
        for (String percentage : List.of("-1", "8.87501", "\"8.875\"", "1e3", "null")) {
            Response refused = api.post("/taxRates", "{\"displayName\": \"x\", \"percentage\": " + percentage + "}");
            assertThat(refused.status()).as(percentage).isEqualTo(400);
            assertThat(refused.text("param")).as(percentage).isEqualTo("percentage");
        }
        assertThat(api.get("/taxRates").json().get("data").size()).isZero();
    }

    @Test
    void thePercentageCannotChangeButTheRestCan() {
        Api api = signUp();
        String id = api.post("/taxRates", Map.of("displayName", "VAT", "percentage", 19, "country", "DE", "description", "Standard")).text("id");

        Response refused = api.patch("/taxRates/" + id, Map.of("percentage", 7, "displayName", "Reduced"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("parameter_immutable");
        assertThat(refused.text("param")).isEqualTo("percentage");
        assertThat(api.get("/taxRates/" + id).text("displayName")).isEqualTo("VAT");

        assertThat(api.patch("/taxRates/txr_missing", Map.of("percentage", 7)).status()).isEqualTo(404);
        assertThat(api.patch("/taxRates/" + id, Map.of("percentage", 19.0)).status()).isEqualTo(200);

        Response updated = api.patch("/taxRates/" + id, Map.of("displayName", "MwSt", "description", "", "active", false,
                "metadata", Map.of("k", "v")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("displayName")).isEqualTo("MwSt");
        assertThat(updated.text("description")).isNull();
        assertThat(updated.json().get("active").asBoolean()).isFalse();
        assertThat(updated.json().get("percentage").asInt()).isEqualTo(19);
        assertThat(updated.text("country")).isEqualTo("DE");
    }

    @Test
    void listFiltersByActive() {
        Api api = signUp();
        String active = api.post("/taxRates", Map.of("displayName", "A", "percentage", 5)).text("id");
        String inactive = api.post("/taxRates", Map.of("displayName", "B", "percentage", 6, "active", false)).text("id");

        assertThat(ids(api.get("/taxRates"))).containsExactly(inactive, active);
        assertThat(ids(api.get("/taxRates?active=true"))).containsExactly(active);
        assertThat(ids(api.get("/taxRates?active=false"))).containsExactly(inactive);
        assertThat(api.get("/taxRates?active=maybe").text("param")).isEqualTo("active");
        assertThat(ids(api.get("/taxRates?limit=1&startingAfter=" + inactive))).containsExactly(active);
    }

    @Test
    void anotherAccountsTaxRateIsNotFound() {
        Api owner = signUp();
        Api other = signUp();
        String id = owner.post("/taxRates", Map.of("displayName", "Mine", "percentage", 10)).text("id");

        assertThat(other.get("/taxRates/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/taxRates/" + id, Map.of("displayName", "Stolen")).status()).isEqualTo(404);
        assertThat(other.get("/taxRates").json().get("data").size()).isZero();
        assertThat(owner.get("/taxRates/" + id).text("displayName")).isEqualTo("Mine");
    }

    @Test
    void creatingIsIdempotent() {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "vat-de");

        Response first = api.send("POST", "/taxRates", Map.of("displayName", "VAT", "percentage", 19), key);
        Response retry = api.send("POST", "/taxRates", Map.of("displayName", "VAT", "percentage", 19), key);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/taxRates").json().get("data").size()).isEqualTo(1);
    }

    static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("data").valueStream().map(c -> c.get("id").asString()).toList();
    }

    static List<String> params(Response problem) {
        return problem.json().get("errors").valueStream().map(e -> e.get("param").asString()).toList();
    }
}
