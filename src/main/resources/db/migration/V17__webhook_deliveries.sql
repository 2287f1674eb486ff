-- events.md "Delivery": one row per attempt to deliver one event to one endpoint. A pending row is the
-- next attempt, due at next_attempt_at; a worker that claims it holds it until claimed_until, with no
-- transaction open while it sends, so a worker that dies mid-send loses its claim and the attempt is made
-- again (at least once). Times here are the server's, not the test clock's.
create table webhook_deliveries (
    account_id          text        not null,
    delivery_id         text        not null,
    seq                 bigint      generated always as identity,
    webhook_endpoint_id text        not null,
    event_id            text        not null,
    attempt             integer     not null check (attempt >= 1),
    status              text        not null check (status in ('pending', 'succeeded', 'failed')),
    response_status     integer,
    response_body       text,
    duration_ms         integer,
    next_attempt_at     timestamptz,
    claimed_until       timestamptz,
    created_at          timestamptz not null,
    primary key (account_id, delivery_id),
    foreign key (account_id, webhook_endpoint_id) references webhook_endpoints (account_id, webhook_endpoint_id),
    foreign key (account_id, event_id) references events (account_id, event_id)
);
create index webhook_deliveries_list on webhook_deliveries (account_id, webhook_endpoint_id, seq);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, account_id) where status = 'pending';

-- An endpoint that has failed every delivery since failing_since is disabled after 3 days.
alter table webhook_endpoints add column failing_since timestamptz;
