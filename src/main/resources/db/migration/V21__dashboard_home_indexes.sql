-- The dashboard's home (docs/dashboard.md "Home"); each query names the same literal conditions so that the
-- planner can use these partial indexes.
-- Upcoming renewals: active subscriptions whose current period ends soon, soonest first.
create index subscriptions_renewals on subscriptions (account_id, current_period_end) where status = 'active';
-- Revenue by day: succeeded charges and refunds of a time window.
create index transactions_revenue on transactions (account_id, created_at) include (type, currency, amount)
    where status = 'succeeded' and type in ('charge', 'refund');
