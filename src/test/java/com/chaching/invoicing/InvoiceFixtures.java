package com.chaching.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;

/** One-line set-ups for invoice tests: a customer with a card, a tax rate, an invoice. */
final class InvoiceFixtures {

    static final String GOOD_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";

    private InvoiceFixtures() {
    }

    /** A customer with this card attached and set as default. */
    static void customerWithCard(Api api, String externalKey, String number) {
        created(api.post("/customers", Map.of("externalKey", externalKey)));
        String pm = cardFor(api, externalKey, number);
        created(api.patch("/customers/" + externalKey, Map.of("defaultPaymentMethod", pm)), 200);
    }

    /** A card attached to the customer (not made default); returns its id. */
    static String cardFor(Api api, String externalKey, String number) {
        String pm = created(api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", number, "expMonth", 12, "expYear", 2040, "cvc", "123")))).text("id");
        created(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", externalKey)), 200);
        return pm;
    }

    static String taxRate(Api api, Object percentage) {
        return created(api.post("/taxRates", Map.of("displayName", "Tax " + percentage, "percentage", percentage))).text("id");
    }

    /** A draft invoice of one manual line. */
    static Response invoice(Api api, String customer, long unitAmount) {
        return created(api.post("/invoices", Map.of("customer", customer, "currency", "usd",
                "lines", List.of(Map.of("description", "Service", "unitAmount", unitAmount)))));
    }

    static Response created(Response response) {
        return created(response, 201);
    }

    static Response created(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
