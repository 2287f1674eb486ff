-- Distributes Chaching's tables on a Citus cluster (docs/operations.md "Scaling past one PostgreSQL").
--
-- Run it once, on the coordinator, after the service has created and migrated the database there:
--     psql -v ON_ERROR_STOP=1 -d chaching -f distribute.sql
-- It is one transaction: it distributes every table, or, on any error, nothing.
--
-- Every table is one of three kinds (CitusDistributionScriptTest checks that each table the migrations create is
-- named here, or listed below as left on the coordinator):
--   * reference tables, copied whole to every node: the two look-ups that cannot know the account beforehand
--     (accounts by lower(email) at sign-up, api_keys by key_hash at authentication) and the shared tax-code catalog;
--   * distributed by account_id, all co-located with customers, so that one account's rows of every table are on one
--     node and every statement naming one account runs there;
--   * left on the coordinator as plain tables: rate_limit_buckets (Bucket4j's, keyed by its own text id; every copy
--     of the service reaches it through the coordinator) and flyway_schema_history (Flyway's).

begin;

-- Several of these tables have foreign keys to reference tables; Citus creates such tables over one connection per
-- worker ("sequential" mode) within a transaction that also creates the reference tables.
set local citus.multi_shard_modify_mode to 'sequential';
-- transactions keeps its row trigger transactions_settled_are_final (decisions.md (ck)): Citus copies it to every
-- shard only with this setting. The trigger reads only the row it guards, so it is safe on a shard.
set local citus.enable_unsafe_triggers to on;

-- Foreign keys between a table about to become a reference table and a plain table would make Citus turn the plain
-- table into a "Citus local table", which it then refuses to distribute or replicate because of its identity column
-- (issue 16). They are dropped here and added back at the end, once both sides are Citus tables.
alter table api_keys drop constraint api_keys_account_id_fkey;
alter table products drop constraint products_tax_code_fkey;

-- Reference tables.
select create_reference_table('accounts');
select create_reference_table('api_keys');
select create_reference_table('tax_codes');

-- Distributed tables, a referenced table before the tables that refer to it.
select create_distributed_table('customers', 'account_id');
select create_distributed_table('account_clocks', 'account_id', colocate_with => 'customers');
select create_distributed_table('idempotency_keys', 'account_id', colocate_with => 'customers');
select create_distributed_table('tax_rates', 'account_id', colocate_with => 'customers');
select create_distributed_table('products', 'account_id', colocate_with => 'customers');
select create_distributed_table('prices', 'account_id', colocate_with => 'customers');
select create_distributed_table('payment_methods', 'account_id', colocate_with => 'customers');
select create_distributed_table('sandbox_tokens', 'account_id', colocate_with => 'customers');
select create_distributed_table('sandbox_charges', 'account_id', colocate_with => 'customers');
select create_distributed_table('sandbox_refunds', 'account_id', colocate_with => 'customers');
select create_distributed_table('invoices', 'account_id', colocate_with => 'customers');
select create_distributed_table('invoice_lines', 'account_id', colocate_with => 'customers');
select create_distributed_table('invoice_counters', 'account_id', colocate_with => 'customers');
select create_distributed_table('transactions', 'account_id', colocate_with => 'customers');
select create_distributed_table('subscriptions', 'account_id', colocate_with => 'customers');
select create_distributed_table('subscription_items', 'account_id', colocate_with => 'customers');
select create_distributed_table('events', 'account_id', colocate_with => 'customers');
select create_distributed_table('webhook_endpoints', 'account_id', colocate_with => 'customers');
select create_distributed_table('webhook_deliveries', 'account_id', colocate_with => 'customers');
select create_distributed_table('stripe_customers', 'account_id', colocate_with => 'customers');
select create_distributed_table('stripe_payment_methods', 'account_id', colocate_with => 'customers');
select create_distributed_table('stripe_charges', 'account_id', colocate_with => 'customers');
select create_distributed_table('stripe_refunds', 'account_id', colocate_with => 'customers');

-- The foreign keys dropped above: reference to reference, and distributed to reference, both of which Citus keeps.
alter table api_keys add constraint api_keys_account_id_fkey foreign key (account_id) references accounts (account_id);
alter table products add constraint products_tax_code_fkey foreign key (tax_code) references tax_codes (tax_code_id);

commit;
