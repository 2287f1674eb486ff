-- Invoices (billing.md "Invoices"). The totals identities are checks here as well as in the code.
create table invoices (
    account_id          text        not null,
    invoice_id          text        not null,
    seq                 bigint      generated always as identity,
    -- Assigned at finalization: {prefix}-{000001}, gap-free per account.
    number              text,
    customer_id         text        not null,
    subscription_id     text,
    currency            text        not null check (currency ~ '^[a-z]{3}$'),
    status              text        not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
    collection_method   text        not null check (collection_method in ('charge_automatically', 'send_invoice')),
    days_until_due      integer     check (days_until_due between 0 and 365),
    due_date            timestamptz,
    billing_reason      text        not null,
    subtotal            bigint      not null,
    tax                 bigint      not null,
    total_excluding_tax bigint      not null,
    total               bigint      not null,
    -- Credit from the customer's balance applied at finalization.
    applied_balance     bigint      not null default 0 check (applied_balance >= 0),
    amount_due          bigint      not null,
    amount_paid         bigint      not null default 0,
    amount_remaining    bigint      not null,
    attempt_count       integer     not null default 0,
    -- The attempt whose charge is at the gateway now; at most one at a time.
    payment_in_flight   integer,
    next_payment_attempt timestamptz,
    finalized_at        timestamptz,
    paid_at             timestamptz,
    voided_at           timestamptz,
    metadata            jsonb       not null default '{}',
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (account_id, invoice_id),
    foreign key (account_id, customer_id) references customers (account_id, customer_id),
    unique (account_id, number),
    check (total_excluding_tax = total - tax),
    check (amount_due = greatest(total - applied_balance, 0)),
    check (amount_paid between 0 and amount_due),
    check (amount_remaining = amount_due - amount_paid),
    -- A draft has no number; every finalized invoice has one (a draft voided before finalizing has none).
    check (status <> 'draft' or number is null),
    check (status in ('draft', 'void') or number is not null)
);
create index invoices_list on invoices (account_id, seq);
create index invoices_customer on invoices (account_id, customer_id, seq);
create index invoices_subscription on invoices (account_id, subscription_id, seq);

-- What an invoice billed, copied at creation: deleting a price never changes an invoice.
create table invoice_lines (
    account_id      text        not null,
    invoice_line_id text        not null,
    invoice_id      text        not null,
    position        integer     not null,
    description     text        not null,
    price_id        text,
    quantity        bigint      not null check (quantity >= 1),
    unit_amount     bigint      not null,
    amount          bigint      not null,
    tax_behavior    text        not null check (tax_behavior in ('exclusive', 'inclusive')),
    tax_amounts     jsonb       not null default '[]',
    period_start    timestamptz,
    period_end      timestamptz,
    proration       boolean     not null default false,
    primary key (account_id, invoice_line_id),
    foreign key (account_id, invoice_id) references invoices (account_id, invoice_id),
    unique (account_id, invoice_id, position),
    check (amount = unit_amount * quantity),
    check (period_end is null or period_start is null or period_end >= period_start)
);
create index invoice_lines_price on invoice_lines (account_id, price_id);

-- The last invoice number of each account; finalizing takes the next one under this row's lock.
create table invoice_counters (
    account_id  text   not null primary key,
    last_number bigint not null
);
