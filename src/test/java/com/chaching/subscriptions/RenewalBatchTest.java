package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.customerWithCard;
import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.invoicing.SubscriptionInvoiceBatch;
import com.chaching.payments.TransactionReconciler;
import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bill run's batch path (issue 14): exactly once whatever step a worker dies after — every subscription
 * renewed once, every invoice charged at most once, the reconciler finishing what was left — and invoice
 * numbers gap-free and unique when batches of one account run at once.
 */
// The test's own engine calls are the only ones (no scheduled pass), and a loopback endpoint may take deliveries.
@TestPropertySource(properties = {"chaching.webhooks.allow-private=true", "chaching.webhooks.delivery-interval=PT1H",
        "chaching.engine.interval=PT1H", "chaching.reconciler.interval=PT1H"})
class RenewalBatchTest extends ApiTest {

    private static final int SUBSCRIPTIONS = 12;

    @Autowired
    RenewalBatch batch;

    @Autowired
    SubscriptionInvoiceBatch invoiceBatch;

    @Autowired
    SubscriptionEngine engine;

    @Autowired
    TransactionReconciler reconciler;

    @Autowired
    AccountClock clocks;

    @Autowired
    TransactionTemplate inTransaction;

    @Test
    void aWorkerKilledAfterTheBatchCommittedBeforeTheGatewayChargesEachRenewalOnceInTheEnd() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        List<String> ids = subscriptions(api);
        renewalFallsDue(api, tenant, ids);

        RenewalBatch.Decided decided = Objects.requireNonNull(inTransaction.execute(status -> batch.decide(tenant, 100)));
        // The worker dies here: the renewals are committed, their charges pending, and the gateway heard of none.
        assertThat(decided.renewed()).isEqualTo(SUBSCRIPTIONS);
        assertThat(decided.charges()).hasSize(SUBSCRIPTIONS);
        assertThat(gatewayCharges(api)).isEqualTo(SUBSCRIPTIONS);
        assertThat(batch.run(tenant, 100)).as("nothing is due twice").isZero();

        // The reconciler finds no such charge at the gateway: it failed, nothing moved; the dunning's retry charges it.
        serverClock.advance(Duration.ofMinutes(11));
        reconciler.reconcilePending();
        ids.forEach(id -> assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("past_due"));
        for (int day = 0; day < 8; day++) {
            serverClock.advance(Duration.ofDays(1));
            while (engine.runDueWorkEverywhere() > 0) {
                // until nothing is due
            }
        }

        eachRenewedOnceAndPaid(api, ids);
    }

    @Test
    void aWorkerKilledAfterTheGatewayBeforeTheSettleLeavesEachRenewalPaidOnceByTheReconciler() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        List<String> ids = subscriptions(api);
        renewalFallsDue(api, tenant, ids);

        RenewalBatch.Decided decided = Objects.requireNonNull(inTransaction.execute(status -> batch.decide(tenant, 100)));
        invoiceBatch.send(tenant, decided.charges());
        // The worker dies here: the gateway charged every renewal, and nobody wrote it down.
        assertThat(gatewayCharges(api)).isEqualTo(2L * SUBSCRIPTIONS);
        ids.forEach(id -> assertThat(invoicesOf(api, id).getFirst().get("status").asString()).isEqualTo("open"));

        serverClock.advance(Duration.ofMinutes(2));
        reconciler.reconcilePending();
        ids.forEach(id -> assertThat(invoicesOf(api, id).getFirst().get("status").asString()).isEqualTo("paid"));
        serverClock.advance(Duration.ofHours(2));
        while (engine.runDueWorkEverywhere() > 0) {
            // the subscriptions look at their collections again: settled already, nothing is charged
        }

        eachRenewedOnceAndPaid(api, ids);
    }

    @Test
    void batchesOfOneAccountRunningAtOnceRenewEachOnceWithGapFreeNumbersAndDeliverTheirEvents() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        List<String> ids = subscriptions(api);
        ok(api.post("/webhook-endpoints", Map.of("url", "http://127.0.0.1:9/hooks", "enabledEvents", List.of("invoice.paid", "invoice.created"))), 201);
        renewalFallsDue(api, tenant, ids);

        int renewed = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() -> batch.run(tenant, 3)))
                .toList().stream().mapToInt(CompletableFuture::join).sum();
        while (batch.run(tenant, 3) > 0) {
            renewed++;
        }

        assertThat(renewed).isPositive();
        for (String id : ids) {
            assertThat(invoicesOf(api, id)).hasSize(2).allSatisfy(invoice -> assertThat(invoice.get("status").asString()).isEqualTo("paid"));
        }
        List<Long> numbers = jdbc.sql("select cast(split_part(i.number, '-', 2) as bigint) from invoices i where i.account_id = :a order by 1")
                .param("a", api.accountId()).query(Long.class).list();
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * SUBSCRIPTIONS).mapToObj(n -> (long) n).toList());
        assertThat(gatewayCharges(api)).isEqualTo(2L * SUBSCRIPTIONS);
        // Each renewal's invoice.created and invoice.paid, and nothing else, is on its way to the endpoint.
        assertThat(jdbc.sql("""
                        select e.type, count(*) from webhook_deliveries d join events e on e.account_id = d.account_id and e.event_id = d.event_id
                         where d.account_id = :a group by e.type order by e.type
                        """).param("a", api.accountId()).query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly("invoice.created=" + SUBSCRIPTIONS, "invoice.paid=" + SUBSCRIPTIONS);
    }

    /** Every subscription active with its first invoice and one renewal paid, each by exactly one charge. */
    private void eachRenewedOnceAndPaid(Api api, List<String> ids) {
        for (String id : ids) {
            assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
            List<String> statuses = invoicesOf(api, id).stream().map(invoice -> invoice.get("status").asString()).toList();
            assertThat(statuses).as(id).containsExactly("paid", "paid");
        }
        assertThat(gatewayCharges(api)).as("first invoices, then each renewal once").isEqualTo(2L * SUBSCRIPTIONS);
        assertThat(succeededChargesPerInvoice(api)).containsOnly(1L);
    }

    /** Active monthly subscriptions of one customer with a good card, their first invoices paid. */
    private List<String> subscriptions(Api api) {
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 1500);
        return IntStream.range(0, SUBSCRIPTIONS).mapToObj(i -> ok(api.post("/subscriptions",
                Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201).text("id")).toList();
    }

    /** The account's clock passes the renewal without running the work, as a server's clock does. */
    private void renewalFallsDue(Api api, Tenant tenant, List<String> ids) {
        Instant renewal = Instant.parse(api.get("/subscriptions/" + ids.getFirst()).text("currentPeriodEnd"));
        inTransaction.executeWithoutResult(status -> clocks.advance(tenant, renewal.plusSeconds(1)));
    }

    private static List<tools.jackson.databind.JsonNode> invoicesOf(Api api, String subscriptionId) {
        return api.get("/invoices?subscription=" + subscriptionId).json().get("data").valueStream().toList();
    }

    private long gatewayCharges(Api api) {
        return jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", api.accountId()).query(Long.class).single();
    }

    private List<Long> succeededChargesPerInvoice(Api api) {
        return jdbc.sql("""
                        select count(t.transaction_id) from invoices i
                          left join transactions t on t.account_id = i.account_id and t.invoice_id = i.invoice_id
                                                  and t.type = 'charge' and t.status = 'succeeded'
                         where i.account_id = :a group by i.invoice_id
                        """).param("a", api.accountId()).query(Long.class).list();
    }
}
