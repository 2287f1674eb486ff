package com.chaching.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A card's full number and security code never reach the database, a log line or an error body. */
@ExtendWith(OutputCaptureExtension.class)
class CardDataNeverStoredApiTest extends ApiTest {

    private static final String NUMBER = "5200828282828210";
    private static final String CVC = "737";

    @Test
    void theNumberAndCodeAppearNowhere(CapturedOutput output) {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "card-holder"));
        Response created = api.send("POST", "/payment-methods", PaymentMethodsApiTest.cardBody(NUMBER, 11, 2032, CVC),
                Map.of("Idempotency-Key", "card-leak-check"));
        api.post("/payment-methods/" + created.text("id") + "/attach", Map.of("customer", "card-holder"));
        Response refused = api.post("/payment-methods", PaymentMethodsApiTest.cardBody("5200828282828211", 11, 2032, "7377"));
        Response malformed = api.post("/payment-methods", "{\"type\": \"card\", \"card\": {\"number\": 5200828282828210, \"cvc\": 737}}");

        assertThat(created.status()).isEqualTo(201);
        for (Response response : List.of(created, refused, malformed)) {
            assertThat(response.body()).doesNotContain(NUMBER).doesNotContain("5200828282828211").doesNotContain("\"" + CVC + "\"");
        }
        String database = databaseDump();
        assertThat(database).contains(created.text("id")).contains("\"last4\":\"8210\"");
        assertThat(database).doesNotContain(NUMBER).doesNotContain("5200828282828211").doesNotContain("5200 8282");
        assertThat(output.getAll()).doesNotContain(NUMBER).doesNotContain("5200828282828211");
        // The idempotency fingerprint of a card-bearing request does not see the card, so it cannot betray it:
        // the same key with another card is a replay of the first answer.
        Response otherCardSameKey = api.send("POST", "/payment-methods", PaymentMethodsApiTest.cardBody("4242424242424242", 1, 2033, "111"),
                Map.of("Idempotency-Key", "card-leak-check"));
        assertThat(otherCardSameKey.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherCardSameKey.body()).isEqualTo(created.body());
    }

    /** Every row of every table of the schema, as text, with binary columns (stored responses, rate-limit buckets) readable. */
    private String databaseDump() {
        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public'").query(String.class).list();
        StringBuilder dump = new StringBuilder();
        // Table and column names come from the catalog, not from input.
        for (String table : tables) {
            dump.append(jdbc.sql("select coalesce(string_agg(t::text, E'\\n'), '') from \"" + table + "\" t").query(String.class).single());
        }
        List<Map<String, Object>> binaryColumns = jdbc.sql("""
                select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type = 'bytea'
                """).query().listOfRows();
        for (Map<String, Object> column : binaryColumns) {
            // Escaped rather than decoded as UTF-8: some are not text (rate-limit buckets); a card number is ASCII either way.
            dump.append(jdbc.sql("select coalesce(string_agg(encode(\"" + column.get("column_name") + "\", 'escape'), E'\\n'), '') from \""
                    + column.get("table_name") + "\"").query(String.class).single());
        }
        return dump.toString();
    }
}
