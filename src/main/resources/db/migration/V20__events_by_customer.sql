-- A customer's events, newest first, for the dashboard's customer and subscription pages: the events
-- whose object belongs to the customer (by its externalKey, as every API object names its customer) and
-- the customer's own customer.* events. An expression index on the json column rather than a new column,
-- so the write path is unchanged but for this one index; partial, so events about nothing of a customer
-- (products, prices, tax rates, the test clock, endpoints) add no entry.
-- EventRepository.CUSTOMER_KEY is this expression, written the same way, so that the planner matches it.
create index events_by_customer on events (
    account_id,
    (case when type like 'customer.%' then data -> 'object' ->> 'externalKey' else data -> 'object' ->> 'customer' end),
    seq)
    where (case when type like 'customer.%' then data -> 'object' ->> 'externalKey' else data -> 'object' ->> 'customer' end) is not null;
