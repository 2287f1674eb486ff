-- Idempotency keys (api.md "Idempotency"): one row per account and key, holding the first request's
-- fingerprint and, once it has finished, the response to replay.
create table idempotency_keys (
    account_id            text        not null,
    idempotency_key       text        not null check (length(idempotency_key) between 1 and 255),
    request_hash          text        not null,
    response_status       integer,
    response_content_type text,
    response_body         bytea,
    started_at            timestamptz not null,
    expires_at            timestamptz not null,
    primary key (account_id, idempotency_key)
);
-- The hourly purge finds expired keys across accounts; a BRIN index on an append-mostly time column
-- costs almost nothing. It is the one index not led by account_id, and is per shard under Citus.
create index idempotency_keys_expiry on idempotency_keys using brin (expires_at);

-- Each sandbox account's test clock: how far ahead of the server's clock it runs, in whole seconds.
create table account_clocks (
    account_id     text   not null primary key,
    offset_seconds bigint not null check (offset_seconds >= 0)
);
