create extension if not exists pg_trgm;
create extension if not exists btree_gin;

create table customers (
    account_id             text        not null,
    customer_id            text        not null,
    -- Position in lists: later rows sort higher, whatever their (test-clock) timestamps.
    seq                    bigint      generated always as identity,
    external_key           text        not null check (external_key ~ '^[A-Za-z0-9._:@-]{1,255}$'),
    name                   text,
    email                  text,
    phone                  text,
    address                jsonb,
    metadata               jsonb       not null default '{}',
    default_payment_method text,
    balance                bigint      not null default 0,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    deleted_at             timestamptz,
    search_text            text generated always as (coalesce(name, '') || ' ' || chr(31) || ' ' || coalesce(email, '')) stored,
    primary key (account_id, customer_id),
    -- A deleted customer keeps its key: invoices and transactions still name it.
    unique (account_id, external_key)
);
create index customers_list on customers (account_id, seq);
-- GET /customers/search: case-insensitive substring of name or email, fast on millions of rows.
create index customers_search on customers using gin (account_id, search_text gin_trgm_ops);
