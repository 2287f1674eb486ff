package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static com.chaching.testing.RecordedEvents.object;
import static com.chaching.testing.RecordedEvents.only;
import static com.chaching.testing.RecordedEvents.types;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A charge or refund the reconciler settles has its event too, written where it settles it, once: the gateway
 * loses every answer ({@link LostGatewayAnswersTest}), so nothing is recorded
 * until the reconciler looks the payment up.
 */
class ReconciledPaymentEventsTest extends LostGatewayAnswersTest {

    @Test
    void aChargeWhoseAnswerWasLostRecordsItsOutcomeWhenTheReconcilerSettlesIt() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 4200).text("id");
        assertThat(api.send("PUT", "/invoices/" + id, null, Map.of()).code()).isEqualTo("payment_in_progress");
        assertThat(types(api, "transaction.*")).isEmpty();

        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();
        reconciler.reconcilePending();

        JsonNode succeeded = only(api, "transaction.succeeded");
        assertThat(object(succeeded)).isEqualTo(api.get("/transactions/" + object(succeeded).get("id").asString()).json());
        assertThat(succeeded.get("request").get("id").isNull()).isTrue();
        assertThat(types(api, "transaction.*")).containsExactly("transaction.succeeded");
    }

    @Test
    void twoReconcilersAtOnceRecordAChargeLeftByACrashOnce() throws Exception {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 1800).text("id");
        InvoiceService.Attempt attempt = inTransaction.execute(status -> invoices.startAttempt(tenant, id, null));
        transactions.sendCharge(tenant, ((InvoiceService.Attempt.Charging) attempt).transactionId());

        serverClock.advance(Duration.ofMinutes(2));
        gateway.holdLookUpsUntil(2);
        try (ExecutorService copies = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> passes = List.of(copies.submit(reconciler::reconcilePending), copies.submit(reconciler::reconcilePending));
            for (Future<Integer> pass : passes) {
                pass.get();
            }
        }

        assertThat(types(api, "transaction.*")).containsExactly("transaction.succeeded");
    }

    @Test
    void aChargeTheGatewayNeverReceivedRecordsTransactionFailedOnce() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 1800).text("id");
        inTransaction.execute(status -> invoices.startAttempt(tenant, id, null));

        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();
        assertThat(types(api, "transaction.*")).isEmpty();
        serverClock.advance(Duration.ofMinutes(10));
        reconciler.reconcilePending();
        reconciler.reconcilePending();

        JsonNode failed = only(api, "transaction.failed");
        assertThat(object(failed).get("failureCode").asString()).isEqualTo("no_response");
        assertThat(object(failed)).isEqualTo(api.get("/transactions/" + object(failed).get("id").asString()).json());
        assertThat(types(api, "transaction.*")).containsExactly("transaction.failed");
    }

    @Test
    void aRefundWhoseAnswerWasLostRecordsRefundCreatedWhenSettled() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 3000).text("id");
        api.send("PUT", "/invoices/" + id, null, Map.of());
        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();
        String charge = object(only(api, "transaction.succeeded")).get("id").asString();

        Response refund = created(api.post("/transactions/" + charge + "/refunds", Map.of()));
        assertThat(refund.text("status")).isEqualTo("pending");
        assertThat(types(api, "refund.created")).isEmpty();
        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();
        reconciler.reconcilePending();

        JsonNode event = only(api, "refund.created");
        assertThat(object(event)).isEqualTo(api.get("/transactions/" + refund.text("id")).json());
        assertThat(object(event).get("status").asString()).isEqualTo("succeeded");
    }
}
