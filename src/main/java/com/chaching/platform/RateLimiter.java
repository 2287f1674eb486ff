package com.chaching.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each account's request budget (docs/operations.md "Rate limits"): a token bucket per account, mode and kind of
 * request, refilled at the configured rate a second and holding at most one second's worth; and what a client
 * may do before it has a key or a session: fail API keys, sign up, fail dashboard sign-ins. All kept in PostgreSQL by
 * Bucket4j ({@code rate_limit_buckets}) so that every copy of the service spends from the same one. A copy may
 * spend up to {@code unsynchronized-percent} of a bucket before it writes what it spent (decisions.md (cg): a
 * write for every request would cost more than the request); at 0 every request is written.
 */
@Component
public class RateLimiter {

    /** The kinds of request with a budget each, as Stripe counts them. */
    public enum Kind {
        READ("read"), WRITE("write");

        private final String value;

        Kind(String value) {
            this.value = value;
        }
    }

    /**
     * What a client may do before it has an account's key or a dashboard session (issue 15): fail to give a
     * working API key, sign up, fail to sign in to the dashboard. Each a budget per client — an address, or for
     * sign-in also an email ({@link #emailClient}) — refilled over its period.
     */
    public enum ClientKind {
        FAILED_KEY("failed-key", Duration.ofMinutes(1)),
        SIGN_UP("sign-up", Duration.ofHours(1)),
        FAILED_SIGN_IN("failed-sign-in", Duration.ofMinutes(15));

        private final String value;
        private final Duration period;

        ClientKind(String value, Duration period) {
            this.value = value;
            this.period = period;
        }
    }

    /**
     * What one request's spending found: whether it may go on, what the RateLimit headers say, and, when refused,
     * how long until the budget has a token again ({@code untilRefill}, exact; {@code retryAfterSeconds} rounds it up).
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds, Duration untilRefill) {
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private static final int PURGE_BATCH = 1_000;

    private final Cache<String, Bucket> inUse = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final long liveReads;
    private final long liveWrites;
    private final long sandboxReads;
    private final long sandboxWrites;
    private final int unsynchronizedPercent;
    private final long failedKeysPerMinute;
    private final long signUpsPerHour;
    private final long failedSignInsPerQuarterHour;

    RateLimiter(DataSource dataSource, Clock serverClock,
                @Value("${chaching.rate-limit.live.reads-per-second:100}") long liveReads,
                @Value("${chaching.rate-limit.live.writes-per-second:100}") long liveWrites,
                @Value("${chaching.rate-limit.sandbox.reads-per-second:25}") long sandboxReads,
                @Value("${chaching.rate-limit.sandbox.writes-per-second:25}") long sandboxWrites,
                @Value("${chaching.rate-limit.unsynchronized-percent:10}") int unsynchronizedPercent,
                @Value("${chaching.rate-limit.address.failed-keys-per-minute:10}") long failedKeysPerMinute,
                @Value("${chaching.rate-limit.address.sign-ups-per-hour:20}") long signUpsPerHour,
                @Value("${chaching.rate-limit.failed-sign-ins-per-quarter-hour:5}") long failedSignInsPerQuarterHour) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state")
                // The server's clock, which the tests move: a bucket refills as that clock runs.
                .clientClock(new ServerTimeMeter(serverClock))
                // A bucket back to full holds nothing a new one would not: its row may go (RateLimitBucketPurge).
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.liveReads = positive(liveReads, "live.reads-per-second");
        this.liveWrites = positive(liveWrites, "live.writes-per-second");
        this.sandboxReads = positive(sandboxReads, "sandbox.reads-per-second");
        this.sandboxWrites = positive(sandboxWrites, "sandbox.writes-per-second");
        if (unsynchronizedPercent < 0 || unsynchronizedPercent > 100) {
            throw new IllegalArgumentException("chaching.rate-limit.unsynchronized-percent must be 0 to 100, not " + unsynchronizedPercent);
        }
        this.unsynchronizedPercent = unsynchronizedPercent;
        this.failedKeysPerMinute = positive(failedKeysPerMinute, "address.failed-keys-per-minute");
        this.signUpsPerHour = positive(signUpsPerHour, "address.sign-ups-per-hour");
        this.failedSignInsPerQuarterHour = positive(failedSignInsPerQuarterHour, "failed-sign-ins-per-quarter-hour");
    }

    /** Spends {@code cost} tokens (at most the budget) of the tenant's budget for this kind of request. */
    public Decision spend(Tenant tenant, Kind kind, long cost) {
        long limit = limitOf(tenant, kind);
        // The limit is part of the key: a changed setting starts a full bucket rather than keeping an old one's shape.
        String key = tenant.accountId() + "/" + (tenant.livemode() ? "live" : "sandbox") + "/" + kind.value + "/" + limit;
        return decide(inUse.get(key, k -> bucket(k, limit, Duration.ofSeconds(1), true)).tryConsumeAndReturnRemaining(Math.min(cost, limit)), limit);
    }

    /** Spends one of what the client (an address, or {@link #emailClient}) may do before it has a key or a session. */
    public Decision spend(String client, ClientKind kind) {
        long limit = limitOf(kind);
        return decide(clientBucket(client, kind, limit).tryConsumeAndReturnRemaining(1), limit);
    }

    /** Whether the client has any of this budget left, spending none. */
    public boolean hasBudget(String client, ClientKind kind) {
        return secondsUntilBudget(client, kind) == 0;
    }

    /** Seconds until the client has this budget again, spending none: 0 while it has some, else at least 1. */
    public long secondsUntilBudget(String client, ClientKind kind) {
        EstimationProbe probe = clientBucket(client, kind, limitOf(kind)).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
    }

    /** Gives the client its whole budget of this kind back (a right password clears its email's failures). */
    public void forget(String client, ClientKind kind) {
        String key = clientKey(client, kind, limitOf(kind));
        inUse.invalidate(key);
        buckets.removeProxy(key);
    }

    /**
     * The client that stands for an email address: a digest of it, lower-cased and stripped, so that a made-up
     * email of any length is a key of one length and no email is stored.
     */
    public static String emailClient(String email) {
        return "email:" + Sha256.hex(email.strip().toLowerCase(Locale.ROOT));
    }

    /** Deletes the buckets that are back to full (see the constructor); returns how many. */
    int removeFull() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(PURGE_BATCH);
            removed += batch;
        } while (batch == PURGE_BATCH);
        return removed;
    }

    private long limitOf(ClientKind kind) {
        return switch (kind) {
            case FAILED_KEY -> failedKeysPerMinute;
            case SIGN_UP -> signUpsPerHour;
            case FAILED_SIGN_IN -> failedSignInsPerQuarterHour;
        };
    }

    private Bucket clientBucket(String client, ClientKind kind, long limit) {
        return inUse.get(clientKey(client, kind, limit), k -> bucket(k, limit, kind.period, false));
    }

    private static String clientKey(String client, ClientKind kind, long limit) {
        return "client/" + kind.value + "/" + client + "/" + limit;
    }

    private static Decision decide(ConsumptionProbe probe, long limit) {
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, limit, probe.getRemainingTokens(), reset, 0, Duration.ZERO);
        }
        return new Decision(false, limit, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private long limitOf(Tenant tenant, Kind kind) {
        if (tenant.livemode()) {
            return kind == Kind.READ ? liveReads : liveWrites;
        }
        return kind == Kind.READ ? sandboxReads : sandboxWrites;
    }

    /**
     * A bucket of this shape; an account's may be spent from on this copy before it is written
     * ({@code unsynchronized-percent}), a client's never: a client's budgets are a few tokens, each of which matters,
     * and Bucket4j's delaying optimization answers a batch of a copy's concurrent reads of a bucket not yet created
     * "bucket does not exist" (bench/rate-limit.sh met it: every first request of a flood from one address).
     */
    private Bucket bucket(String key, long limit, Duration period, boolean mayDelayWrites) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, period))
                .build();
        Bucket exact = buckets.builder().build(key, () -> configuration);
        long unsynchronized = limit * unsynchronizedPercent / 100;
        if (!mayDelayWrites || unsynchronized == 0) {
            return exact;
        }
        // The exact proxy creates the bucket first (once per key and copy: Caffeine computes a key once); else a
        // first burst of concurrent requests, batched by the optimization, goes uncounted (RateLimitConcurrencyApiTest).
        exact.getAvailableTokens();
        return buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(unsynchronized, Duration.ofMillis(100))))
                .build(key, () -> configuration);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static long positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("chaching.rate-limit." + name + " must be at least 1, not " + value);
        }
        return value;
    }

    /** Bucket4j's clock, read from the server's {@link Clock}. */
    private record ServerTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
