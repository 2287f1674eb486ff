package com.chaching.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Revenue by day (docs/dashboard.md "Home"): real sandbox charges and refunds made through the API on the test
 * clock, in an account whose time zone is America/New_York (UTC−5 in January), land on the account's local days.
 */
class RevenueApiTest extends ApiTest {

    private static final String GOOD_CARD = "4242424242424242";
    private static final String DECLINED_CARD = "4000000000000002";

    @Autowired
    RevenueService revenue;

    @Test
    void succeededChargesMinusRefundsByTheAccountsLocalDay() {
        Api api = newYorkAccount();
        Api other = newYorkAccount();

        advance(api, "2027-01-09T04:59:00Z");                       // 2027-01-08 23:59 in New York
        charge(api, "late-on-the-8th", GOOD_CARD, "usd", 500);      // Jan 8: +500
        advance(api, "2027-01-09T05:00:00Z");                       // 2027-01-09 00:00, local midnight
        String ninth = charge(api, "midnight-of-the-9th", GOOD_CARD, "usd", 1000);   // Jan 9: +1000
        advance(api, "2027-01-10T04:30:00Z");                       // 2027-01-09 23:30 (already the 10th in UTC)
        charge(api, "late-on-the-9th", GOOD_CARD, "usd", 2000);     // Jan 9: +2000
        advance(api, "2027-01-10T05:30:00Z");                       // 2027-01-10 00:30
        Response refund = api.post("/transactions/" + ninth + "/refunds", Map.of("amount", 300));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);   // Jan 10: −300
        charge(api, "declines", DECLINED_CARD, "usd", 4000);       // failed: not revenue
        charge(api, "euro", GOOD_CARD, "eur", 700);                 // Jan 10: +700 EUR
        advance(other, "2027-01-10T05:30:00Z");
        charge(other, "theirs", GOOD_CARD, "usd", 7777);            // another account's: not ours
        advance(api, "2027-01-10T12:00:00Z");                       // today is 2027-01-10 in New York

        RevenueService.DailyRevenue month = revenue.byDay(tenant(api), 30);

        assertThat(month.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(month.days()).hasSize(30);
        assertThat(month.days().getFirst()).isEqualTo(LocalDate.parse("2026-12-12"));
        assertThat(month.days().getLast()).isEqualTo(LocalDate.parse("2027-01-10"));
        assertThat(month.currencies()).extracting(RevenueService.CurrencyRevenue::currency).containsExactly("eur", "usd");
        // USD: Jan 8 500; Jan 9 1000 + 2000 = 3000; Jan 10 −300. Every other day 0. Total 3200.
        assertThat(month.currencies().get(1)).isEqualTo(new RevenueService.CurrencyRevenue("usd", 3200, endingWith(30, 500, 3000, -300)));
        assertThat(month.currencies().get(0)).isEqualTo(new RevenueService.CurrencyRevenue("eur", 700, endingWith(30, 0, 0, 700)));

        // Two days (Jan 9 and 10) leave out the charge at 23:59 on Jan 8: 3000 − 300 = 2700.
        RevenueService.DailyRevenue twoDays = revenue.byDay(tenant(api), 2);
        assertThat(twoDays.days()).containsExactly(LocalDate.parse("2027-01-09"), LocalDate.parse("2027-01-10"));
        assertThat(twoDays.currencies().get(1)).isEqualTo(new RevenueService.CurrencyRevenue("usd", 2700, List.of(3000L, -300L)));

        assertThat(revenue.byDay(tenant(other), 30).currencies())
                .containsExactly(new RevenueService.CurrencyRevenue("usd", 7777, endingWith(30, 0, 0, 7777)));
        assertThat(revenue.byDay(tenant(signUp()), 90).isEmpty()).isTrue();
    }

    /** {@code days} amounts, 0 but for the last ones given. */
    private static List<Long> endingWith(int days, long... last) {
        List<Long> amounts = new ArrayList<>(Collections.nCopies(days - last.length, 0L));
        for (long amount : last) {
            amounts.add(amount);
        }
        return amounts;
    }

    private Api newYorkAccount() {
        Api api = signUp();
        Response changed = api.patch("/account", Map.of("timeZone", "America/New_York"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        return api;
    }

    private static Tenant tenant(Api api) {
        return new Tenant(api.accountId(), false);
    }

    private static void advance(Api api, String to) {
        Response advanced = api.post("/test-clock/advance", Map.of("to", to));
        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
    }

    /** A customer subscribed to a monthly price, whose first invoice is charged now on its card; the charge's id. */
    private static String charge(Api api, String customer, String card, String currency, long amount) {
        assertThat(api.post("/customers", Map.of("externalKey", customer)).status()).isEqualTo(201);
        String pm = api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", card, "expMonth", 12, "expYear", 2045, "cvc", "123"))).text("id");
        assertThat(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", customer)).status()).isEqualTo(200);
        api.patch("/customers/" + customer, Map.of("defaultPaymentMethod", pm));
        String product = api.post("/products", Map.of("name", "Plan " + System.nanoTime())).text("id");
        String price = api.post("/prices/" + product, Map.of("currency", currency, "unitAmount", amount, "type", "recurring",
                "recurring", Map.of("interval", "month"))).text("id");
        Response subscription = api.post("/subscriptions", Map.of("customer", customer, "items", List.of(Map.of("price", price))));
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
        return api.get("/transactions?type=charge&customer=" + customer).json().get("data").get(0).get("id").asString();
    }
}
