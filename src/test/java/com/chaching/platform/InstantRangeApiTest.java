package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * api.md "Representation": an instant, in a query parameter or a body, is accepted from
 * 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z; outside, it is a 400 naming the parameter, and nothing
 * changes. Before this rule the far ones were a 500 and years before 1 were stored as another date.
 */
class InstantRangeApiTest extends ApiTest {

    private static final List<String> OUT_OF_RANGE = List.of(
            "+999999999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.000001Z",
            "-000001-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
            "1970-01-01T00:59:59+01:00");
    private static final String RANGE = "1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z";
    private static final List<String> LISTS = List.of("/customers", "/invoices", "/transactions");

    @Test
    void aCreatedFilterOutsideTheRangeIsABadRequestNamingIt() {
        Api api = signUp();
        for (String list : LISTS) {
            for (String param : List.of("createdGte", "createdLt")) {
                for (String instant : OUT_OF_RANGE) {
                    String query = list + "?" + param + "=" + URLEncoder.encode(instant, StandardCharsets.UTF_8);
                    assertOutOfRange(api.get(query), param);
                }
            }
        }
    }

    @Test
    void createdFiltersAtTheEdgesOfTheRangeFindEverything() {
        Api api = signUp();
        String customer = createCustomer(api, Map.of("externalKey", "c")).text("id");
        String invoice = api.post("/invoices", invoiceBody()).text("id");

        for (String filter : List.of("createdGte=1970-01-01T00:00:00Z", "createdLt=9999-12-31T23:59:59Z")) {
            assertThat(ids(api.get("/customers?" + filter))).as(filter).containsExactly(customer);
            assertThat(ids(api.get("/invoices?" + filter))).as(filter).containsExactly(invoice);
            Response transactions = api.get("/transactions?" + filter);
            assertThat(transactions.status()).as(transactions.toString()).isEqualTo(200);
        }
    }

    @Test
    void aDueDateOutsideTheRangeIsRefusedAndNoInvoiceIsCreated() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "c"));
        for (String instant : OUT_OF_RANGE) {
            Map<String, Object> body = invoiceBody();
            body.put("collectionMethod", "send_invoice");
            body.put("dueDate", instant);
            assertOutOfRange(api.post("/invoices", body), "dueDate");
        }

        assertThat(ids(api.get("/invoices"))).isEmpty();
    }

    @Test
    void aLinePeriodOutsideTheRangeIsRefusedAndNoInvoiceIsCreated() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "c"));
        for (String instant : OUT_OF_RANGE) {
            for (String field : List.of("periodStart", "periodEnd")) {
                Map<String, Object> line = new HashMap<>(Map.of("description", "Service", "unitAmount", 100,
                        "periodStart", "2026-01-01T00:00:00Z", "periodEnd", "2026-02-01T00:00:00Z"));
                line.put(field, instant);
                Map<String, Object> body = invoiceBody();
                body.put("lines", List.of(line));
                assertOutOfRange(api.post("/invoices", body), "lines[0]." + field);
            }
        }

        assertThat(ids(api.get("/invoices"))).isEmpty();
    }

    @Test
    void invoiceInstantsAtTheEdgesOfTheRangeAreStoredAsSent() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "c"));
        Map<String, Object> body = invoiceBody();
        body.put("collectionMethod", "send_invoice");
        body.put("dueDate", "9999-12-31T23:59:59Z");
        body.put("lines", List.of(Map.of("description", "Forever", "unitAmount", 100,
                "periodStart", "1970-01-01T00:00:00Z", "periodEnd", "9999-12-31T23:59:59Z")));

        Response created = api.post("/invoices", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response read = api.get("/invoices/" + created.text("id"));
        assertThat(read.text("dueDate")).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(read.json().at("/lines/data/0/period/start").asString()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(read.json().at("/lines/data/0/period/end").asString()).isEqualTo("9999-12-31T23:59:59Z");
    }

    @Test
    void aTrialEndOrBillingCycleAnchorOutsideTheRangeIsRefusedAndNoSubscriptionIsCreated() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "c"));
        String price = monthlyPrice(api);
        for (String instant : OUT_OF_RANGE) {
            for (String field : List.of("trialEnd", "billingCycleAnchor")) {
                Map<String, Object> body = new HashMap<>(Map.of("customer", "c", "items", List.of(Map.of("price", price))));
                body.put(field, instant);
                assertOutOfRange(api.post("/subscriptions", body), field);
            }
        }
        assertThat(ids(api.get("/subscriptions"))).isEmpty();

        // The same request with an instant in range is accepted: it was the instant that was refused.
        String nextWeek = serverClock.instant().plus(Duration.ofDays(7)).toString();
        Response trial = api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", price)),
                "trialEnd", nextWeek));
        assertThat(trial.status()).as(trial.toString()).isEqualTo(201);
    }

    @Test
    void aTestClockTargetOutsideTheRangeIsRefusedAndTheClockStaysPut() {
        Api api = signUp();
        String before = api.get("/test-clock").text("now");
        for (String instant : OUT_OF_RANGE) {
            assertOutOfRange(api.post("/test-clock/advance", Map.of("to", instant)), "to");
        }

        assertThat(api.get("/test-clock").text("now")).isEqualTo(before);
    }

    @Test
    void theTestClockCanBeAdvancedToTheLastInstantOfTheRange() {
        Api api = signUp();

        Response advanced = api.post("/test-clock/advance", Map.of("to", "9999-12-31T23:59:59Z"));

        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        assertThat(api.get("/test-clock").text("now")).isEqualTo("9999-12-31T23:59:59Z");
    }

    private static void assertOutOfRange(Response response, String param) {
        assertThat(response.status()).as(param + ": " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("parameter_invalid");
        assertThat(response.text("param")).as(response.toString()).isEqualTo(param);
        assertThat(response.text("detail")).as(response.toString()).contains(param).contains(RANGE);
        assertThat(response.json().at("/errors/0/param").asString()).isEqualTo(param);
    }

    /** A draft invoice for customer {@code c} that is valid as it stands; tests change one field of it. */
    private static Map<String, Object> invoiceBody() {
        return new HashMap<>(Map.of("customer", "c", "currency", "usd",
                "lines", List.of(Map.of("description", "Service", "unitAmount", 100))));
    }

    private static String monthlyPrice(Api api) {
        String product = api.post("/products", Map.of("name", "Plan")).text("id");
        Response price = api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "recurring",
                "recurring", Map.of("interval", "month")));
        assertThat(price.status()).as(price.toString()).isEqualTo(201);
        return price.text("id");
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("data").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
