package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.customerWithCard;
import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.accounts.AccountService;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** architecture.md "Billing engine": each renewal happens once, however many workers run and however they crash. */
// The test's own engine calls are the only ones (no scheduled pass): what one pass does is what it counts.
@TestPropertySource(properties = {"chaching.webhooks.allow-private=true", "chaching.webhooks.delivery-interval=PT1H",
        "chaching.engine.interval=PT1H", "chaching.reconciler.interval=PT1H"})
class BillingEngineTest extends ApiTest {

    @Autowired
    SubscriptionEngine engine;

    @Autowired
    DueWorkStep step;

    @Autowired
    AccountClock clocks;

    @Autowired
    TransactionTemplate inTransaction;

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    RenewalBatch batch;

    @Autowired
    AccountService accounts;

    /**
     * One pass runs all the work due when it began, however many batches it takes: with one worker and batches of
     * two, two accounts' five renewals each are all done by one pass (a pass that stopped at one round of batches
     * per account left the rest of a big renewal wave to passes `interval` apart).
     */
    @Test
    void onePassRenewsEveryDueSubscriptionOfEveryAccountWhateverTheBatchSize() {
        SubscriptionEngine smallBatches = new SubscriptionEngine(subscriptions, step, batch, clocks, accounts, serverClock, inTransaction, 1, 2, 100);
        List<Api> apis = List.of(signUp(), signUp());
        for (Api api : apis) {
            customerWithCard(api, "c", GOOD_CARD);
            String price = monthlyPrice(api, 900);
            List<String> ofAccount = IntStream.range(0, 5).mapToObj(i -> ok(api.post("/subscriptions",
                    Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201).text("id")).toList();
            Instant renewal = Instant.parse(api.get("/subscriptions/" + ofAccount.getFirst()).text("currentPeriodEnd"));
            inTransaction.executeWithoutResult(status -> clocks.advance(new Tenant(api.accountId(), false), renewal.plusSeconds(1)));
        }

        assertThat(smallBatches.runDueWorkEverywhere()).isEqualTo(10);

        for (Api api : apis) {
            assertThat(api.get("/invoices?limit=100").json().get("data").valueStream()
                    .filter(invoice -> invoice.get("billingReason").asString().equals("subscription_cycle"))
                    .map(invoice -> invoice.get("status").asString()).toList())
                    .as("each account's five renewals, paid").containsExactly("paid", "paid", "paid", "paid", "paid");
        }
        assertThat(smallBatches.runDueWorkEverywhere()).as("nothing is left due").isZero();
    }

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
