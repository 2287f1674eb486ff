-- The engine claims an account's due subscriptions in (next_work_at, subscription_id) order, a batch at a
-- time. With the index on (account_id, next_work_at) alone, every claim sorted all of the account's due
-- rows to find its batch: half a second a claim with 100 000 due. With subscription_id in the index, a
-- claim walks it in order and stops at its batch.
drop index subscriptions_due;
create index subscriptions_due on subscriptions (account_id, next_work_at, subscription_id) where next_work_at is not null;
