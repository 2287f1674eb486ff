package com.chaching.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each account's request budget (docs/operations.md "Rate limits"): a token bucket per account, mode and kind of
 * request, refilled at the configured rate a second and holding at most one second's worth; and each client
 * address's budget of failed API keys and of sign-ups, before it has a key. All kept in PostgreSQL by
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
     * What a client address may do before it has an account's key (issue 15): fail to give a working API key,
     * and sign up. Each a budget per address, refilled over its period.
     */
    public enum AddressKind {
        FAILED_KEY("failed-key", Duration.ofMinutes(1)), SIGN_UP("sign-up", Duration.ofHours(1));

        private final String value;
        private final Duration period;

        AddressKind(String value, Duration period) {
            this.value = value;
            this.period = period;
        }
    }

    /** What one request's spending found: whether it may go on, and what the RateLimit headers say. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final ProxyManager<String> buckets;
    private final Cache<String, Bucket> inUse = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final long liveReads;
    private final long liveWrites;
    private final long sandboxReads;
    private final long sandboxWrites;
    private final int unsynchronizedPercent;
    private final long failedKeysPerMinute;
    private final long signUpsPerHour;

    RateLimiter(DataSource dataSource, Clock serverClock,
                @Value("${chaching.rate-limit.live.reads-per-second:100}") long liveReads,
                @Value("${chaching.rate-limit.live.writes-per-second:100}") long liveWrites,
                @Value("${chaching.rate-limit.sandbox.reads-per-second:25}") long sandboxReads,
                @Value("${chaching.rate-limit.sandbox.writes-per-second:25}") long sandboxWrites,
                @Value("${chaching.rate-limit.unsynchronized-percent:10}") int unsynchronizedPercent,
                @Value("${chaching.rate-limit.address.failed-keys-per-minute:10}") long failedKeysPerMinute,
                @Value("${chaching.rate-limit.address.sign-ups-per-hour:20}") long signUpsPerHour) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state")
                // The server's clock, which the tests move: a bucket refills as that clock runs.
                .clientClock(new ServerTimeMeter(serverClock))
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
    }

    /** Spends {@code cost} tokens (at most the budget) of the tenant's budget for this kind of request. */
    public Decision spend(Tenant tenant, Kind kind, long cost) {
        long limit = limitOf(tenant, kind);
        // The limit is part of the key: a changed setting starts a full bucket rather than keeping an old one's shape.
        String key = tenant.accountId() + "/" + (tenant.livemode() ? "live" : "sandbox") + "/" + kind.value + "/" + limit;
        return decide(inUse.get(key, k -> bucket(k, limit, Duration.ofSeconds(1))).tryConsumeAndReturnRemaining(Math.min(cost, limit)), limit);
    }

    /** Spends one of what the client address may do before it has a key. */
    public Decision spend(String address, AddressKind kind) {
        long limit = limitOf(kind);
        return decide(addressBucket(address, kind, limit).tryConsumeAndReturnRemaining(1), limit);
    }

    /** Whether the address has any of this budget left, spending none. */
    public boolean hasBudget(String address, AddressKind kind) {
        return addressBucket(address, kind, limitOf(kind)).getAvailableTokens() > 0;
    }

    /** When the address's budget of this kind has a token again, in seconds (at least 1). */
    public long retryAfter(String address, AddressKind kind) {
        return Math.max(1, seconds(addressBucket(address, kind, limitOf(kind)).estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    private long limitOf(AddressKind kind) {
        return kind == AddressKind.FAILED_KEY ? failedKeysPerMinute : signUpsPerHour;
    }

    private Bucket addressBucket(String address, AddressKind kind, long limit) {
        String key = "address/" + address + "/" + kind.value + "/" + limit;
        return inUse.get(key, k -> bucket(k, limit, kind.period));
    }

    private static Decision decide(ConsumptionProbe probe, long limit) {
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, limit, probe.getRemainingTokens(), reset, 0);
        }
        return new Decision(false, limit, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private long limitOf(Tenant tenant, Kind kind) {
        if (tenant.livemode()) {
            return kind == Kind.READ ? liveReads : liveWrites;
        }
        return kind == Kind.READ ? sandboxReads : sandboxWrites;
    }

    private Bucket bucket(String key, long limit, Duration period) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, period))
                .build();
        RemoteBucketBuilder<String> builder = buckets.builder();
        long unsynchronized = limit * unsynchronizedPercent / 100;
        if (unsynchronized > 0) {
            builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(unsynchronized, Duration.ofMillis(100))));
        }
        return builder.build(key, () -> configuration);
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
