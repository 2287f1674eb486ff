package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;

/** Set-ups through the API for the Invoices and Payments browser tests: customers with cards, tax rates, invoices. */
final class BillingSetUp {

    /** Sandbox cards (api.md): this one is charged, the other declined with card_declined. */
    static final String GOOD_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";

    private BillingSetUp() {
    }

    /** A customer with this card attached and set as its default (a null card: none at all). */
    static void customer(Api api, String externalKey, String name, String email, String card) {
        ok(api.post("/customers", Map.of("externalKey", externalKey, "name", name, "email", email)), 201);
        if (card != null) {
            String pm = ok(api.post("/payment-methods", Map.of("type", "card",
                    "card", Map.of("number", card, "expMonth", 12, "expYear", 2040, "cvc", "123"))), 201).text("id");
            ok(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", externalKey)), 200);
            ok(api.patch("/customers/" + externalKey, Map.of("defaultPaymentMethod", pm)), 200);
        }
    }

    static String taxRate(Api api, String displayName, Object percentage) {
        return ok(api.post("/taxRates", Map.of("displayName", displayName, "percentage", percentage)), 201).text("id");
    }

    /** A draft invoice in usd of one manual line. */
    static String draft(Api api, String customer, String description, long unitAmount) {
        return invoice(api, customer, List.of(Map.of("description", description, "unitAmount", unitAmount)));
    }

    static String invoice(Api api, String customer, List<Map<String, Object>> lines) {
        return ok(api.post("/invoices", Map.of("customer", customer, "currency", "usd", "lines", lines)), 201).text("id");
    }

    static String open(Api api, String customer, String description, long unitAmount) {
        String id = draft(api, customer, description, unitAmount);
        ok(api.post("/invoices/" + id + "/finalize", Map.of()), 200);
        return id;
    }

    /** A draft paid through the API with the customer's default card; returns the invoice. */
    static Response paid(Api api, String customer, String description, long unitAmount) {
        String id = draft(api, customer, description, unitAmount);
        return ok(api.send("PUT", "/invoices/" + id, null, Map.of()), 200);
    }

    static Response ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
