package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.DECLINED_CARD;
import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static com.chaching.invoicing.InvoiceFixtures.taxRate;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InvoicesApiTest extends ApiTest {

    @Test
    void theWorkedTaxExamplesHoldOnRealInvoices() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String twenty = taxRate(api, 20);
        String nyc = taxRate(api, 8.875);
        String ten = taxRate(api, 10);
        String five = taxRate(api, 5);

        JsonNode invoice = created(api.post("/invoices", Map.of("customer", "c", "currency", "usd", "lines", List.of(
                Map.of("description", "A", "unitAmount", 3000, "taxRates", List.of(twenty)),
                Map.of("description", "B", "unitAmount", 333, "taxRates", List.of(nyc)),
                Map.of("description", "C", "unitAmount", 1200, "taxRates", List.of(twenty), "taxBehavior", "inclusive"),
                Map.of("description", "D", "unitAmount", 1000, "taxRates", List.of(ten, five), "taxBehavior", "inclusive"))))).json();

        JsonNode lines = invoice.get("lines").get("data");
        assertThat(lines.get(0).get("taxAmounts").get(0).get("amount").asLong()).isEqualTo(600);
        assertThat(lines.get(1).get("taxAmounts").get(0).get("amount").asLong()).isEqualTo(30);
        assertThat(lines.get(2).get("taxAmounts").get(0).get("amount").asLong()).isEqualTo(200);
        assertThat(lines.get(2).get("taxAmounts").get(0).get("inclusive").asBoolean()).isTrue();
        assertThat(lines.get(3).get("taxAmounts").valueStream().map(t -> t.get("amount").asLong()).toList()).containsExactly(87L, 43L);
        assertThat(invoice.get("subtotal").asLong()).isEqualTo(3000 + 333 + 1200 + 1000);
        assertThat(invoice.get("tax").asLong()).isEqualTo(600 + 30 + 200 + 130);
        assertThat(invoice.get("total").asLong()).isEqualTo(5533 + 630);
        assertThat(invoice.get("totalExcludingTax").asLong()).isEqualTo(5533 + 630 - 960);
        assertThat(invoice.get("amountDue").asLong()).isEqualTo(6163);
        assertThat(invoice.get("amountRemaining").asLong()).isEqualTo(6163);
        assertThat(invoice.get("status").asString()).isEqualTo("draft");
        assertThat(invoice.get("number").isNull()).isTrue();
        assertThat(invoice.get("billingReason").asString()).isEqualTo("manual");
    }

    @Test
    void aPriceLineTakesItsAmountDescriptionAndTaxBehaviorFromThePrice() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String product = created(api.post("/products", Map.of("name", "Seat"))).text("id");
        String price = created(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 1200, "type", "one_time",
                "taxBehavior", "inclusive"))).text("id");

        JsonNode line = created(api.post("/invoices", Map.of("customer", "c", "currency", "usd",
                "lines", List.of(Map.of("price", price, "quantity", 3, "taxRates", List.of(taxRate(api, 20))))))).json()
                .get("lines").get("data").get(0);

        assertThat(line.get("id").asString()).startsWith("il_");
        assertThat(line.get("description").asString()).isEqualTo("Seat");
        assertThat(line.get("price").asString()).isEqualTo(price);
        assertThat(line.get("unitAmount").asLong()).isEqualTo(1200);
        assertThat(line.get("amount").asLong()).isEqualTo(3600);
        assertThat(line.get("taxBehavior").asString()).isEqualTo("inclusive");
        assertThat(line.get("taxAmounts").get(0).get("amount").asLong()).isEqualTo(600);
    }

    @Test
    void everyBadReferenceOrLineIsNamed() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String product = created(api.post("/products", Map.of("name", "P"))).text("id");
        String eur = created(api.post("/prices/" + product, Map.of("currency", "eur", "unitAmount", 1, "type", "one_time"))).text("id");
        String retired = created(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 1, "type", "one_time",
                "active", false))).text("id");
        String inactiveRate = created(api.post("/taxRates", Map.of("displayName", "Old", "percentage", 5, "active", false))).text("id");

        assertParam(api, Map.of("customer", "nobody", "currency", "usd", "lines", List.of(manual(1))), "customer");
        String customerId = api.get("/customers/c").text("id");
        assertThat(api.post("/invoices", Map.of("customer", customerId, "currency", "usd", "lines", List.of(manual(1)))).text("detail"))
                .contains("addressed by their externalKey, not by their id");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", List.of(Map.of("price", eur))), "lines[0].price");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", List.of(manual(1), Map.of("price", retired))), "lines[1].price");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", List.of(Map.of("price", "price_nope"))), "lines[0].price");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", List.of(Map.of("unitAmount", 5))), "lines[0].description");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", List.of(Map.of("description", "x"))), "lines[0].unitAmount");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines",
                List.of(Map.of("description", "x", "unitAmount", 1, "taxRates", List.of(inactiveRate)))), "lines[0].taxRates");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines",
                List.of(Map.of("description", "x", "unitAmount", 1, "taxRates", List.of("txr_nope")))), "lines[0].taxRates");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", List.of()), "lines");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", Collections.nCopies(251, manual(1))), "lines");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", List.of(Map.of("description", "x", "unitAmount", 1, "quantity", 0))),
                "lines[0].quantity");
        assertParam(api, Map.of("customer", "c", "currency", "usd", "lines", List.of(manual(1)), "daysUntilDue", 10), "daysUntilDue");
        assertParam(api, Map.of("customer", "c", "currency", "xyz", "lines", List.of(manual(1))), "currency");
        assertThat(api.get("/invoices").json().get("data").size()).isZero();
        created(api.post("/invoices", Map.of("customer", "c", "currency", "usd", "lines", Collections.nCopies(250, manual(1)))));
    }

    @Test
    void finalizingNumbersInvoicesInOrderWithoutGapsEvenAtOnce() {
        Api api = signUp();
        api.patch("/account", Map.of("invoicePrefix", "ACME"));
        created(api.post("/customers", Map.of("externalKey", "c")));
        String first = invoice(api, "c", 100).text("id");

        Response finalized = created(api.post("/invoices/" + first + "/finalize", Map.of()), 200);
        assertThat(finalized.text("number")).isEqualTo("ACME-000001");
        assertThat(finalized.text("status")).isEqualTo("open");
        assertThat(finalized.text("dueDate")).isEqualTo(finalized.text("finalizedAt"));
        assertThat(api.post("/invoices/" + first + "/finalize", Map.of()).status()).isEqualTo(409);

        List<String> drafts = IntStream.range(0, 10).mapToObj(i -> invoice(api, "c", 100).text("id")).toList();
        List<CompletableFuture<Response>> finalizing = drafts.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> api.post("/invoices/" + id + "/finalize", Map.of()))).toList();
        List<String> numbers = new ArrayList<>(finalizing.stream().map(CompletableFuture::join).map(r -> created(r, 200).text("number")).toList());
        Collections.sort(numbers);
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(2, 11).mapToObj("ACME-%06d"::formatted).toList());
    }

    @Test
    void aSendInvoiceInvoiceIsDueAfterItsDays() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String id = created(api.post("/invoices", Map.of("customer", "c", "currency", "usd", "collectionMethod", "send_invoice",
                "daysUntilDue", 14, "lines", List.of(manual(100))))).text("id");

        Response finalized = created(api.post("/invoices/" + id + "/finalize", Map.of()), 200);

        assertThat(java.time.Instant.parse(finalized.text("dueDate")))
                .isEqualTo(java.time.Instant.parse(finalized.text("finalizedAt")).plus(java.time.Duration.ofDays(14)));
        assertThat(finalized.text("collectionMethod")).isEqualTo("send_invoice");
    }

    @Test
    void payingChargesTheDefaultCardOnceAndRecordsTheCharge() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 1000).text("id");

        Response paid = created(api.send("PUT", "/invoices/" + id, null, Map.of()), 200);

        assertThat(paid.text("status")).isEqualTo("paid");
        assertThat(paid.text("number")).isNotNull();
        assertThat(paid.json().get("amountPaid").asLong()).isEqualTo(1000);
        assertThat(paid.json().get("amountRemaining").asLong()).isZero();
        assertThat(paid.json().get("attemptCount").asInt()).isEqualTo(1);
        assertThat(paid.text("paidAt")).isNotNull();
        JsonNode charge = api.get("/invoices/" + id + "/transactions").json().get("data").get(0);
        assertThat(charge.get("type").asString()).isEqualTo("charge");
        assertThat(charge.get("status").asString()).isEqualTo("succeeded");
        assertThat(charge.get("amount").asLong()).isEqualTo(1000);
        assertThat(charge.get("fee").asLong()).isEqualTo(59);
        assertThat(charge.get("net").asLong()).isEqualTo(941);
        assertThat(charge.get("customer").asString()).isEqualTo("c");
        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).status()).isEqualTo(409);
        assertThat(api.delete("/invoices/" + id).status()).isEqualTo(409);
    }

    @Test
    void aDeclinedCardIsA402WithTheGatewaysCodeAndTheInvoiceStaysOpen() {
        Api api = signUp();
        customerWithCard(api, "c", DECLINED_CARD);
        String id = invoice(api, "c", 1000).text("id");

        Response declined = api.send("PUT", "/invoices/" + id, null, Map.of());

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.code()).isEqualTo("card_declined");
        Response invoice = api.get("/invoices/" + id);
        assertThat(invoice.text("status")).isEqualTo("open");
        assertThat(invoice.json().get("attemptCount").asInt()).isEqualTo(1);
        JsonNode failed = api.get("/transactions?invoice=" + id).json().get("data").get(0);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("failureCode").asString()).isEqualTo("card_declined");

        String good = InvoiceFixtures.cardFor(api, "c", GOOD_CARD);
        Response paid = created(api.send("PUT", "/invoices/" + id, Map.of("paymentMethod", good), Map.of()), 200);
        assertThat(paid.text("status")).isEqualTo("paid");
        assertThat(paid.json().get("attemptCount").asInt()).isEqualTo(2);
    }

    @Test
    void eachFailingCardAnswersWithItsOwnCode() {
        Api api = signUp();
        Map<String, String> cards = Map.of("4000000000009995", "insufficient_funds", "4000000000000069", "expired_card",
                "4000000000000119", "processing_error", "4000000000000341", "card_declined");
        cards.forEach((number, code) -> {
            String customer = "c" + number;
            customerWithCard(api, customer, number);
            String id = invoice(api, customer, 1000).text("id");
            Response response = api.send("PUT", "/invoices/" + id, null, Map.of());
            assertThat(response.status()).as(number).isEqualTo(402);
            assertThat(response.code()).as(number).isEqualTo(code);
            assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("open");
        });
    }

    @Test
    void withoutAPaymentMethodPayingIsA402ButTheInvoiceIsFinalized() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String id = invoice(api, "c", 1000).text("id");

        Response response = api.send("PUT", "/invoices/" + id, null, Map.of());

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.code()).isEqualTo("no_payment_method");
        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("open");
        String loose = created(api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", GOOD_CARD, "expMonth", 12, "expYear", 2040, "cvc", "123")))).text("id");
        Response notAttached = api.send("PUT", "/invoices/" + id, Map.of("paymentMethod", loose), Map.of());
        assertThat(notAttached.status()).isEqualTo(400);
        assertThat(notAttached.text("param")).isEqualTo("paymentMethod");
    }

    @Test
    void nothingToPayIsPaidWithoutACharge() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String id = invoice(api, "c", 0).text("id");

        Response paid = created(api.send("PUT", "/invoices/" + id, null, Map.of()), 200);

        assertThat(paid.text("status")).isEqualTo("paid");
        assertThat(api.get("/invoices/" + id + "/transactions").json().get("data").size()).isZero();
    }

    @Test
    void aNegativeInvoiceBecomesCreditThatTheNextInvoiceUsesFirst() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String credit = invoice(api, "c", -700).text("id");

        Response credited = created(api.post("/invoices/" + credit + "/finalize", Map.of()), 200);
        assertThat(credited.text("status")).isEqualTo("paid");
        assertThat(credited.json().get("amountDue").asLong()).isZero();
        assertThat(api.get("/customers/c").json().get("balance").asLong()).isEqualTo(-700);

        String next = invoice(api, "c", 1000).text("id");
        Response paid = created(api.send("PUT", "/invoices/" + next, null, Map.of()), 200);

        assertThat(paid.json().get("appliedBalance").asLong()).isEqualTo(700);
        assertThat(paid.json().get("amountDue").asLong()).isEqualTo(300);
        assertThat(paid.json().get("amountPaid").asLong()).isEqualTo(300);
        assertThat(api.get("/customers/c").json().get("balance").asLong()).isZero();
        List<String> types = api.get("/invoices/" + next + "/transactions").json().get("data").valueStream()
                .map(t -> t.get("type").asString() + ":" + t.get("amount").asLong()).toList();
        assertThat(types).containsExactly("charge:300", "adjustment:700");
    }

    @Test
    void creditIsOnlyAppliedInItsOwnCurrency() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        created(api.post("/invoices/" + invoice(api, "c", -1000).text("id") + "/finalize", Map.of()), 200);
        assertThat(api.get("/customers/c").text("balanceCurrency")).isEqualTo("usd");

        String yen = created(api.post("/invoices", Map.of("customer", "c", "currency", "jpy",
                "lines", List.of(Map.of("description", "Yen", "unitAmount", 5000))))).text("id");
        Response finalized = created(api.post("/invoices/" + yen + "/finalize", Map.of()), 200);
        assertThat(finalized.json().get("appliedBalance").asLong()).isZero();
        assertThat(finalized.json().get("amountDue").asLong()).isEqualTo(5000);

        String yenCredit = created(api.post("/invoices", Map.of("customer", "c", "currency", "jpy",
                "lines", List.of(Map.of("description", "Yen credit", "unitAmount", -100))))).text("id");
        assertThat(api.post("/invoices/" + yenCredit + "/finalize", Map.of()).code()).isEqualTo("invalid_state");
        assertThat(api.get("/customers/c").json().get("balance").asLong()).isEqualTo(-1000);
    }

    @Test
    void voidingNeverMovesCreditIntoABalanceOfAnotherCurrency() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        created(api.post("/invoices/" + invoice(api, "c", -100).text("id") + "/finalize", Map.of()), 200);
        String usd = invoice(api, "c", 300).text("id");
        assertThat(created(api.post("/invoices/" + usd + "/finalize", Map.of()), 200).json().get("appliedBalance").asLong()).isEqualTo(100);
        String yenCredit = created(api.post("/invoices", Map.of("customer", "c", "currency", "jpy",
                "lines", List.of(Map.of("description", "Yen credit", "unitAmount", -50))))).text("id");
        created(api.post("/invoices/" + yenCredit + "/finalize", Map.of()), 200);

        Response refused = api.delete("/invoices/" + usd);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/invoices/" + usd).text("status")).isEqualTo("open");
        assertThat(api.get("/customers/c").json().get("balance").asLong()).isEqualTo(-50);
    }

    @Test
    void anInvoiceTooLargeToAddUpIsRefused() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));

        Response response = api.post("/invoices", Map.of("customer", "c", "currency", "usd", "lines",
                Collections.nCopies(250, Map.of("description", "Huge", "unitAmount", 99_999_999_999L, "quantity", 1_000_000))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("param")).isEqualTo("lines");
    }

    @Test
    void voidingIsForDraftsAndOpenInvoicesAndGivesCreditBack() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String draft = invoice(api, "c", 100).text("id");
        Response voided = created(api.delete("/invoices/" + draft), 200);
        assertThat(voided.text("status")).isEqualTo("void");
        assertThat(voided.text("voidedAt")).isNotNull();
        assertThat(api.delete("/invoices/" + draft).status()).isEqualTo(409);
        assertThat(api.send("PUT", "/invoices/" + draft, null, Map.of()).status()).isEqualTo(409);

        created(api.post("/invoices/" + invoice(api, "c", -200).text("id") + "/finalize", Map.of()), 200);
        String open = invoice(api, "c", 300).text("id");
        Response finalized = created(api.post("/invoices/" + open + "/finalize", Map.of()), 200);
        assertThat(finalized.json().get("appliedBalance").asLong()).isEqualTo(200);
        assertThat(finalized.json().get("amountDue").asLong()).isEqualTo(100);
        assertThat(api.get("/customers/c").json().get("balance").asLong()).isZero();
        Response voidedOpen = created(api.delete("/invoices/" + open), 200);
        assertThat(voidedOpen.json().get("appliedBalance").asLong()).isZero();
        assertThat(api.get("/customers/c").json().get("balance").asLong()).isEqualTo(-200);
    }

    @Test
    void listsFilterByCustomerStatusAndTime() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "a")));
        created(api.post("/customers", Map.of("externalKey", "b")));
        String a1 = invoice(api, "a", 100).text("id");
        String b1 = invoice(api, "b", 100).text("id");
        api.post("/test-clock/advance", Map.of("to", "2030-01-01T00:00:00Z"));
        String a2 = invoice(api, "a", 100).text("id");
        api.post("/invoices/" + a2 + "/finalize", Map.of());

        assertThat(ids(api.get("/invoices"))).containsExactly(a2, b1, a1);
        assertThat(ids(api.get("/invoices?customer=a"))).containsExactly(a2, a1);
        assertThat(ids(api.get("/invoices?status=open"))).containsExactly(a2);
        assertThat(ids(api.get("/invoices?status=draft&customer=b"))).containsExactly(b1);
        assertThat(ids(api.get("/invoices?createdGte=2030-01-01T00:00:00Z"))).containsExactly(a2);
        assertThat(ids(api.get("/invoices?createdLt=2030-01-01T00:00:00Z&limit=1"))).containsExactly(b1);
        assertThat(api.get("/invoices?status=bogus").status()).isEqualTo(400);
    }

    @Test
    void anotherAccountsInvoiceIsNotFoundAndStaysUntouched() {
        Api owner = signUp();
        Api other = signUp();
        customerWithCard(owner, "c", GOOD_CARD);
        String id = invoice(owner, "c", 100).text("id");

        assertThat(other.get("/invoices/" + id).status()).isEqualTo(404);
        assertThat(other.post("/invoices/" + id + "/finalize", Map.of()).status()).isEqualTo(404);
        assertThat(other.send("PUT", "/invoices/" + id, null, Map.of()).status()).isEqualTo(404);
        assertThat(other.delete("/invoices/" + id).status()).isEqualTo(404);
        assertThat(other.get("/invoices/" + id + "/transactions").status()).isEqualTo(404);
        assertThat(other.get("/invoices").json().get("data").size()).isZero();
        assertThat(other.post("/invoices", Map.of("customer", "c", "currency", "usd", "lines", List.of(manual(1)))).text("param"))
                .isEqualTo("customer");
        assertThat(owner.get("/invoices/" + id).text("status")).isEqualTo("draft");
    }

    @Test
    void aProductWhosePriceWasInvoicedCannotBeDeleted() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String product = created(api.post("/products", Map.of("name", "Billed"))).text("id");
        String price = created(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "one_time"))).text("id");
        created(api.post("/invoices", Map.of("customer", "c", "currency", "usd", "lines", List.of(Map.of("price", price)))));

        Response refused = api.delete("/products/" + product);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("resource_in_use");
        assertThat(refused.text("detail")).contains("active: false");
        assertThat(api.get("/products/" + product).status()).isEqualTo(200);
    }

    private static Map<String, Object> manual(long amount) {
        return Map.of("description", "Line", "unitAmount", amount);
    }

    private static void assertParam(Api api, Map<String, ?> body, String param) {
        Response response = api.post("/invoices", body);
        assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
        assertThat(response.text("param")).as(response.toString()).isEqualTo(param);
    }

    static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("data").valueStream().map(c -> c.get("id").asString()).toList();
    }
}
