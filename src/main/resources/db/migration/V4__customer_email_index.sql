-- GET /customers?email= compares lower(email): without this index it reads every customer of the account.
create index customers_email on customers (account_id, lower(email));
-- Statistics for the new expression, so that the planner knows an email matches about one customer.
analyze customers;
