package com.chaching.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The MRR SQL equals an independent Java computation (BigDecimal, HALF_UP per item) for random prices,
 * quantities, intervals and interval counts, written straight into one account's tables for speed.
 */
class MrrPropertyApiTest extends ApiTest {

    @Autowired
    SubscriptionMetrics metrics;

    /** One item: a recurring price of its own, on a subscription of its own. */
    record Item(long unitAmount, long quantity, String interval, int count) {

        /** docs/dashboard.md "Home", in BigDecimal: unitAmount × quantity normalized to a month, half-up. */
        BigDecimal monthly() {
            BigDecimal amount = BigDecimal.valueOf(unitAmount).multiply(BigDecimal.valueOf(quantity));
            return switch (interval) {
                case "week" -> amount.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12L * count), 0, RoundingMode.HALF_UP);
                case "day" -> amount.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(12L * count), 0, RoundingMode.HALF_UP);
                case "month" -> amount.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP);
                default -> amount.divide(BigDecimal.valueOf(12L * count), 0, RoundingMode.HALF_UP);
            };
        }
    }

    @Test
    void theSqlEqualsAJavaComputationForRandomItems() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        jdbc.sql("""
                insert into customers (account_id, customer_id, external_key, metadata, created_at, updated_at)
                values (:a, 'cus_q', 'q', '{}', now(), now())
                """).param("a", tenant.accountId()).update();
        jdbc.sql("insert into products (account_id, product_id, name, active, created_at, updated_at) values (:a, 'prod_q', 'Q', true, now(), now())")
                .param("a", tenant.accountId()).update();
        Gen<String> intervals = arbitrary().pick(List.of("day", "week", "month", "year"));
        Gen<Item> items = longs().between(0, 99_999_999_999L).zip(longs().between(1, 1_000), intervals, integers().between(1, 1_095),
                (amount, quantity, interval, count) -> new Item(amount, quantity, interval, Math.min(count, maxCount(interval))));

        qt().withExamples(40).forAll(lists().of(items).ofSizeBetween(1, 6)).checkAssert(list -> {
            seed(tenant, list);
            long expected = list.stream().map(Item::monthly).reduce(BigDecimal.ZERO, BigDecimal::add).longValueExact();
            assertThat(metrics.mrr(tenant)).as(list.toString())
                    .containsExactly(new SubscriptionMetrics.Mrr("usd", expected, list.size(), 0));
        });
    }

    /** The catalog's limit: an interval of at most three years. */
    private static int maxCount(String interval) {
        return switch (interval) {
            case "day" -> 3 * 365;
            case "week" -> 3 * 52;
            case "month" -> 3 * 12;
            default -> 3;
        };
    }

    private void seed(Tenant tenant, List<Item> list) {
        Map<String, Object> account = Map.of("a", tenant.accountId());
        jdbc.sql("delete from subscription_items where account_id = :a").params(account).update();
        jdbc.sql("delete from subscriptions where account_id = :a").params(account).update();
        jdbc.sql("delete from prices where account_id = :a").params(account).update();
        for (int i = 0; i < list.size(); i++) {
            Item item = list.get(i);
            Map<String, Object> p = Map.of("a", tenant.accountId(), "i", i, "amount", item.unitAmount(), "quantity", item.quantity(),
                    "interval", item.interval(), "count", item.count());
            jdbc.sql("""
                    insert into prices (account_id, price_id, product_id, currency, unit_amount, type, recurring_interval,
                                        recurring_interval_count, tax_behavior, active, created_at, updated_at)
                    values (:a, 'price_q' || :i, 'prod_q', 'usd', :amount, 'recurring', :interval, :count, 'exclusive', true, now(), now())
                    """).params(p).update();
            jdbc.sql("""
                    insert into subscriptions (account_id, subscription_id, customer_id, livemode, status, currency, recurring_interval,
                                               interval_count, billing_cycle_anchor, current_period_start, current_period_end,
                                               collection_method, created_at, updated_at)
                    values (:a, 'sub_q' || :i, 'cus_q', false, 'active', 'usd', :interval, :count, now(), now(), now() + interval '1 day',
                            'charge_automatically', now(), now())
                    """).params(p).update();
            jdbc.sql("""
                    insert into subscription_items (account_id, subscription_item_id, subscription_id, price_id, quantity, created_at)
                    values (:a, 'si_q' || :i, 'sub_q' || :i, 'price_q' || :i, :quantity, now())
                    """).params(p).update();
        }
    }
}
