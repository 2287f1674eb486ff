-- events.md "Webhook endpoints". The signing secret is kept as given (HMAC needs it, a hash would not do);
-- after a rotation the previous one keeps signing until previous_secret_expires_at (server time).
create table webhook_endpoints (
    account_id                 text        not null,
    webhook_endpoint_id        text        not null,
    seq                        bigint      generated always as identity,
    url                        text        not null check (length(url) <= 2048),
    enabled_events             jsonb       not null,
    description                text,
    metadata                   jsonb       not null default '{}',
    status                     text        not null check (status in ('enabled', 'disabled')),
    secret                     text        not null,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    livemode                   boolean     not null,
    deleted                    boolean     not null default false,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    primary key (account_id, webhook_endpoint_id)
);
create index webhook_endpoints_list on webhook_endpoints (account_id, seq);
