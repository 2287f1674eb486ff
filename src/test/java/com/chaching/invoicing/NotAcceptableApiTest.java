package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that accepts no JSON is refused before anything happens: no charge, no account it cannot see. */
class NotAcceptableApiTest extends ApiTest {

    @Test
    void payingWithAnAcceptThatExcludesJsonChargesNothing() {
        Api api = signUp();
        customerWithCard(api, "html-only", GOOD_CARD);
        String id = invoice(api, "html-only", 1500).text("id");
        created(api.post("/invoices/" + id + "/finalize", Map.of()), 200);

        Response refused = api.send("PUT", "/invoices/" + id, Map.of(), Map.of("Accept", "text/html"));

        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.code()).isEqualTo("not_acceptable");
        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("open");
        assertThat(api.get("/transactions").json().get("data").size()).isZero();
        assertThat(api.send("PUT", "/invoices/" + id, Map.of(), Map.of("Accept", "text/html, application/json;q=0.5")).text("status"))
                .isEqualTo("paid");
    }

    @Test
    void signingUpWithAnAcceptThatExcludesJsonMakesNoAccount() {
        Map<String, String> signUp = Map.of("name", "Xml Co", "email", "xml-" + System.nanoTime() + "@example.test",
                "password", "correct horse battery");

        Response refused = anonymous().send("POST", "/accounts", signUp, Map.of("Accept", "application/xml"));
        Response again = anonymous().send("POST", "/accounts", signUp, Map.of("Accept", "application/json"));

        assertThat(refused.status()).isEqualTo(406);
        assertThat(again.status()).as("the email was not taken by the refused request").isEqualTo(201);
        assertThat(anonymous().send("GET", "/health", null, Map.of("Accept", "application/json;q=0")).status()).isEqualTo(406);
        assertThat(anonymous().send("GET", "/health", null, Map.of("Accept", "*/*")).status()).isEqualTo(200);
    }
}
