package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.DECLINED_CARD;
import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static com.chaching.invoicing.InvoicesApiTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Transactions, refunds and the balance (billing.md "Transactions and balance"), on paid invoices. */
class TransactionsApiTest extends ApiTest {

    @Test
    void transactionsAreListedFilteredAndReadOne() {
        Api api = signUp();
        customerWithCard(api, "good", GOOD_CARD);
        customerWithCard(api, "bad", DECLINED_CARD);
        String paid = invoice(api, "good", 1000).text("id");
        String declined = invoice(api, "bad", 500).text("id");
        api.send("PUT", "/invoices/" + paid, null, Map.of());
        api.send("PUT", "/invoices/" + declined, null, Map.of());

        List<String> all = ids(api.get("/transactions"));
        assertThat(all).hasSize(2);
        assertThat(ids(api.get("/transactions?status=failed"))).hasSize(1);
        assertThat(ids(api.get("/transactions?customer=good&type=charge"))).hasSize(1);
        assertThat(ids(api.get("/transactions?invoice=" + declined))).hasSize(1);
        assertThat(ids(api.get("/transactions?type=refund"))).isEmpty();
        assertThat(ids(api.get("/transactions?createdGte=2099-01-01T00:00:00Z"))).isEmpty();
        assertThat(api.get("/transactions?type=gift").status()).isEqualTo(400);

        String chargeId = ids(api.get("/transactions?invoice=" + paid)).getFirst();
        Response charge = api.get("/transactions/" + chargeId);
        assertThat(charge.text("object")).isEqualTo("transaction");
        assertThat(charge.text("invoice")).isEqualTo(paid);
        assertThat(charge.text("paymentMethod")).startsWith("pm_");
        assertThat(charge.text("currency")).isEqualTo("usd");
        assertThat(charge.text("availableOn")).isNotNull();
        assertThat(api.get("/invoices/" + paid + "/transactions/" + chargeId).json()).isEqualTo(charge.json());
        assertThat(api.get("/invoices/" + declined + "/transactions/" + chargeId).status()).isEqualTo(404);
        assertThat(signUp().get("/transactions/" + chargeId).status()).isEqualTo(404);
    }

    @Test
    void aChargeIsRefundedInFullByDefaultOrInPartsNeverBeyondIt() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String full = charge(api, 1000);
        String parts = charge(api, 1000);

        Response refund = created(api.post("/transactions/" + full + "/refunds", Map.of("reason", "requested_by_customer")));
        assertThat(refund.text("type")).isEqualTo("refund");
        assertThat(refund.text("status")).isEqualTo("succeeded");
        assertThat(refund.json().get("amount").asLong()).isEqualTo(1000);
        assertThat(refund.json().get("net").asLong()).isEqualTo(-1000);
        assertThat(refund.text("charge")).isEqualTo(full);
        assertThat(refund.text("reason")).isEqualTo("requested_by_customer");
        assertThat(api.get("/transactions/" + full).json().get("refundedAmount").asLong()).isEqualTo(1000);
        assertThat(api.post("/transactions/" + full + "/refunds", Map.of()).code()).isEqualTo("refund_exceeds_charge");

        created(api.post("/transactions/" + parts + "/refunds", Map.of("amount", 300)));
        assertThat(api.post("/transactions/" + parts + "/refunds", Map.of("amount", 701)).status()).isEqualTo(409);
        created(api.post("/transactions/" + parts + "/refunds", Map.of("amount", 700)));
        assertThat(api.get("/transactions/" + parts).json().get("refundedAmount").asLong()).isEqualTo(1000);
        String invoice = api.get("/transactions/" + parts).text("invoice");
        assertThat(api.get("/invoices/" + invoice).text("status")).isEqualTo("paid");

        assertThat(api.post("/transactions/" + refund.text("id") + "/refunds", Map.of()).code()).isEqualTo("invalid_state");
        assertThat(api.post("/transactions/" + full + "/refunds", Map.of("amount", 0)).text("param")).isEqualTo("amount");
        assertThat(api.post("/transactions/" + full + "/refunds", Map.of("reason", "bored")).text("param")).isEqualTo("reason");
        assertThat(signUp().post("/transactions/" + parts + "/refunds", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aFailedChargeCannotBeRefunded() {
        Api api = signUp();
        customerWithCard(api, "c", DECLINED_CARD);
        String id = invoice(api, "c", 1000).text("id");
        api.send("PUT", "/invoices/" + id, null, Map.of());
        String failed = ids(api.get("/transactions?invoice=" + id)).getFirst();

        assertThat(api.post("/transactions/" + failed + "/refunds", Map.of()).code()).isEqualTo("invalid_state");
    }

    @Test
    void parallelRefundsNeverAddUpToMoreThanTheCharge() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String charge = charge(api, 1000);

        List<Response> responses = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.post("/transactions/" + charge + "/refunds", Map.of("amount", 300))))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(3);
        assertThat(api.get("/transactions/" + charge).json().get("refundedAmount").asLong()).isEqualTo(900);
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from sandbox_refunds where account_id = :a and outcome = 'succeeded'")
                .param("a", api.accountId()).query(Long.class).single()).isEqualTo(900);
    }

    @Test
    void theBalanceSettlesAfterTheAccountsSettlementDays() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        charge(api, 10_000);

        JsonNode before = api.get("/balance").json();
        assertThat(before.get("object").asString()).isEqualTo("balance");
        assertThat(amount(before, "pending", "usd")).isEqualTo(10_000 - 320);
        assertThat(amount(before, "available", "usd")).isZero();

        advanceDays(api, 2);
        JsonNode after = api.get("/balance").json();
        assertThat(amount(after, "pending", "usd")).isZero();
        assertThat(amount(after, "available", "usd")).isEqualTo(10_000 - 320);
    }

    @Test
    void theBalanceAlwaysEqualsWhatTheTransactionsAddUpTo() {
        Api api = signUp();
        customerWithCard(api, "good", GOOD_CARD);
        customerWithCard(api, "poor", "4000000000009995");
        api.patch("/account", Map.of("settlementDays", 3));
        Random random = new Random(20261125);
        for (int step = 0; step < 25; step++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> charge(api, 100 + random.nextInt(50_000));
                case 2 -> api.send("PUT", "/invoices/" + invoice(api, "poor", 100 + random.nextInt(5_000)).text("id"), null, Map.of());
                default -> {
                    List<JsonNode> refundable = all(api, "/transactions?type=charge&status=succeeded").stream()
                            .filter(t -> t.get("refundedAmount").asLong() < t.get("amount").asLong()).toList();
                    if (!refundable.isEmpty()) {
                        JsonNode charge = refundable.get(random.nextInt(refundable.size()));
                        long left = charge.get("amount").asLong() - charge.get("refundedAmount").asLong();
                        api.post("/transactions/" + charge.get("id").asString() + "/refunds", Map.of("amount", 1 + random.nextInt((int) left)));
                    }
                }
            }
            if (random.nextInt(3) == 0) {
                advanceDays(api, 1);
            }
            assertBalanceMatchesTransactions(api);
        }
    }

    private void assertBalanceMatchesTransactions(Api api) {
        Instant now = Instant.parse(api.get("/test-clock").text("now"));
        long available = 0;
        long pending = 0;
        for (JsonNode t : all(api, "/transactions?status=succeeded")) {
            String type = t.get("type").asString();
            if (type.equals("refund")) {
                available += t.get("net").asLong();
            } else if (type.equals("charge")) {
                if (Instant.parse(t.get("availableOn").asString()).isAfter(now)) {
                    pending += t.get("net").asLong();
                } else {
                    available += t.get("net").asLong();
                }
            }
        }
        JsonNode balance = api.get("/balance").json();
        assertThat(amount(balance, "available", "usd")).isEqualTo(available);
        assertThat(amount(balance, "pending", "usd")).isEqualTo(pending);
    }

    private static List<JsonNode> all(Api api, String path) {
        List<JsonNode> rows = new ArrayList<>();
        Response page = api.get(path + "&limit=100");
        page.json().get("data").forEach(rows::add);
        while (page.json().get("hasMore").asBoolean()) {
            page = api.get(path + "&limit=100&startingAfter=" + rows.getLast().get("id").asString());
            page.json().get("data").forEach(rows::add);
        }
        return rows;
    }

    private static long amount(JsonNode balance, String kind, String currency) {
        return balance.get(kind).valueStream().filter(a -> a.get("currency").asString().equals(currency))
                .mapToLong(a -> a.get("amount").asLong()).findFirst().orElse(0);
    }

    private static void advanceDays(Api api, int days) {
        Instant now = Instant.parse(api.get("/test-clock").text("now"));
        created(api.post("/test-clock/advance", Map.of("to", now.plusSeconds(days * 86_400L).toString())), 200);
    }

    /** Pays a new invoice of {@code amount} for customer "c" and returns its charge's id. */
    private static String charge(Api api, long amount) {
        String customer = api.get("/customers/good").status() == 200 ? "good" : "c";
        String id = invoice(api, customer, amount).text("id");
        created(api.send("PUT", "/invoices/" + id, null, Map.of()), 200);
        return ids(api.get("/transactions?type=charge&invoice=" + id)).getFirst();
    }
}
