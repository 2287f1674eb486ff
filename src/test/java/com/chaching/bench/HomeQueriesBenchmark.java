package com.chaching.bench;

import com.chaching.payments.RevenueService;
import com.chaching.payments.TransactionFilter;
import com.chaching.payments.TransactionService;
import com.chaching.payments.TransactionStatus;
import com.chaching.payments.TransactionType;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import com.chaching.subscriptions.SubscriptionFilter;
import com.chaching.subscriptions.SubscriptionMetrics;
import com.chaching.subscriptions.SubscriptionService;
import com.chaching.subscriptions.SubscriptionStatus;
import com.chaching.testing.ApiTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard home's queries on one account with 10 000 subscriptions and 100 000 transactions (not a test:
 * surefire runs only *Test classes). Run: {@code ./mvnw -B -o test -Dtest=HomeQueriesBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints each query's EXPLAIN ANALYZE and the p95 over 50 runs of
 * all the service calls the home page makes.
 */
class HomeQueriesBenchmark extends ApiTest {

    @Autowired
    SubscriptionMetrics metrics;
    @Autowired
    RevenueService revenue;
    @Autowired
    TransactionService transactions;
    @Autowired
    SubscriptionService subscriptions;

    @Test
    void homeQueries() {
        int count = Integer.getInteger("bench.subscriptions", 10_000);
        int payments = Integer.getInteger("bench.transactions", 100_000);
        BenchAccount account = BenchAccount.open(signUp(), jdbc);
        Tenant tenant = account.tenant;
        Instant now = account.opened;
        account.customers(count, false);
        account.subscriptionsSpreadOverAMonth(count);
        account.paymentHistory(payments, count);
        // The steady state autovacuum keeps: statistics, and a visibility map for index-only scans.
        jdbc.sql("vacuum analyze").update();

        explain("mrr", "explain (analyze, buffers) " + mrrSql(), tenant, now);
        explain("renewals", """
                explain (analyze, buffers) select s.subscription_id, c.external_key, c.name, s.currency, s.current_period_end, s.cancel_at_period_end,
                       (select coalesce(sum(i.quantity * p.unit_amount), 0) from subscription_items i
                          join prices p on p.account_id = i.account_id and p.price_id = i.price_id
                         where i.account_id = s.account_id and i.subscription_id = s.subscription_id) as amount
                  from subscriptions s join customers c on c.account_id = s.account_id and c.customer_id = s.customer_id
                 where s.account_id = :a and s.status = 'active' and s.current_period_end >= :now and s.current_period_end < cast(:now as timestamptz) + interval '7 days'
                 order by s.current_period_end, s.subscription_id limit 10
                """, tenant, now);
        explain("revenue (90 days)", """
                explain (analyze, buffers) select currency, (created_at at time zone 'UTC')::date as day,
                       sum(case when type = 'charge' then amount else -amount end)
                  from transactions
                 where account_id = :a and status = 'succeeded' and type in ('charge', 'refund')
                   and created_at >= cast(:now as timestamptz) - interval '90 days' and created_at < cast(:now as timestamptz) + interval '1 day'
                 group by currency, day order by currency, day
                """, tenant, now);

        Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
        calls.put("mrr", () -> metrics.mrr(tenant));
        calls.put("revenue 30 days", () -> revenue.byDay(tenant, 30));
        calls.put("revenue 90 days", () -> revenue.byDay(tenant, 90));
        calls.put("failed payments", () -> transactions.list(tenant,
                new TransactionFilter(TransactionType.CHARGE, TransactionStatus.FAILED, null, null, null, null), new PageRequest(5, null, null)));
        calls.put("past due", () -> subscriptions.list(tenant, new SubscriptionFilter(null, SubscriptionStatus.PAST_DUE, null),
                new PageRequest(5, null, null)));
        calls.put("renewals", () -> metrics.upcomingRenewals(tenant, Duration.ofDays(7), 10));
        calls.forEach((name, call) -> {
            List<Long> nanos = new ArrayList<>();
            for (int run = 0; run < 60; run++) {
                long started = System.nanoTime();
                call.run();
                if (run >= 10) {
                    nanos.add(System.nanoTime() - started);
                }
            }
            Collections.sort(nanos);
            System.out.printf("home call %s: p50 %.1f ms, p95 %.1f ms over %d runs%n", name, nanos.get(nanos.size() / 2) / 1e6,
                    nanos.get((int) Math.ceil(nanos.size() * 0.95) - 1) / 1e6, nanos.size());
        });
    }

    /** The MRR query as the repository runs it. */
    private static String mrrSql() {
        try {
            java.lang.reflect.Field field = Class.forName("com.chaching.subscriptions.SubscriptionMetricsRepository").getDeclaredField("MRR");
            field.setAccessible(true);
            return ((String) field.get(null)).replace(":accountId", ":a");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void explain(String name, String sql, Tenant tenant, Instant now) {
        List<String> plan = jdbc.sql(sql).param("a", tenant.accountId()).param("now", Timestamp.from(now)).query(String.class).list();
        System.out.println("== " + name + "\n" + String.join("\n", plan));
    }
}
