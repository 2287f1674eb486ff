package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.payments.TransactionReconciler;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A gateway whose answers are lost after it charged: the payer hears nothing, and no second charge is ever sent. */
@TestPropertySource(properties = "chaching.sandbox.timeout-per-mille=1000")
class GatewayTimeoutTest extends ApiTest {

    @Autowired
    TransactionReconciler reconciler;

    @Test
    void aTimedOutChargeIsNeverSentAgainAndTheReconcilerSettlesIt() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 4200).text("id");

        Response first = api.send("PUT", "/invoices/" + id, null, Map.of());
        Response retry = api.send("PUT", "/invoices/" + id, null, Map.of());

        assertThat(first.status()).isEqualTo(409);
        assertThat(first.code()).isEqualTo("payment_in_progress");
        assertThat(retry.code()).isEqualTo("payment_in_progress");
        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("open");

        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();

        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("paid");
        assertThat(jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", api.accountId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(PaymentProtocolTest.succeededCharges(api, id)).isEqualTo(1);
    }
}
