package com.chaching.subscriptions;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The aggregate queries behind {@link SubscriptionMetrics}, each scoped by account. */
@Repository
class SubscriptionMetricsRepository {

    /**
     * MRR (docs/dashboard.md "Home"). Each item's amount per period is n / d with n = unitAmount × quantity ×
     * (365 for day, 52 for week, else 1) and d = intervalCount × (1 for month, else 12); it is rounded half-up
     * to a minor unit exactly, in integers: round(n / d) = (2n + d) div 2d (numeric, no floating point, n ≥ 0).
     * Subscriptions carry only per-unit recurring prices (no tiers or other billing schemes exist).
     */
    private static final String MRR = """
            with amounts as (
                select s.currency, sum(div(2 * item.n + item.d, 2 * item.d)) as amount
                  from subscriptions s
                  join subscription_items i on i.account_id = s.account_id and i.subscription_id = s.subscription_id
                  join prices p on p.account_id = i.account_id and p.price_id = i.price_id
                 cross join lateral (select i.quantity::numeric * p.unit_amount
                                                * case p.recurring_interval when 'day' then 365 when 'week' then 52 else 1 end as n,
                                            p.recurring_interval_count::numeric
                                                * case p.recurring_interval when 'month' then 1 else 12 end as d) item
                 where s.account_id = :accountId and s.status in ('active', 'past_due') and p.type = 'recurring'
                 group by s.currency
            ), counts as (
                select currency, count(*) as subscriptions, count(*) filter (where status = 'past_due') as past_due
                  from subscriptions
                 where account_id = :accountId and status in ('active', 'past_due')
                 group by currency
            )
            select c.currency, coalesce(a.amount, 0) as amount, c.subscriptions, c.past_due
              from counts c
              left join amounts a on a.currency = c.currency
             order by c.currency
            """;

    private final JdbcClient jdbc;

    SubscriptionMetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SubscriptionMetrics.Mrr> mrr(Tenant tenant) {
        return jdbc.sql(MRR)
                .param("accountId", tenant.accountId())
                .query((rs, row) -> new SubscriptionMetrics.Mrr(rs.getString("currency"), rs.getBigDecimal("amount").longValueExact(),
                        rs.getLong("subscriptions"), rs.getLong("past_due")))
                .list();
    }

    /**
     * Active subscriptions whose current period ends in [from, until), soonest first; served by the partial index
     * subscriptions_renewals (V21). The amount is one period of the items' price × quantity, before tax and
     * before any pending proration.
     */
    List<SubscriptionMetrics.Renewal> renewalsBetween(Tenant tenant, Instant from, Instant until, int limit) {
        return jdbc.sql("""
                        select s.subscription_id, c.external_key, c.name, s.currency, s.current_period_end, s.cancel_at_period_end,
                               (select coalesce(sum(i.quantity * p.unit_amount), 0)
                                  from subscription_items i
                                  join prices p on p.account_id = i.account_id and p.price_id = i.price_id
                                 where i.account_id = s.account_id and i.subscription_id = s.subscription_id) as amount
                          from subscriptions s
                          join customers c on c.account_id = s.account_id and c.customer_id = s.customer_id
                         where s.account_id = :accountId and s.status = 'active'
                           and s.current_period_end >= :from and s.current_period_end < :until
                         order by s.current_period_end, s.subscription_id
                         limit :limit
                        """)
                .param("accountId", tenant.accountId())
                .param("from", utc(from))
                .param("until", utc(until))
                .param("limit", limit)
                .query((rs, row) -> new SubscriptionMetrics.Renewal(rs.getString("subscription_id"), rs.getString("external_key"),
                        rs.getString("name"), rs.getString("currency"), rs.getBigDecimal("amount").longValueExact(),
                        Objects.requireNonNull(instant(rs, "current_period_end")), rs.getBoolean("cancel_at_period_end")))
                .list();
    }
}
