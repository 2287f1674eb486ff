-- Subscriptions (billing.md "Subscriptions"). next_work_at is the instant, on the account's clock, at
-- which the subscription's next billing work falls due: the billing engine claims rows by it.
create table subscriptions (
    account_id             text        not null,
    subscription_id        text        not null,
    seq                    bigint      generated always as identity,
    customer_id            text        not null,
    -- Which gateway its payments go through: sandbox (false) or live (true), for the engine.
    livemode               boolean     not null,
    status                 text        not null check (status in ('incomplete', 'incomplete_expired', 'trialing', 'active',
                                                                  'past_due', 'paused', 'canceled', 'unpaid')),
    currency               text        not null,
    recurring_interval     text        not null check (recurring_interval in ('day', 'week', 'month', 'year')),
    interval_count         integer     not null check (interval_count >= 1),
    billing_cycle_anchor   timestamptz not null,
    current_period_start   timestamptz not null,
    current_period_end     timestamptz not null,
    trial_start            timestamptz,
    trial_end              timestamptz,
    cancel_at_period_end   boolean     not null default false,
    canceled_at            timestamptz,
    ended_at               timestamptz,
    paused_at              timestamptz,
    resumes_at             timestamptz,
    -- The status a paused subscription returns to.
    status_before_pause    text,
    default_payment_method text,
    tax_rates              text[]      not null default '{}',
    collection_method      text        not null check (collection_method in ('charge_automatically', 'send_invoice')),
    days_until_due         integer,
    latest_invoice         text,
    -- An invoice made for the subscription whose collection has not been decided yet (the engine collects it
    -- again if the copy that made it died before charging).
    collecting_invoice     text,
    -- Dunning: when the first payment of the open renewal invoice failed (retries count from here), and
    -- when the next retry falls due.
    dunning_started_at     timestamptz,
    next_retry_at          timestamptz,
    retry_count            integer     not null default 0,
    -- Proration lines of changes made with create_prorations, carried on the next invoice.
    pending_lines          jsonb       not null default '[]',
    metadata               jsonb       not null default '{}',
    next_work_at           timestamptz,
    -- Server time until which one worker has claimed the due work (cleared by any change of the row).
    claimed_until          timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    primary key (account_id, subscription_id),
    foreign key (account_id, customer_id) references customers (account_id, customer_id),
    check (current_period_end > current_period_start)
);
create index subscriptions_list on subscriptions (account_id, seq);
create index subscriptions_customer on subscriptions (account_id, customer_id, seq);
-- The engine's claim: due work in time order.
create index subscriptions_due on subscriptions (account_id, next_work_at) where next_work_at is not null;

create table subscription_items (
    account_id           text        not null,
    subscription_item_id text        not null,
    subscription_id      text        not null,
    price_id             text        not null,
    quantity             bigint      not null check (quantity >= 1),
    created_at           timestamptz not null,
    primary key (account_id, subscription_item_id),
    foreign key (account_id, subscription_id) references subscriptions (account_id, subscription_id),
    unique (account_id, subscription_id, price_id)
);
create index subscription_items_price on subscription_items (account_id, price_id);
