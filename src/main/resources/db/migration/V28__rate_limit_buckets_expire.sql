-- Rate-limit buckets expire (issue 15): a bucket refilled to full holds nothing a new one would not, so
-- Bucket4j writes when that will be (epoch milliseconds, by the wall clock) and RateLimitBucketPurge deletes
-- the rows past it. Without this, every client address that ever failed a key, signed up or failed a
-- dashboard sign-in would keep its row forever.
alter table rate_limit_buckets add column expires_at bigint;
create index rate_limit_buckets_by_expiry on rate_limit_buckets (expires_at);
