create table accounts (
    account_id      text        not null primary key,
    name            text        not null,
    email           text        not null,
    password_hash   text        not null,
    livemode        boolean     not null,
    time_zone       text        not null default 'UTC',
    invoice_prefix  text        not null check (invoice_prefix ~ '^[A-Z0-9]{3,12}$'),
    retry_schedule  integer[]   not null default '{1,3,5,7}',
    after_retries   text        not null default 'cancel' check (after_retries in ('cancel', 'unpaid')),
    settlement_days integer     not null default 2 check (settlement_days between 0 and 30),
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
-- One account per email address, whatever its case.
create unique index accounts_email on accounts (lower(email));

-- Secret API keys, stored only as their SHA-256. Looking a key up by its hash is the one query that
-- cannot know the account beforehand: it is how the account is found.
create table api_keys (
    account_id  text        not null references accounts (account_id),
    api_key_id  text        not null,
    key_hash    text        not null,
    last4       text        not null,
    created_at  timestamptz not null,
    primary key (account_id, api_key_id)
);
create unique index api_keys_hash on api_keys (key_hash);
