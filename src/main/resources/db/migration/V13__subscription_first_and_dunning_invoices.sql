-- The invoices a subscription waits on, each named for what it is (issue 9): the first invoice, whose
-- payment makes an incomplete subscription active, and the dunning invoice, whose failed payment made it
-- past due (or, once its retries ran out, unpaid). latest_invoice stays what the API shows: the last one made.
alter table subscriptions add column first_invoice text;
alter table subscriptions add column dunning_invoice text;

update subscriptions s
   set first_invoice = (select i.invoice_id from invoices i
                         where i.account_id = s.account_id and i.subscription_id = s.subscription_id
                         order by i.seq limit 1);

update subscriptions
   set dunning_invoice = latest_invoice, dunning_started_at = coalesce(dunning_started_at, updated_at)
 where status in ('past_due', 'unpaid') or (status = 'paused' and status_before_pause = 'past_due');

-- No renewal is made while past due any more: a past-due subscription's next work is its next retry (or
-- its period's end, when it cancels there first). Every other status keeps the instant it had.
update subscriptions
   set next_work_at = case when cancel_at_period_end and current_period_end < next_retry_at then current_period_end
                           else next_retry_at end
 where status = 'past_due' and collecting_invoice is null;

alter table subscriptions add constraint subscriptions_incomplete_has_first_invoice
    check (status not in ('incomplete', 'incomplete_expired') or first_invoice is not null);
alter table subscriptions add constraint subscriptions_past_due_has_dunning_invoice
    check (status not in ('past_due', 'unpaid') or (dunning_invoice is not null and dunning_started_at is not null));
alter table subscriptions add constraint subscriptions_past_due_retries
    check (status <> 'past_due' or next_retry_at is not null);
