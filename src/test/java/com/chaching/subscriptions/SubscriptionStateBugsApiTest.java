package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.DECLINED_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.cardFor;
import static com.chaching.subscriptions.SubscriptionsApiTest.customerWithCard;
import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** issue 9: each of these once let a subscription into a wrong state. */
class SubscriptionStateBugsApiTest extends ApiTest {

    private static final Instant JAN_1 = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant FEB_1 = Instant.parse("2027-02-01T00:00:00Z");
    private static final Instant MAR_1 = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant MID_JANUARY = Instant.parse("2027-01-16T12:00:00Z");

    // 1. An incomplete subscription becomes active only when its first invoice is paid.

    @Test
    void anIncompleteSubscriptionChangesOnlyItsPaymentMethodAndMetadataUntilItsFirstInvoiceIsPaid() {
        Api api = signUp();
        customerWithCard(api, "c", DECLINED_CARD);
        String basic = monthlyPrice(api, 1000);
        String pro = monthlyPrice(api, 3000);
        String taxRate = ok(api.post("/taxRates", Map.of("displayName", "VAT", "percentage", 20)), 201).text("id");
        Response created = subscribe(api, "c", basic);
        String id = created.text("id");
        String firstInvoice = created.text("latestInvoice");
        String canceled = subscribe(api, "c", basic).text("id");
        assertThat(created.text("status")).isEqualTo("incomplete");
        assertThat(api.get("/invoices/" + firstInvoice).text("status")).isEqualTo("open");
        String good = cardFor(api, "c", GOOD_CARD);
        ok(api.patch("/customers/c", Map.of("defaultPaymentMethod", good)), 200);
        int chargesBefore = charges(api);

        Response refused = changePrice(api, created, pro, "always_invoice");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invalid_state");
        assertThat(refused.text("detail")).contains("incomplete");
        Response unchanged = api.get("/subscriptions/" + id);
        assertThat(unchanged.text("status")).isEqualTo("incomplete");
        assertThat(unchanged.text("latestInvoice")).isEqualTo(firstInvoice);
        assertThat(unchanged.json().get("items").get("data").valueStream().map(item -> item.get("price").asString()).toList())
                .containsExactly(basic);
        assertThat(invoicesOf(api, id)).hasSize(1);
        assertThat(charges(api)).isEqualTo(chargesBefore);

        Response taxRates = api.patch("/subscriptions/" + id, Map.of("taxRates", List.of(taxRate)));
        assertThat(taxRates.status()).as(taxRates.toString()).isEqualTo(409);
        assertThat(taxRates.text("detail")).contains("incomplete");
        Response cancelAtPeriodEnd = api.patch("/subscriptions/" + id, Map.of("cancelAtPeriodEnd", true));
        assertThat(cancelAtPeriodEnd.status()).as(cancelAtPeriodEnd.toString()).isEqualTo(409);
        assertThat(cancelAtPeriodEnd.text("detail")).contains("incomplete");
        assertThat(ok(api.patch("/subscriptions/" + id, Map.of("metadata", Map.of("plan", "basic"))), 200).text("status"))
                .isEqualTo("incomplete");
        Response withCard = ok(api.patch("/subscriptions/" + id, Map.of("defaultPaymentMethod", good)), 200);
        assertThat(withCard.text("status")).isEqualTo("incomplete");
        assertThat(withCard.text("defaultPaymentMethod")).isEqualTo(good);
        assertThat(withCard.json().get("taxRates").size()).isZero();
        assertThat(withCard.json().get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(invoicesOf(api, id)).hasSize(1);
        assertThat(charges(api)).isEqualTo(chargesBefore);

        ok(api.send("PUT", "/invoices/" + firstInvoice, null, Map.of()), 200);

        assertThat(api.get("/invoices/" + firstInvoice).text("status")).isEqualTo("paid");
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        assertThat(ok(api.delete("/subscriptions/" + canceled), 200).text("status")).isEqualTo("canceled");
    }

    // 2. A past due subscription stays in dunning: no change invoiced at once takes it out.

    @Test
    void aPastDueSubscriptionRefusesChangesThatInvoiceAtOnceAndItsRetriesRunToTheEnd() {
        Api api = cardCustomerOnJanuaryFirst();
        String pro = monthlyPrice(api, 3000);
        String basic = monthlyPrice(api, 1000);
        String yearly = yearlyPrice(api, 30000);
        Response subscription = subscribe(api, "c", pro);
        String id = subscription.text("id");
        String dunning = renewalFailsOnFebruaryFirst(api, id);
        assertThat(api.get("/invoices/" + dunning).text("status")).isEqualTo("open");
        assertThat(api.get("/invoices/" + dunning).text("nextPaymentAttempt")).isEqualTo(FEB_1.plus(Duration.ofDays(1)).toString());
        advanceTo(api, FEB_1.plus(Duration.ofHours(12)));

        Response downgrade = changePrice(api, subscription, basic, "always_invoice");
        Response newInterval = changePrice(api, subscription, yearly, "create_prorations");

        assertThat(downgrade.status()).as(downgrade.toString()).isEqualTo(409);
        assertThat(downgrade.code()).isEqualTo("invalid_state");
        assertThat(downgrade.text("detail")).contains("past_due");
        assertThat(newInterval.status()).as(newInterval.toString()).isEqualTo(409);
        assertThat(newInterval.code()).isEqualTo("invalid_state");
        assertThat(newInterval.text("detail")).contains("past_due");
        assertThat(balance(api, "c")).isZero();
        assertThat(invoicesOf(api, id)).hasSize(2);
        Response stillInDunning = api.get("/subscriptions/" + id);
        assertThat(stillInDunning.text("status")).isEqualTo("past_due");
        assertThat(stillInDunning.text("latestInvoice")).isEqualTo(dunning);
        assertThat(stillInDunning.json().get("items").get("data").get(0).get("price").asString()).isEqualTo(pro);

        int[] retryDays = {1, 3, 5};
        int[] nextDays = {3, 5, 7};
        for (int i = 0; i < retryDays.length; i++) {
            advanceTo(api, FEB_1.plus(Duration.ofDays(retryDays[i])));
            JsonNode invoice = api.get("/invoices/" + dunning).json();
            assertThat(invoice.get("attemptCount").asInt()).as("after the retry of day " + retryDays[i]).isEqualTo(i + 2);
            assertThat(invoice.get("nextPaymentAttempt").asString()).isEqualTo(FEB_1.plus(Duration.ofDays(nextDays[i])).toString());
            assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("past_due");
        }
        advanceTo(api, FEB_1.plus(Duration.ofDays(7)));

        JsonNode givenUp = api.get("/invoices/" + dunning).json();
        assertThat(givenUp.get("status").asString()).isEqualTo("uncollectible");
        assertThat(givenUp.get("attemptCount").asInt()).isEqualTo(5);
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("canceled");
        assertThat(balance(api, "c")).isZero();
        assertThat(invoicesOf(api, id)).hasSize(2);
    }

    @Test
    void aProrationMadeWhilePastDueIsBilledOnTheNextRenewalOnceTheDunningInvoiceIsPaid() {
        Api api = signUp();
        ok(api.patch("/account", Map.of("retrySchedule", List.of(10, 20))), 200);
        advanceTo(api, JAN_1);
        customerWithCard(api, "c", GOOD_CARD);
        String good = api.get("/customers/c").text("defaultPaymentMethod");
        String basic = monthlyPrice(api, 1000);
        String pro = monthlyPrice(api, 3000);
        Response subscription = subscribe(api, "c", basic);
        String id = subscription.text("id");
        String dunning = renewalFailsOnFebruaryFirst(api, id);
        // Half of February (Feb 1 – Mar 1) is left.
        advanceTo(api, FEB_1.plus(Duration.ofDays(14)));

        Response upgraded = ok(changePrice(api, subscription, pro, "create_prorations"), 200);

        assertThat(upgraded.text("status")).isEqualTo("past_due");
        assertThat(upgraded.text("latestInvoice")).isEqualTo(dunning);
        assertThat(invoicesOf(api, id)).hasSize(2);
        ok(api.send("PUT", "/invoices/" + dunning, Map.of("paymentMethod", good), Map.of()), 200);
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        assertThat(api.get("/invoices/" + dunning).text("nextPaymentAttempt")).isNull();
        ok(api.patch("/customers/c", Map.of("defaultPaymentMethod", good)), 200);
        advanceTo(api, MAR_1);

        Response renewed = api.get("/subscriptions/" + id);
        assertThat(renewed.text("status")).isEqualTo("active");
        assertThat(renewed.text("currentPeriodStart")).isEqualTo(MAR_1.toString());
        JsonNode renewal = api.get("/invoices/" + renewed.text("latestInvoice")).json();
        assertThat(renewal.get("lines").get("data").valueStream().map(line -> line.get("amount").asLong()).toList())
                .containsExactly(-500L, 1500L, 3000L);
        assertThat(renewal.get("total").asLong()).isEqualTo(4000);
        assertThat(renewal.get("status").asString()).isEqualTo("paid");
        assertThat(invoicesOf(api, id)).hasSize(3);
    }

    @Test
    void voidingTheDunningInvoiceMakesThePastDueSubscriptionActiveAtOnce() {
        Api api = cardCustomerOnJanuaryFirst();
        String id = subscribe(api, "c", monthlyPrice(api, 500)).text("id");
        String dunning = renewalFailsOnFebruaryFirst(api, id);

        ok(api.delete("/invoices/" + dunning), 200);

        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        JsonNode voided = api.get("/invoices/" + dunning).json();
        assertThat(voided.get("status").asString()).isEqualTo("void");
        assertThat(voided.get("nextPaymentAttempt").isNull()).isTrue();
        advanceTo(api, FEB_1.plus(Duration.ofDays(8)));
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        assertThat(api.get("/invoices/" + dunning).json().get("attemptCount").asInt()).isEqualTo(1);
        assertThat(invoicesOf(api, id)).hasSize(2);
    }

    // 3. Advances of one account's clock never overshoot, however many run at once.

    @Test
    void concurrentAdvancesRenewOnceAndNeverMoveTheClockPastTo() {
        // A race: each round is a fresh account, so that a wrong interleaving has several chances to show.
        for (int round = 0; round < 5; round++) {
            sixAdvancesAtOnceRenewOnce();
        }
    }

    private void sixAdvancesAtOnceRenewOnce() {
        Api api = cardCustomerOnJanuaryFirst();
        String price = monthlyPrice(api, 1200);
        // A few subscriptions on one schedule, so that the advances' steps interleave.
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> subscribe(api, "c", price).text("id")).toList();
        Instant to = Instant.parse("2027-02-15T00:00:00Z");
        int callers = 6;
        CyclicBarrier start = new CyclicBarrier(callers);
        List<Response> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<CompletableFuture<Response>> advances = IntStream.range(0, callers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return api.post("/test-clock/advance", Map.of("to", to.toString()));
                    }, pool))
                    .toList();
            answers = advances.stream().map(CompletableFuture::join).toList();
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
            if (answer.status() == 409) {
                assertThat(answer.code()).isEqualTo("advance_in_progress");
            } else {
                assertThat(Instant.parse(answer.text("now"))).as(answer.toString()).isBeforeOrEqualTo(to);
            }
        });
        assertThat(answers).anySatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(api.get("/test-clock").text("now")).isEqualTo(to.toString());
        for (String id : ids) {
            Response subscription = api.get("/subscriptions/" + id);
            assertThat(subscription.text("currentPeriodStart")).isEqualTo(FEB_1.toString());
            assertThat(subscription.text("currentPeriodEnd")).isEqualTo(MAR_1.toString());
            // The first renewal exactly once, the second not at all.
            assertThat(invoicesOf(api, id)).extracting(invoice -> invoice.get("lines").get("data").get(0).get("period").get("start").asString())
                    .containsExactlyInAnyOrder(JAN_1.toString(), FEB_1.toString());
        }
        assertThat(charges(api)).isEqualTo(2 * ids.size());
    }

    // 4. One advance does a bounded amount of work.

    @Test
    void anAdvanceCrossingMorePeriodsThanTheLimitIsRefusedAndMovesNothing() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String daily = dailyPrice(api);
        String id = subscribe(api, "c", daily).text("id");
        Instant now = Instant.parse(api.get("/test-clock").text("now"));

        // About 1 800 daily periods, far over the limit.
        Response refused = api.post("/test-clock/advance", Map.of("to", now.plus(Duration.ofDays(5 * 365)).toString()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("param")).isEqualTo("to");
        assertThat(refused.text("detail")).contains(String.valueOf(SubscriptionEngine.MAX_PERIODS_PER_ADVANCE));
        assertThat(api.get("/test-clock").text("now")).isEqualTo(now.toString());
        assertThat(invoicesOf(api, id)).hasSize(1);
        assertThat(charges(api)).isEqualTo(1);
        assertThat(api.get("/subscriptions/" + id).text("currentPeriodStart")).isEqualTo(now.toString());

        advanceTo(api, now.plus(Duration.ofDays(30)));

        assertThat(api.get("/test-clock").text("now")).isEqualTo(now.plus(Duration.ofDays(30)).toString());
        assertThat(api.get("/subscriptions/" + id).text("currentPeriodStart")).isEqualTo(now.plus(Duration.ofDays(30)).toString());
        assertThat(invoicesOf(api, id)).hasSize(31);
        assertThat(charges(api)).isEqualTo(31);
    }

    @Test
    void aSubscriptionThatWillNotRenewCountsOnceTowardsTheBound() {
        Api api = signUp();
        customerWithCard(api, "c", DECLINED_CARD);
        String daily = dailyPrice(api);
        String id = subscribe(api, "c", daily).text("id");
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("incomplete");
        Instant now = Instant.parse(api.get("/test-clock").text("now"));

        // Two years of a daily price, but an incomplete subscription only expires: no renewal follows.
        advanceTo(api, now.plus(Duration.ofDays(730)));

        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("incomplete_expired");
        assertThat(invoicesOf(api, id)).hasSize(1);
    }

    // 5. Canceling now with invoiceNow makes a final invoice of the pending prorations.

    @Test
    void cancelingWithInvoiceNowInvoicesAndChargesThePendingProrations() {
        Api api = cardCustomerOnJanuaryFirst();
        String basic = monthlyPrice(api, 1000);
        String pro = monthlyPrice(api, 3000);
        Response subscription = subscribedUntilMidJanuary(api, basic);
        String id = subscription.text("id");
        ok(changePrice(api, subscription, pro, "create_prorations"),
                200);

        Response canceled = ok(api.delete("/subscriptions/" + id + "?invoiceNow=true"), 200);

        assertThat(canceled.text("status")).isEqualTo("canceled");
        assertThat(canceled.text("latestInvoice")).isNotEqualTo(subscription.text("latestInvoice"));
        JsonNode last = api.get("/invoices/" + canceled.text("latestInvoice")).json();
        assertThat(last.get("lines").get("data").valueStream().map(line -> line.get("amount").asLong()).toList())
                .containsExactly(-500L, 1500L);
        assertThat(last.get("total").asLong()).isEqualTo(1000);
        assertThat(last.get("status").asString()).isEqualTo("paid");
        assertThat(last.get("amountPaid").asLong()).isEqualTo(1000);
        assertThat(api.get("/transactions?type=charge&status=succeeded&invoice=" + last.get("id").asString()).json().get("data").size())
                .isEqualTo(1);
        assertThat(invoicesOf(api, id)).hasSize(2);
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("canceled");
    }

    @Test
    void cancelOptionsThatContradictEachOtherAreRefusedAndChangeNothing() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        Response subscription = subscribe(api, "c", monthlyPrice(api, 1000));
        String id = subscription.text("id");

        Response creditWithoutInvoice = api.delete("/subscriptions/" + id + "?prorate=true&invoiceNow=false");
        Response creditAtPeriodEnd = api.delete("/subscriptions/" + id + "?atPeriodEnd=true&prorate=true");

        assertThat(creditWithoutInvoice.status()).as(creditWithoutInvoice.toString()).isEqualTo(400);
        assertThat(creditWithoutInvoice.text("param")).isEqualTo("invoiceNow");
        assertThat(creditAtPeriodEnd.status()).as(creditAtPeriodEnd.toString()).isEqualTo(400);
        assertThat(creditAtPeriodEnd.text("param")).isEqualTo("prorate");
        Response unchanged = api.get("/subscriptions/" + id);
        assertThat(unchanged.text("status")).isEqualTo("active");
        assertThat(unchanged.json().get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(invoicesOf(api, id)).hasSize(1);
        assertThat(balance(api, "c")).isZero();
    }

    @Test
    void aPlainCancelDropsThePendingProrationsAndInvoicesNothing() {
        Api api = cardCustomerOnJanuaryFirst();
        String pro = monthlyPrice(api, 3000);
        Response subscription = subscribedUntilMidJanuary(api, monthlyPrice(api, 1000));
        String id = subscription.text("id");
        ok(changePrice(api, subscription, pro, "create_prorations"), 200);

        Response canceled = ok(api.delete("/subscriptions/" + id), 200);

        assertThat(canceled.text("status")).isEqualTo("canceled");
        assertThat(canceled.text("latestInvoice")).isEqualTo(subscription.text("latestInvoice"));
        assertThat(invoicesOf(api, id)).hasSize(1);
        assertThat(charges(api)).isEqualTo(1);
        assertThat(balance(api, "c")).isZero();
        advanceTo(api, MAR_1);
        assertThat(invoicesOf(api, id)).hasSize(1);
    }

    @Test
    void cancelingWithProrateAloneStillCreditsTheUnusedTime() {
        Api api = cardCustomerOnJanuaryFirst();
        String id = subscribedUntilMidJanuary(api, monthlyPrice(api, 1000)).text("id");

        Response canceled = ok(api.delete("/subscriptions/" + id + "?prorate=true"), 200);

        assertThat(canceled.text("status")).isEqualTo("canceled");
        JsonNode credit = api.get("/invoices/" + canceled.text("latestInvoice")).json();
        assertThat(credit.get("total").asLong()).isEqualTo(-500);
        assertThat(balance(api, "c")).isEqualTo(-500);
        assertThat(charges(api)).isEqualTo(1);
    }

    // 6. An invoice paid at once (credit covered it) is told once written: the subscription's reaction stands.

    @Test
    void aCreditCoveringTheFirstInvoiceMakesANewSubscriptionActiveAtOnceWithoutACharge() {
        Api api = cardCustomerOnJanuaryFirst();
        String pro = monthlyPrice(api, 3000);
        String basic = monthlyPrice(api, 1000);
        Response first = subscribedUntilMidJanuary(api, pro);
        ok(changePrice(api, first, basic, "always_invoice"), 200);
        assertThat(balance(api, "c")).isEqualTo(-1000);
        // Were the new subscription's invoice charged, it would fail.
        ok(api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD))), 200);
        int chargesBefore = charges(api);

        Response covered = subscribe(api, "c", monthlyPrice(api, 600));

        assertThat(covered.text("status")).isEqualTo("active");
        JsonNode invoice = api.get("/invoices/" + covered.text("latestInvoice")).json();
        assertThat(invoice.get("status").asString()).isEqualTo("paid");
        assertThat(invoice.get("appliedBalance").asLong()).isEqualTo(600);
        assertThat(invoice.get("amountDue").asLong()).isZero();
        assertThat(invoice.get("attemptCount").asInt()).isZero();
        assertThat(charges(api)).isEqualTo(chargesBefore);
        assertThat(balance(api, "c")).isEqualTo(-400);
        advanceTo(api, Instant.parse("2027-01-17T12:00:00Z"));
        assertThat(api.get("/subscriptions/" + covered.text("id")).text("status")).isEqualTo("active");
        assertThat(charges(api)).isEqualTo(chargesBefore);
    }

    @Test
    void aRenewalCoveredByCreditKeepsTheSubscriptionActiveWithoutACharge() {
        Api api = cardCustomerOnJanuaryFirst();
        String pro = monthlyPrice(api, 3000);
        String basic = monthlyPrice(api, 1000);
        Response subscription = subscribedUntilMidJanuary(api, pro);
        String id = subscription.text("id");
        ok(changePrice(api, subscription, basic, "always_invoice"), 200);
        assertThat(balance(api, "c")).isEqualTo(-1000);
        ok(api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD))), 200);
        int chargesBefore = charges(api);

        advanceTo(api, FEB_1);

        Response renewed = api.get("/subscriptions/" + id);
        assertThat(renewed.text("status")).isEqualTo("active");
        assertThat(renewed.text("currentPeriodStart")).isEqualTo(FEB_1.toString());
        JsonNode renewal = api.get("/invoices/" + renewed.text("latestInvoice")).json();
        assertThat(renewal.get("billingReason").asString()).isEqualTo("subscription_cycle");
        assertThat(renewal.get("status").asString()).isEqualTo("paid");
        assertThat(renewal.get("appliedBalance").asLong()).isEqualTo(1000);
        assertThat(renewal.get("amountDue").asLong()).isZero();
        assertThat(charges(api)).isEqualTo(chargesBefore);
        assertThat(balance(api, "c")).isZero();
        advanceTo(api, FEB_1.plus(Duration.ofDays(8)));
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        assertThat(charges(api)).isEqualTo(chargesBefore);
    }

    /** A new account whose clock reads January 1, with customer "c" paying by a good card. */
    private Api cardCustomerOnJanuaryFirst() {
        Api api = signUp();
        advanceTo(api, JAN_1);
        customerWithCard(api, "c", GOOD_CARD);
        return api;
    }

    /** The customer's card is declined from now on, and the February 1 renewal fails: past due. Returns the dunning invoice. */
    private static String renewalFailsOnFebruaryFirst(Api api, String subscription) {
        ok(api.patch("/customers/c", Map.of("defaultPaymentMethod", cardFor(api, "c", DECLINED_CARD))), 200);
        advanceTo(api, FEB_1);
        assertThat(api.get("/subscriptions/" + subscription).text("status")).isEqualTo("past_due");
        return api.get("/subscriptions/" + subscription).text("latestInvoice");
    }

    /** Customer "c" subscribed to {@code price} at the clock's reading, which then moves to the middle of January. */
    private static Response subscribedUntilMidJanuary(Api api, String price) {
        Response subscription = subscribe(api, "c", price);
        advanceTo(api, MID_JANUARY);
        return subscription;
    }

    private static String dailyPrice(Api api) {
        String product = ok(api.post("/products", Map.of("name", "Daily plan")), 201).text("id");
        return ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 100, "type", "recurring",
                "recurring", Map.of("interval", "day"))), 201).text("id");
    }

    private static Response subscribe(Api api, String customer, String price) {
        return ok(api.post("/subscriptions", Map.of("customer", customer, "items", List.of(Map.of("price", price)))), 201);
    }

    private static String yearlyPrice(Api api, long amount) {
        String product = ok(api.post("/products", Map.of("name", "Yearly plan " + System.nanoTime())), 201).text("id");
        return ok(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", amount, "type", "recurring",
                "recurring", Map.of("interval", "year"))), 201).text("id");
    }

    /** PATCH the subscription's one item to {@code newPrice}, prorated by {@code behavior}. */
    private static Response changePrice(Api api, Response subscription, String newPrice, String behavior) {
        return api.patch("/subscriptions/" + subscription.text("id"), Map.of("items", List.of(itemChange(subscription, newPrice)),
                "prorationBehavior", behavior));
    }

    private static Map<String, Object> itemChange(Response subscription, String newPrice) {
        return Map.of("id", subscription.json().get("items").get("data").get(0).get("id").asString(), "price", newPrice);
    }

    private static List<JsonNode> invoicesOf(Api api, String subscription) {
        return api.get("/invoices?subscription=" + subscription + "&limit=100").json().get("data").valueStream().toList();
    }

    /** Every charge of the account, whatever its outcome. */
    private static int charges(Api api) {
        return ok(api.get("/transactions?type=charge&limit=100"), 200).json().get("data").size();
    }

    private static long balance(Api api, String customer) {
        return api.get("/customers/" + customer).json().get("balance").asLong();
    }

    private static void advanceTo(Api api, Instant to) {
        ok(api.post("/test-clock/advance", Map.of("to", to.toString())), 200);
    }
}
