-- The currency of a customer's credit balance: credit is only ever applied to invoices in that currency.
alter table customers add column balance_currency text check (balance_currency ~ '^[a-z]{3}$');
