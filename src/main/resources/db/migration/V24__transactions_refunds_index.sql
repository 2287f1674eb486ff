-- Every look-up by source transaction asks for a charge's refunds (type = 'refund'): a partial index on
-- refunds alone. Besides being smaller, it keeps the planner off the account-wide indexes while a bill run
-- grows the table faster than statistics follow: with transactions_source, a stale estimate of one row per
-- account had the refunded-amount subquery of every transaction read walk the account's whole index.
drop index transactions_source;
create index transactions_refunds on transactions (account_id, source_transaction_id) where type = 'refund';
