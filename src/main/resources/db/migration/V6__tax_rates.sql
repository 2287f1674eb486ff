create table tax_rates (
    account_id   text         not null,
    tax_rate_id  text         not null,
    seq          bigint       generated always as identity,
    display_name text         not null check (length(display_name) between 1 and 50),
    description  text,
    -- billing.md: a percentage with at most 4 decimals, fixed once created.
    percentage   numeric(7,4) not null check (percentage between 0 and 100),
    country      text         check (country ~ '^[A-Z]{2}$'),
    state        text,
    jurisdiction text,
    active       boolean      not null,
    metadata     jsonb        not null default '{}',
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    primary key (account_id, tax_rate_id)
);
create index tax_rates_list on tax_rates (account_id, seq);
