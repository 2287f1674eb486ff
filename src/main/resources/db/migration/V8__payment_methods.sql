-- Payment methods: what a gateway keeps of a card (its token) and what may be shown of it. Never the full
-- number or the security code: those go to the gateway and nowhere else.
create table payment_methods (
    account_id        text        not null,
    payment_method_id text        not null,
    seq               bigint      generated always as identity,
    type              text        not null check (type = 'card'),
    gateway_token     text        not null,
    brand             text        not null,
    last4             text        not null check (last4 ~ '^[0-9]{4}$'),
    exp_month         integer     not null check (exp_month between 1 and 12),
    exp_year          integer     not null,
    funding           text        not null,
    country           text,
    billing_details   jsonb,
    -- The customer it is attached to (their id, not their external key), or none.
    customer_id       text,
    metadata          jsonb       not null default '{}',
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (account_id, payment_method_id),
    foreign key (account_id, customer_id) references customers (account_id, customer_id)
);
create index payment_methods_list on payment_methods (account_id, seq);
create index payment_methods_customer on payment_methods (account_id, customer_id, seq);

-- The sandbox gateway's own records, as a card network would keep them: tokens (with the behaviour the
-- test card number asked for, not the number), and every charge and refund by its idempotency key.
create table sandbox_tokens (
    account_id text        not null,
    token      text        not null,
    behavior   text        not null,
    created_at timestamptz not null,
    primary key (account_id, token)
);

create table sandbox_charges (
    account_id        text        not null,
    idempotency_key   text        not null,
    gateway_charge_id text        not null,
    token             text        not null,
    amount            bigint      not null check (amount >= 0),
    currency          text        not null,
    outcome           text        not null check (outcome in ('succeeded', 'declined')),
    failure_code      text,
    fee               bigint      not null default 0,
    created_at        timestamptz not null,
    primary key (account_id, idempotency_key),
    unique (account_id, gateway_charge_id)
);

create table sandbox_refunds (
    account_id        text        not null,
    idempotency_key   text        not null,
    gateway_refund_id text        not null,
    gateway_charge_id text        not null,
    amount            bigint      not null check (amount > 0),
    currency          text        not null,
    outcome           text        not null check (outcome in ('succeeded', 'failed')),
    failure_code      text,
    created_at        timestamptz not null,
    primary key (account_id, idempotency_key)
);
create index sandbox_refunds_charge on sandbox_refunds (account_id, gateway_charge_id);
