package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.customerWithCard;
import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** architecture.md "Billing engine": each renewal happens once, however many workers run and however they crash. */
class BillingEngineTest extends ApiTest {

    @Autowired
    SubscriptionEngine engine;

    @Autowired
    DueWorkStep step;

    @Autowired
    AccountClock clocks;

    @Autowired
    TransactionTemplate inTransaction;

    @Test
    void twoEnginesAndAWorkerKilledMidBatchStillRenewEachSubscriptionOnce() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 1200);
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> ok(api.post("/subscriptions",
                Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201).text("id")).toList();
        Instant renewal = Instant.parse(api.get("/subscriptions/" + ids.getFirst()).text("currentPeriodEnd"));

        // The account's clock passes the renewal without running the work: the engines find it due.
        inTransaction.executeWithoutResult(status -> clocks.advance(tenant, renewal.plusSeconds(1)));
        // A worker takes ten of them and dies after making their invoices, before charging.
        ids.subList(0, 10).forEach(id -> inTransaction.execute(status -> step.decide(tenant, id)));

        runEnginesUntilIdle(2);
        inTransaction.executeWithoutResult(status -> clocks.advance(tenant, renewal.plus(Duration.ofHours(2))));
        runEnginesUntilIdle(2);

        for (String id : ids) {
            List<String> statuses = api.get("/invoices?subscription=" + id).json().get("data").valueStream()
                    .map(invoice -> invoice.get("status").asString()).toList();
            assertThat(statuses).as(id).containsExactly("paid", "paid");
            assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        }
        assertThat(jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", api.accountId())
                .query(Long.class).single()).isEqualTo(60);
    }

    /** Two engines (as in two copies of the service) pass over the due work at once until none is left. */
    private void runEnginesUntilIdle(int engines) {
        for (int round = 0; round < 20; round++) {
            int ran = IntStream.range(0, engines).mapToObj(i -> CompletableFuture.supplyAsync(engine::runDueWorkEverywhere))
                    .toList().stream().mapToInt(CompletableFuture::join).sum();
            if (ran == 0) {
                return;
            }
        }
    }
}
