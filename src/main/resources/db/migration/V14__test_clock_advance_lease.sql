-- One advance of a sandbox account's test clock at a time (issue 9): an advance holds this lease, in server
-- time, while it runs the account's due work; a second advance meanwhile is a 409. A copy that dies mid-advance
-- leaves the lease to run out.
alter table account_clocks add column advancing_until timestamptz;
