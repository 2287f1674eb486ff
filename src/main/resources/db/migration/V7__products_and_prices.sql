create table products (
    account_id  text        not null,
    product_id  text        not null,
    seq         bigint      generated always as identity,
    name        text        not null check (length(name) between 1 and 120),
    description text,
    active      boolean     not null,
    tax_code    text        references tax_codes (tax_code_id),
    unit_label  text,
    metadata    jsonb       not null default '{}',
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (account_id, product_id)
);
-- Product names are unique in an account, ignoring case.
create unique index products_name on products (account_id, lower(name));
create index products_list on products (account_id, seq);

create table prices (
    account_id               text        not null,
    price_id                 text        not null,
    seq                      bigint      generated always as identity,
    product_id               text        not null,
    currency                 text        not null check (currency ~ '^[a-z]{3}$'),
    unit_amount              bigint      not null check (unit_amount between 0 and 99999999999),
    type                     text        not null check (type in ('one_time', 'recurring')),
    recurring_interval       text        check (recurring_interval in ('day', 'week', 'month', 'year')),
    recurring_interval_count integer     check (recurring_interval_count >= 1),
    tax_behavior             text        not null check (tax_behavior in ('exclusive', 'inclusive')),
    nickname                 text,
    description              text,
    lookup_key               text,
    active                   boolean     not null,
    metadata                 jsonb       not null default '{}',
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    primary key (account_id, price_id),
    -- Deleting a product deletes its prices (the service refuses when one is in use).
    foreign key (account_id, product_id) references products (account_id, product_id) on delete cascade,
    -- A recurring price has its interval; a one-time price has none.
    check ((type = 'recurring') = (recurring_interval is not null and recurring_interval_count is not null)),
    check (type = 'recurring' or (recurring_interval is null and recurring_interval_count is null))
);
create unique index prices_lookup_key on prices (account_id, lookup_key);
create index prices_list on prices (account_id, seq);
create index prices_product on prices (account_id, product_id, seq);
