package com.chaching.bench;

import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sandbox account that a benchmark fills straight in SQL: through the API, seeding 100 000 subscriptions would
 * take longer than the run it measures. The rows numbered i belong together: customer {@code cus_b<i>} (external key
 * {@code bench-<i>}), its card {@code pm_b<i>}, its subscription {@code sub_b<i>} with item {@code si_b<i>}.
 */
final class BenchAccount {

    final Tenant tenant;
    /** The monthly price, 19.99 USD, that every subscription is on. */
    final String price;
    /** The account's clock when it was opened: the seeded rows are created then (a payment history, before). */
    final Instant opened;

    private final JdbcClient jdbc;

    private BenchAccount(JdbcClient jdbc, Tenant tenant, String price, Instant opened) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.price = price;
        this.opened = opened;
    }

    /** The signed-up account, given one product, "Bench plan", and its monthly price (through the API, as a merchant would). */
    static BenchAccount open(Api api, JdbcClient jdbc) {
        String product = api.post("/products", Map.of("name", "Bench plan")).text("id");
        String price = api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 1999, "type", "recurring",
                "recurring", Map.of("interval", "month"))).text("id");
        Instant opened = Instant.parse(api.get("/test-clock").text("now"));
        return new BenchAccount(jdbc, new Tenant(api.accountId(), false), price, opened);
    }

    /** Customers 1 to n; with cards, each has a sandbox card whose charges succeed as its default payment method. */
    void customers(int n, boolean withCards) {
        Map<String, Object> p = params(n);
        p.put("cards", withCards);
        jdbc.sql("""
                insert into customers (account_id, customer_id, external_key, name, metadata, created_at, updated_at, default_payment_method)
                select :a, 'cus_b' || i, 'bench-' || i, 'Customer ' || i, '{}', :opened, :opened, case when :cards then 'pm_b' || i end
                  from generate_series(1, :n) i
                """).params(p).update();
        if (!withCards) {
            return;
        }
        jdbc.sql("insert into sandbox_tokens (account_id, token, behavior, created_at) select :a, 'tok_b' || i, 'SUCCEEDS', :opened from generate_series(1, :n) i")
                .params(p).update();
        jdbc.sql("""
                insert into payment_methods (account_id, payment_method_id, type, gateway_token, brand, last4, exp_month, exp_year, funding,
                                             country, customer_id, created_at, updated_at)
                select :a, 'pm_b' || i, 'card', 'tok_b' || i, 'visa', '4242', 12, 2040, 'credit', 'US', 'cus_b' || i, :opened, :opened
                  from generate_series(1, :n) i
                """).params(p).update();
    }

    /** Subscriptions 1 to n, of customers 1 to n, all active, whose current period ends at {@code renewal}, due to renew then. */
    void subscriptionsRenewingAt(int n, Instant renewal) {
        subscriptions(n, opened, renewal, 1, false, true, 1);
    }

    /**
     * Subscriptions 1 to n, of customers 1 to n, whose current periods end spread over the month to come, none
     * due: every 20th past due (in dunning), every 20th trialing, every 10th canceled, the rest active; one, two
     * or three of the price each.
     */
    void subscriptionsSpreadOverAMonth(int n) {
        subscriptions(n, opened.atOffset(ZoneOffset.UTC).minusMonths(1).toInstant(), opened.plusSeconds(60), 720, true, false, 3);
    }

    /**
     * Subscription i's current period runs from {@code periodStart} to {@code periodEnd}, both moved i % spreadHours
     * hours later; its item is of 1 + i % quantities of the price.
     */
    private void subscriptions(int n, Instant periodStart, Instant periodEnd, int spreadHours, boolean mixedStatuses, boolean due,
                               int quantities) {
        Map<String, Object> p = params(n);
        p.put("periodStart", Timestamp.from(periodStart));
        p.put("periodEnd", Timestamp.from(periodEnd));
        p.put("spread", spreadHours);
        p.put("mixed", mixedStatuses);
        p.put("due", due);
        p.put("quantities", quantities);
        jdbc.sql("""
                insert into subscriptions (account_id, subscription_id, customer_id, livemode, status, currency, recurring_interval, interval_count,
                                           billing_cycle_anchor, current_period_start, current_period_end, collection_method,
                                           dunning_invoice, dunning_started_at, next_retry_at, next_work_at, created_at, updated_at)
                select :a, 'sub_b' || i, 'cus_b' || i, false,
                       case when not :mixed then 'active' when i % 20 = 0 then 'past_due' when i % 20 = 1 then 'trialing'
                            when i % 10 = 2 then 'canceled' else 'active' end,
                       'usd', 'month', 1, :opened, cast(:periodStart as timestamptz) + (i % :spread) * interval '1 hour',
                       cast(:periodEnd as timestamptz) + (i % :spread) * interval '1 hour', 'charge_automatically',
                       case when :mixed and i % 20 = 0 then 'in_b' || i end,
                       case when :mixed and i % 20 = 0 then cast(:opened as timestamptz) end,
                       case when :mixed and i % 20 = 0 then cast(:opened as timestamptz) + interval '1 day' end,
                       case when :due then cast(:periodEnd as timestamptz) + (i % :spread) * interval '1 hour' end,
                       :opened, :opened
                  from generate_series(1, :n) i
                """).params(p).update();
        jdbc.sql("""
                insert into subscription_items (account_id, subscription_item_id, subscription_id, price_id, quantity, created_at)
                select :a, 'si_b' || i, 'sub_b' || i, :price, 1 + i % :quantities, :opened from generate_series(1, :n) i
                """).params(p).update();
    }

    /**
     * What a merchant with this many subscriptions has already: subscription i's first invoice (for its period,
     * which ends at {@code renewal}), paid by one charge of its card. Without it the tables a renewal writes start
     * empty, and the planner's estimates lag a run that fills them.
     */
    void firstInvoicesPaid(int n, Instant renewal) {
        Map<String, Object> p = params(n);
        p.put("renewal", Timestamp.from(renewal));
        jdbc.sql("""
                insert into invoices (account_id, invoice_id, number, customer_id, subscription_id, currency, status, collection_method,
                                      billing_reason, subtotal, tax, total_excluding_tax, total, applied_balance, amount_due, amount_paid,
                                      amount_remaining, attempt_count, due_date, finalized_at, paid_at, metadata, created_at, updated_at)
                select :a, 'in_b' || i, 'BENCH-' || lpad(i::text, 6, '0'), 'cus_b' || i, 'sub_b' || i, 'usd', 'paid', 'charge_automatically',
                       'subscription_create', 1999, 0, 1999, 1999, 0, 1999, 1999, 0, 1, :opened, :opened, :opened, '{}', :opened, :opened
                  from generate_series(1, :n) i
                """).params(p).update();
        jdbc.sql("""
                insert into invoice_lines (account_id, invoice_line_id, invoice_id, position, description, price_id, quantity, unit_amount,
                                           amount, tax_behavior, period_start, period_end)
                select :a, 'il_b' || i, 'in_b' || i, 0, 'Bench plan', :price, 1, 1999, 1999, 'exclusive', :opened, :renewal
                  from generate_series(1, :n) i
                """).params(p).update();
        jdbc.sql("""
                insert into transactions (account_id, transaction_id, livemode, type, status, amount, fee, net, currency, invoice_id,
                                          customer_id, payment_method_id, gateway_key, gateway_reference, available_on, created_at, updated_at)
                select :a, 'txn_b' || i, false, 'charge', 'succeeded', 1999, 88, 1911, 'usd', 'in_b' || i, 'cus_b' || i, 'pm_b' || i,
                       'in_b' || i || '-attempt-1', 'ch_b' || i, :opened, :opened, :opened
                  from generate_series(1, :n) i
                """).params(p).update();
        // The sandbox's own record of those charges, as the gateway would hold them: without it the planner's statistics
        // of sandbox_charges say empty, and its look-ups by key scan the table as the bill run fills it.
        jdbc.sql("""
                insert into sandbox_charges (account_id, idempotency_key, gateway_charge_id, token, amount, currency, outcome, fee, created_at)
                select :a, 'in_b' || i || '-attempt-1', 'ch_b' || i, 'tok_b' || i, 1999, 'usd', 'succeeded', 88, :opened
                  from generate_series(1, :n) i
                """).params(p).update();
        jdbc.sql("insert into invoice_counters (account_id, last_number) values (:a, :n)").params(p).update();
        jdbc.sql("update subscriptions set first_invoice = 'in_b' || substr(subscription_id, 6), latest_invoice = 'in_b' || substr(subscription_id, 6) where account_id = :a")
                .params(p).update();
    }

    /**
     * A year of payments before the account was opened, not tied to invoices: charges 1 to m of 19.99 USD, one an
     * hour going back, spread over customers 1 to n, every 100th failed (card declined); and a refund of 5 USD of
     * every 50th ({@code txn_r<i>}).
     */
    void paymentHistory(int m, int n) {
        Map<String, Object> p = params(n);
        p.put("m", m);
        jdbc.sql("""
                insert into transactions (account_id, transaction_id, livemode, type, status, amount, fee, net, currency, customer_id,
                                          failure_code, created_at, updated_at)
                select :a, 'txn_b' || i, false, 'charge', case when i % 100 = 0 then 'failed' else 'succeeded' end, 1999, 0, 1999, 'usd',
                       'cus_b' || (1 + i % :n), case when i % 100 = 0 then 'card_declined' end,
                       cast(:opened as timestamptz) - (i % 8760) * interval '1 hour', cast(:opened as timestamptz) - (i % 8760) * interval '1 hour'
                  from generate_series(1, :m) i
                """).params(p).update();
        jdbc.sql("""
                insert into transactions (account_id, transaction_id, livemode, type, status, amount, fee, net, currency, customer_id,
                                          source_transaction_id, created_at, updated_at)
                select :a, 'txn_r' || i, false, 'refund', 'succeeded', 500, 0, -500, 'usd', 'cus_b' || (1 + i % :n), 'txn_b' || i,
                       cast(:opened as timestamptz) - (i % 8760) * interval '1 hour' + interval '1 minute', cast(:opened as timestamptz) - (i % 8760) * interval '1 hour'
                  from generate_series(50, :m, 50) i
                """).params(p).update();
    }

    private Map<String, Object> params(int n) {
        Map<String, Object> p = new HashMap<>();
        p.put("a", tenant.accountId());
        p.put("n", n);
        p.put("opened", Timestamp.from(opened));
        p.put("price", price);
        return p;
    }
}
