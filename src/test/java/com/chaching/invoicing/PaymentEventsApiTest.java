package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.DECLINED_CARD;
import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static com.chaching.testing.RecordedEvents.object;
import static com.chaching.testing.RecordedEvents.ofType;
import static com.chaching.testing.RecordedEvents.only;
import static com.chaching.testing.RecordedEvents.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * events.md: payment_method.attached|detached, transaction.succeeded|failed (charges) and refund.created, each
 * with the resource as its GET returns it at that moment, once per change that commits.
 */
class PaymentEventsApiTest extends ApiTest {

    @Test
    void creatingACardRecordsNothingAndAttachingItRecordsItAttached() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "ann")));
        String pm = card(api, GOOD_CARD);
        assertThat(types(api, "payment_method.*")).isEmpty();

        created(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "ann")), 200);
        created(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "ann")), 200);

        JsonNode attached = only(api, "payment_method.attached");
        assertThat(object(attached)).isEqualTo(api.get("/payment-methods/" + pm).json());
        assertThat(object(attached).get("customer").asString()).isEqualTo("ann");
    }

    @Test
    void detachingRecordsTheCardAsItsGetReturnsItAfterwards() {
        Api api = signUp();
        customerWithCard(api, "bob", GOOD_CARD);
        String pm = api.get("/customers/bob").text("defaultPaymentMethod");

        created(api.post("/payment-methods/" + pm + "/detach", Map.of()), 200);

        JsonNode detached = only(api, "payment_method.detached");
        assertThat(object(detached)).isEqualTo(api.get("/payment-methods/" + pm).json());
        assertThat(object(detached).get("customer").isNull()).isTrue();
    }

    @Test
    void deletingACustomerRecordsTheDetachOfEachOfItsCards() {
        Api api = signUp();
        customerWithCard(api, "cy", GOOD_CARD);
        String second = InvoiceFixtures.cardFor(api, "cy", DECLINED_CARD);
        String first = api.get("/customers/cy").text("defaultPaymentMethod");

        created(api.delete("/customers/cy"), 200);

        assertThat(ofType(api, "payment_method.detached")).extracting(event -> object(event))
                .containsExactlyInAnyOrder(api.get("/payment-methods/" + first).json(), api.get("/payment-methods/" + second).json());
    }

    @Test
    void aRefusedAttachOrDetachRecordsNothing() {
        Api api = signUp();
        customerWithCard(api, "dee", GOOD_CARD);
        created(api.post("/customers", Map.of("externalKey", "eve")));
        String pm = api.get("/customers/dee").text("defaultPaymentMethod");
        String loose = card(api, GOOD_CARD);

        assertThat(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "eve")).status()).isEqualTo(409);
        assertThat(api.post("/payment-methods/" + loose + "/detach", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/payment-methods/" + loose + "/attach", Map.of("customer", "nobody")).status()).isEqualTo(404);

        assertThat(types(api, "payment_method.*")).containsExactly("payment_method.attached");
    }

    @Test
    void aGoodChargeRecordsTransactionSucceededAsItsGetReturnsIt() {
        Api api = signUp();
        customerWithCard(api, "good", GOOD_CARD);
        String invoice = invoice(api, "good", 2500).text("id");

        assertThat(api.send("PUT", "/invoices/" + invoice, null, Map.of()).status()).isEqualTo(200);

        JsonNode succeeded = only(api, "transaction.succeeded");
        String charge = object(succeeded).get("id").asString();
        assertThat(object(succeeded)).isEqualTo(api.get("/transactions/" + charge).json());
        assertThat(object(succeeded).get("type").asString()).isEqualTo("charge");
        assertThat(object(succeeded).get("invoice").asString()).isEqualTo(invoice);
        assertThat(types(api, "transaction.failed")).isEmpty();
    }

    @Test
    void aDeclinedChargeRecordsTransactionFailed() {
        Api api = signUp();
        customerWithCard(api, "bad", DECLINED_CARD);
        String invoice = invoice(api, "bad", 700).text("id");

        assertThat(api.send("PUT", "/invoices/" + invoice, null, Map.of()).status()).isEqualTo(402);

        JsonNode failed = only(api, "transaction.failed");
        assertThat(object(failed)).isEqualTo(api.get("/transactions/" + object(failed).get("id").asString()).json());
        assertThat(object(failed).get("status").asString()).isEqualTo("failed");
        assertThat(object(failed).get("failureCode").asString()).isEqualTo("card_declined");
        assertThat(types(api, "transaction.succeeded")).isEmpty();
    }

    @Test
    void aRefundRecordsRefundCreatedAndARefusedOneRecordsNothing() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String invoice = invoice(api, "c", 1000).text("id");
        api.send("PUT", "/invoices/" + invoice, null, Map.of());
        String charge = object(only(api, "transaction.succeeded")).get("id").asString();

        Response refund = created(api.post("/transactions/" + charge + "/refunds", Map.of("amount", 400, "reason", "requested_by_customer")));
        assertThat(api.post("/transactions/" + charge + "/refunds", Map.of("amount", 601)).status()).isEqualTo(409);

        JsonNode event = only(api, "refund.created");
        assertThat(object(event)).isEqualTo(api.get("/transactions/" + refund.text("id")).json());
        assertThat(object(event)).isEqualTo(refund.json());
        assertThat(object(event).get("status").asString()).isEqualTo("succeeded");
        assertThat(object(event).get("charge").asString()).isEqualTo(charge);
        assertThat(types(api, "transaction.*")).containsExactly("transaction.succeeded");
    }

    private static String card(Api api, String number) {
        return created(api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", number, "expMonth", 12, "expYear", 2040, "cvc", "123")))).text("id");
    }
}
