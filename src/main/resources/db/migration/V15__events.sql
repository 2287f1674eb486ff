-- events.md: every change's event, written in the change's own transaction (an outbox). Events are never
-- changed: nothing updates this table (no trigger enforces it: Citus refuses triggers on distributed
-- tables, issue 16).
create table events (
    account_id      text        not null,
    event_id        text        not null,
    seq             bigint      generated always as identity,
    type            text        not null,
    livemode        boolean     not null,
    -- { "object": the resource as its GET returned it, "previousAttributes": … }, json (not jsonb) so that
    -- its fields keep the order GET gives them.
    data            json        not null,
    request_id      text,
    idempotency_key text,
    created_at      timestamptz not null,
    primary key (account_id, event_id)
);
create index events_list on events (account_id, seq);
create index events_by_type on events (account_id, type, seq);

