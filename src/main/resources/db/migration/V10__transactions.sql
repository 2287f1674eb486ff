-- Money movements (billing.md "Transactions and balance"): charges, refunds, and adjustments of a
-- customer's credit balance. A succeeded transaction is never changed or deleted: corrections are new rows.
create table transactions (
    account_id            text        not null,
    transaction_id        text        not null,
    seq                   bigint      generated always as identity,
    -- Which gateway moved it: sandbox (false) or live (true); the reconciler asks the same one.
    livemode              boolean     not null,
    type                  text        not null check (type in ('charge', 'refund', 'adjustment')),
    status                text        not null check (status in ('pending', 'succeeded', 'failed')),
    amount                bigint      not null,
    fee                   bigint      not null default 0 check (fee >= 0),
    net                   bigint      not null,
    currency              text        not null check (currency ~ '^[a-z]{3}$'),
    invoice_id            text,
    customer_id           text,
    payment_method_id     text,
    -- A refund's charge.
    source_transaction_id text,
    -- The idempotency key the gateway knows this charge or refund by, and the gateway's own id for it.
    gateway_key           text,
    gateway_reference     text,
    failure_code          text,
    failure_message       text,
    reason                text        check (reason in ('duplicate', 'fraudulent', 'requested_by_customer')),
    description           text,
    -- When a succeeded charge's net moves from pending to available balance.
    available_on          timestamptz,
    -- Server time the transaction went pending: the reconciler's clock, whatever the test clock says.
    pending_since         timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    primary key (account_id, transaction_id),
    unique (account_id, gateway_key),
    check (type <> 'charge' or (amount > 0 and net = amount - fee)),
    check (type <> 'refund' or (amount > 0 and fee = 0 and net = -amount and source_transaction_id is not null)),
    check (type <> 'adjustment' or (fee = 0 and net = 0 and status = 'succeeded'))
);
create index transactions_list on transactions (account_id, seq);
create index transactions_invoice on transactions (account_id, invoice_id, seq);
create index transactions_source on transactions (account_id, source_transaction_id);
create index transactions_pending on transactions (account_id, status, pending_since) where status = 'pending';

create function transactions_append_only() returns trigger language plpgsql as $$
begin
    if old.status = 'succeeded' or old.status = 'failed' then
        raise exception 'transaction % is settled and cannot change', old.transaction_id;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end;
$$;
create trigger transactions_settled_are_final before update or delete on transactions
    for each row execute function transactions_append_only();
