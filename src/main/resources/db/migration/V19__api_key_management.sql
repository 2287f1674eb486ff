-- api.md "Keys": an account holds several secret keys, each named, listed newest first, with when it was
-- last used and when it stops working (a roll gives the old key until then; a revoke ends it at once).
alter table api_keys
    add column seq          bigint generated always as identity,
    add column name         text,
    add column last_used_at timestamptz,
    add column expires_at   timestamptz;
update api_keys set name = 'Secret key';
alter table api_keys alter column name set not null;
create index api_keys_list on api_keys (account_id, seq);
