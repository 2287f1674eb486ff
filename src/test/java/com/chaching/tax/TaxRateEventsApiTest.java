package com.chaching.tax;

import static com.chaching.testing.RecordedEvents.object;
import static com.chaching.testing.RecordedEvents.only;
import static com.chaching.testing.RecordedEvents.previous;
import static com.chaching.testing.RecordedEvents.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** events.md: tax_rate.created and tax_rate.updated carry the rate as its GET returns it. */
class TaxRateEventsApiTest extends ApiTest {

    @Test
    void creatingATaxRateRecordsItExactlyAsItsGetReturnsIt() {
        Api api = signUp();
        Response created = api.post("/taxRates", "{\"displayName\": \"NYC sales tax\", \"percentage\": 8.8750, \"country\": \"US\","
                + " \"state\": \"NY\", \"metadata\": {\"source\": \"dor\"}}");
        assertThat(created.status()).isEqualTo(201);

        JsonNode event = only(api, "tax_rate.created");

        assertThat(object(event)).isEqualTo(api.get("/taxRates/" + created.text("id")).json());
        assertThat(object(event).get("percentage").decimalValue()).isEqualByComparingTo("8.875");
        assertThat(previous(event).isNull()).isTrue();
    }

    @Test
    void anUpdateCarriesTheOldValuesOfWhatChangedAndOneThatChangesNothingRecordsNothing() {
        Api api = signUp();
        String id = api.post("/taxRates", Map.of("displayName", "VAT", "percentage", 20, "country", "DE")).text("id");

        assertThat(api.patch("/taxRates/" + id, Map.of("displayName", "MwSt", "active", false)).status()).isEqualTo(200);
        assertThat(api.patch("/taxRates/" + id, Map.of("displayName", "MwSt", "percentage", 20)).status()).isEqualTo(200);

        JsonNode updated = only(api, "tax_rate.updated");
        assertThat(object(updated)).isEqualTo(api.get("/taxRates/" + id).json());
        assertThat(previous(updated).propertyNames()).containsExactlyInAnyOrder("displayName", "active");
        assertThat(previous(updated).get("displayName").asString()).isEqualTo("VAT");
        assertThat(previous(updated).get("active").asBoolean()).isTrue();
    }

    @Test
    void aRefusedUpdateRecordsNothing() {
        Api api = signUp();
        String id = api.post("/taxRates", Map.of("displayName", "GST", "percentage", 5)).text("id");

        assertThat(api.patch("/taxRates/" + id, Map.of("displayName", "HST", "percentage", 13)).status()).isEqualTo(400);

        assertThat(types(api, "tax_rate.*")).containsExactly("tax_rate.created");
        assertThat(api.get("/taxRates/" + id).text("displayName")).isEqualTo("GST");
    }
}
