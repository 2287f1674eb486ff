-- GET /customers?email= compares lower(email): without this index it reads every customer of the account.
create index customers_email on customers (account_id, lower(email));
