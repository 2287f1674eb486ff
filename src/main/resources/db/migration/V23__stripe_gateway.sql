-- Issue 13: the Stripe adapter's own books, as the sandbox gateway keeps its own. Which Stripe Customer
-- mirrors which of ours, and which of them holds which PaymentMethod; and each charge and refund by our
-- idempotency key, written (and committed) before the request leaves, with the parameters it carries. A
-- lost answer is then settled by replaying that same request with that same key inside Stripe's 24 hours,
-- or by Stripe's own id once known, and never by a new request.
create table stripe_customers (
    account_id         text        not null,
    customer_id        text        not null,
    stripe_customer_id text        not null,
    created_at         timestamptz not null,
    primary key (account_id, customer_id)
);

create table stripe_payment_methods (
    account_id         text        not null,
    payment_method     text        not null,
    stripe_customer_id text        not null,
    primary key (account_id, payment_method)
);

create table stripe_charges (
    account_id         text        not null,
    idempotency_key    text        not null,
    payment_method     text        not null,
    stripe_customer_id text        not null,
    amount             bigint      not null check (amount > 0),
    currency           text        not null,
    payment_intent_id  text,
    sent_at            timestamptz not null,
    primary key (account_id, idempotency_key)
);

create table stripe_refunds (
    account_id         text        not null,
    idempotency_key    text        not null,
    payment_intent_id  text        not null,
    amount             bigint      not null check (amount > 0),
    currency           text        not null,
    refund_id          text,
    sent_at            timestamptz not null,
    primary key (account_id, idempotency_key)
);
