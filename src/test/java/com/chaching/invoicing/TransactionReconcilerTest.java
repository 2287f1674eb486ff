package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.payments.sandbox.WatchedSandboxGateway.LookUp;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The reconciler (invoicing.md "Crashes, lost answers and the reconciler") asks the gateway holding no
 * transaction and no row lock of ours (decisions.md (ac)), and still settles each pending payment once
 * ({@link LostGatewayAnswersTest}: the gateway loses every answer).
 */
class TransactionReconcilerTest extends LostGatewayAnswersTest {

    @Test
    void aChargeIsLookedUpWithNoTransactionOpenAndItsRowUnlocked() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 4200).text("id");
        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).code()).isEqualTo("payment_in_progress");

        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();

        assertThat(gateway.lookUpsIn(api.accountId())).extracting(LookUp::of).contains("charge");
        assertHeldNothingAcrossTheGateway(api);
        Response invoice = api.get("/invoices/" + id);
        assertThat(invoice.text("status")).isEqualTo("paid");
        assertThat(invoice.json().get("amountPaid").asLong()).isEqualTo(4200);
        assertThat(gatewayCharges(api)).isEqualTo(1);
        assertThat(PaymentProtocolTest.succeededCharges(api, id)).isEqualTo(1);
    }

    @Test
    void aRefundIsLookedUpWithNoTransactionOpenAndItsRowUnlocked() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 3000).text("id");
        api.send("PUT", "/invoices/" + id, null, Map.of());
        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();
        String charge = api.get("/transactions?type=charge&status=succeeded&invoice=" + id).json().get("data").get(0).get("id").asString();

        Response refund = created(api.post("/transactions/" + charge + "/refunds", Map.of()));
        assertThat(refund.text("status")).isEqualTo("pending");
        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();

        assertThat(gateway.lookUpsIn(api.accountId())).extracting(LookUp::of).contains("refund");
        assertHeldNothingAcrossTheGateway(api);
        assertThat(api.get("/transactions/" + refund.text("id")).text("status")).isEqualTo("succeeded");
        assertThat(api.get("/transactions/" + charge).json().get("refundedAmount").asLong()).isEqualTo(3000);
        assertThat(jdbc.sql("select count(*) from sandbox_refunds where account_id = :a").param("a", api.accountId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChargeTheGatewayNeverReceivedFailsAfterTenMinutesLookedUpWithNothingHeld() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 1800).text("id");
        inTransaction.execute(status -> invoices.startAttempt(tenant, id, null));
        // The server dies here: the charge is pending and the gateway never heard of it.

        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();
        assertThat(charges(api, id).get(0).get("status").asString()).isEqualTo("pending");

        serverClock.advance(Duration.ofMinutes(10));
        reconciler.reconcilePending();

        assertThat(gateway.lookUpsIn(api.accountId())).hasSizeGreaterThanOrEqualTo(2);
        assertHeldNothingAcrossTheGateway(api);
        assertThat(charges(api, id)).singleElement().satisfies(charge -> {
            assertThat(charge.get("status").asString()).isEqualTo("failed");
            assertThat(charge.get("failureCode").asString()).isEqualTo("no_response");
        });
        Response invoice = api.get("/invoices/" + id);
        assertThat(invoice.text("status")).isEqualTo("open");
        assertThat(invoice.json().get("attemptCount").asInt()).isEqualTo(1);
        assertThat(gatewayCharges(api)).isZero();
    }

    @Test
    void twoReconcilersAtOnceSettleAChargeLeftByACrashOnce() throws Exception {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 1800).text("id");
        InvoiceService.Attempt attempt = inTransaction.execute(status -> invoices.startAttempt(tenant, id, null));
        transactions.sendCharge(tenant, ((InvoiceService.Attempt.Charging) attempt).transactionId());
        // The server dies here: the gateway charged, but nobody wrote it down.

        serverClock.advance(Duration.ofMinutes(2));
        gateway.holdLookUpsUntil(2);
        try (ExecutorService copies = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> passes = List.of(copies.submit(reconciler::reconcilePending), copies.submit(reconciler::reconcilePending));
            for (Future<Integer> pass : passes) {
                pass.get();
            }
        }

        // Both found the charge at the gateway (a scheduled pass may have joined them); only one may record it.
        assertThat(gateway.lookUpsIn(api.accountId())).as("look-ups, one by each reconciler").hasSizeGreaterThanOrEqualTo(2);
        Response invoice = api.get("/invoices/" + id);
        assertThat(invoice.text("status")).isEqualTo("paid");
        assertThat(invoice.json().get("amountPaid").asLong()).isEqualTo(1800);
        assertThat(invoice.json().get("attemptCount").asInt()).isEqualTo(1);
        assertThat(charges(api, id)).singleElement().satisfies(charge ->
                assertThat(charge.get("status").asString()).isEqualTo("succeeded"));
        assertThat(gatewayCharges(api)).isEqualTo(1);
    }

    private void assertHeldNothingAcrossTheGateway(Api api) {
        assertThat(gateway.lookUpsIn(api.accountId())).allSatisfy(lookUp -> {
            assertThat(lookUp.callerTransactionOpen()).as("a database transaction open during a look-up of a " + lookUp.of()).isFalse();
            assertThat(lookUp.rowLocked()).as("the %s's row locked during its look-up", lookUp.of()).isFalse();
        });
    }

    private static List<JsonNode> charges(Api api, String invoiceId) {
        return api.get("/transactions?type=charge&invoice=" + invoiceId).json().get("data").valueStream().toList();
    }

    private long gatewayCharges(Api api) {
        return jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", api.accountId()).query(Long.class).single();
    }
}
