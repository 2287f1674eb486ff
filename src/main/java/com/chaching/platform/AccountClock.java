package com.chaching.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each account's clock: every timestamp an account's objects get comes from here (billing.md "Time").
 *
 * <p>A live account's clock is the server's. A sandbox account's clock is the server's plus an offset
 * that {@code POST /test-clock/advance} grows: it runs at real speed from wherever it was last moved, and
 * never goes back. Readings are whole seconds, as the API shows them.
 */
@Component
public class AccountClock {

    private final Clock serverClock;
    private final JdbcClient jdbc;

    AccountClock(Clock serverClock, JdbcClient jdbc) {
        this.serverClock = serverClock;
        this.jdbc = jdbc;
    }

    /** The account's current instant, to the second. */
    public Instant now(Tenant tenant) {
        return serverNow().plus(offset(tenant));
    }

    /**
     * Moves a sandbox account's clock so that it reads {@code to} now, locking the account's clock row
     * until the caller's transaction ends (so billing work run for the advance sees one instant).
     * The caller checks that {@code to} is not in the account's past.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instant advance(Tenant tenant, Instant to) {
        Duration offset = Duration.between(serverNow(), to.truncatedTo(ChronoUnit.SECONDS));
        jdbc.sql("""
                        insert into account_clocks (account_id, offset_seconds) values (:accountId, :offset)
                        on conflict (account_id) do update set offset_seconds = excluded.offset_seconds
                        """)
                .param("accountId", tenant.accountId())
                .param("offset", offset.toSeconds())
                .update();
        OffsetsOfThisTransaction known = offsetsOfThisTransaction();
        if (known != null) {
            known.put(tenant.accountId(), offset);
        }
        return now(tenant);
    }

    /** Locks the account's clock for the caller's transaction, so concurrent advances run one after another. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instant lockAndRead(Tenant tenant) {
        jdbc.sql("""
                        insert into account_clocks (account_id, offset_seconds) values (:accountId, 0)
                        on conflict (account_id) do nothing
                        """)
                .param("accountId", tenant.accountId())
                .update();
        long offset = jdbc.sql("select offset_seconds from account_clocks where account_id = :accountId for update")
                .param("accountId", tenant.accountId())
                .query(Long.class)
                .single();
        // Read under the lock: an advance that committed while this waited counts from here on.
        OffsetsOfThisTransaction known = offsetsOfThisTransaction();
        if (known != null && !tenant.livemode()) {
            known.put(tenant.accountId(), Duration.ofSeconds(offset));
        }
        return now(tenant);
    }

    /**
     * Takes the account's advance lease until {@code leaseFor} from now (server time), in the caller's
     * transaction; false when another advance holds it. The caller has locked the clock ({@link #lockAndRead}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean startAdvance(Tenant tenant, Duration leaseFor) {
        Instant serverNow = serverClock.instant();
        return jdbc.sql("""
                        update account_clocks set advancing_until = :until
                         where account_id = :accountId and (advancing_until is null or advancing_until <= :now)
                        """)
                .param("accountId", tenant.accountId())
                .param("until", SqlValues.utc(serverNow.plus(leaseFor)))
                .param("now", SqlValues.utc(serverNow))
                .update() == 1;
    }

    /** Gives the advance lease back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endAdvance(Tenant tenant) {
        jdbc.sql("update account_clocks set advancing_until = null where account_id = :accountId")
                .param("accountId", tenant.accountId())
                .update();
    }

    private Instant serverNow() {
        return serverClock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The sandbox's offset, read once per transaction: a change reads the clock several times (its own times,
     * its event's), and each read was a round trip. Only {@link #advance} moves it, and it updates the copy.
     */
    private Duration offset(Tenant tenant) {
        if (tenant.livemode()) {
            return Duration.ZERO;
        }
        OffsetsOfThisTransaction known = offsetsOfThisTransaction();
        Duration cached = known == null ? null : known.get(tenant.accountId());
        if (cached != null) {
            return cached;
        }
        Duration offset = jdbc.sql("select offset_seconds from account_clocks where account_id = :accountId")
                .param("accountId", tenant.accountId())
                .query(Long.class)
                .optional()
                .map(Duration::ofSeconds)
                .orElse(Duration.ZERO);
        if (known != null) {
            known.put(tenant.accountId(), offset);
        }
        return offset;
    }

    /** The offsets read in the current transaction, or null outside one. */
    private @Nullable OffsetsOfThisTransaction offsetsOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object known = TransactionSynchronizationManager.getResource(this);
        if (known instanceof OffsetsOfThisTransaction offsets) {
            return offsets;
        }
        OffsetsOfThisTransaction offsets = new OffsetsOfThisTransaction();
        TransactionSynchronizationManager.bindResource(this, offsets);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AccountClock.this);
            }
        });
        return offsets;
    }

    private static final class OffsetsOfThisTransaction extends HashMap<String, Duration> {
    }
}
