-- A customer's events by a column the service writes (BelongsToCustomer) instead of V20's expression index,
-- which parsed every event's JSON as it was inserted — four times, for the key and the partial index's
-- predicate: 7.8 µs of an event's 14 µs in a test of 200 000 invoice events (docs/benchmarks.md, session 7).
-- Existing events get the key the expression gave them.
alter table events add column customer_key text;
update events
   set customer_key = case when type like 'customer.%' then data -> 'object' ->> 'externalKey' else data -> 'object' ->> 'customer' end;
drop index events_by_customer;
create index events_by_customer on events (account_id, customer_key, seq) where customer_key is not null;
