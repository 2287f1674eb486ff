package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.payments.TransactionReconciler;
import com.chaching.payments.TransactionService;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** architecture.md "Billing engine": a payment is never taken twice, whatever the timing or the crash. */
class PaymentProtocolTest extends ApiTest {

    @Autowired
    InvoiceService invoices;

    @Autowired
    TransactionService transactions;

    @Autowired
    TransactionReconciler reconciler;

    @Autowired
    TransactionTemplate inTransaction;

    @Test
    void eightParallelPaysChargeOnce() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 2500).text("id");
        api.post("/invoices/" + id + "/finalize", Map.of());

        List<Response> responses = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.send("PUT", "/invoices/" + id, null, Map.of())))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() != 200))
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(409));
        assertThat(gatewayCharges(api)).isEqualTo(1);
        assertThat(succeededCharges(api, id)).isEqualTo(1);
        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("paid");
    }

    @Test
    void aRetriedPayWithItsIdempotencyKeyIsReplayedNotCharged() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 2500).text("id");

        Response first = api.send("PUT", "/invoices/" + id, null, Map.of("Idempotency-Key", "pay-once"));
        Response retry = api.send("PUT", "/invoices/" + id, null, Map.of("Idempotency-Key", "pay-once"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(gatewayCharges(api)).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheChargeWasRecordedButBeforeTheGatewayWasCalledChargesOnceInTheEnd() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 1800).text("id");

        inTransaction.execute(status -> invoices.startAttempt(tenant, id, null));
        // The server dies here: the charge is pending and the gateway never heard of it.

        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).code()).isEqualTo("payment_in_progress");
        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();
        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("open");
        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).code()).isEqualTo("payment_in_progress");

        serverClock.advance(Duration.ofMinutes(10));
        reconciler.reconcilePending();
        Response afterReconciling = api.get("/invoices/" + id);
        assertThat(afterReconciling.json().get("attemptCount").asInt()).isEqualTo(1);
        assertThat(api.get("/transactions?invoice=" + id).json().get("data").get(0).get("failureCode").asString()).isEqualTo("no_response");

        Response paid = created(api.send("PUT", "/invoices/" + id, null, Map.of()), 200);
        assertThat(paid.text("status")).isEqualTo("paid");
        assertThat(gatewayCharges(api)).isEqualTo(1);
        assertThat(succeededCharges(api, id)).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheGatewayChargedButBeforeTheOutcomeWasRecordedEndsPaidWithOneCharge() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 1800).text("id");

        InvoiceService.Attempt attempt = inTransaction.execute(status -> invoices.startAttempt(tenant, id, null));
        transactions.sendCharge(tenant, ((InvoiceService.Attempt.Charging) attempt).transactionId());
        // The server dies here: the gateway charged, but nobody wrote it down.

        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).code()).isEqualTo("payment_in_progress");
        serverClock.advance(Duration.ofMinutes(2));
        assertThat(reconciler.reconcilePending()).isPositive();

        Response invoice = api.get("/invoices/" + id);
        assertThat(invoice.text("status")).isEqualTo("paid");
        assertThat(invoice.json().get("amountPaid").asLong()).isEqualTo(1800);
        assertThat(gatewayCharges(api)).isEqualTo(1);
        assertThat(succeededCharges(api, id)).isEqualTo(1);
        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).status()).isEqualTo(409);
    }

    private long gatewayCharges(Api api) {
        return jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", api.accountId()).query(Long.class).single();
    }

    static long succeededCharges(Api api, String invoiceId) {
        return api.get("/transactions?type=charge&status=succeeded&invoice=" + invoiceId).json().get("data").size();
    }
}
