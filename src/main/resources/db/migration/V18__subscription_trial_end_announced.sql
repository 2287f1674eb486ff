-- events.md: subscription.trial_will_end, three days before a trial ends (as Stripe), once per subscription.
-- Whether it was told is part of the lifecycle's state: the engine's due work (next_work_at) is the
-- announcement until it is, then the trial's end.
alter table subscriptions add column trial_end_announced boolean not null default false;
