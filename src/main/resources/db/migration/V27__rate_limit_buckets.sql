-- Rate limits (issue 15, docs/operations.md "Rate limits"): one token bucket per account, mode and kind of
-- request (reads, writes), kept by Bucket4j so that every copy of the service spends from the same bucket.
-- id is '<account_id>/<live|sandbox>/<read|write>'; state is Bucket4j's serialized bucket, null until first used.
create table rate_limit_buckets (
    id    text primary key,
    state bytea
);
