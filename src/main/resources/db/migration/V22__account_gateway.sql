-- Issue 13: a live account's payment gateway. The secret key is kept only sealed with the server's
-- CHACHING_SECRETS_KEY (SecretBox: AES-256-GCM bound to the account), and its last four characters for reads.
alter table accounts add column gateway_type text check (gateway_type in ('stripe'));
alter table accounts add column gateway_secret_sealed text;
alter table accounts add column gateway_secret_last4 text;
alter table accounts add constraint accounts_gateway_complete
    check ((gateway_type is null) = (gateway_secret_sealed is null) and (gateway_type is null) = (gateway_secret_last4 is null));
