package com.chaching.accounts;

import com.chaching.events.EventLog;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox test clock (api.md "Test clock"): read it, and move it forward, never back. */
@Service
public class TestClockService {

    /** Far longer than a bounded advance takes; only a copy that died mid-advance leaves the lease to run out. */
    static final Duration ADVANCE_LEASE = Duration.ofMinutes(10);

    private final AccountClock clocks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate inTransaction;
    private final EventLog eventLog;

    TestClockService(AccountClock clocks, ApplicationEventPublisher events, TransactionTemplate inTransaction, EventLog eventLog) {
        this.clocks = clocks;
        this.events = events;
        this.inTransaction = inTransaction;
        this.eventLog = eventLog;
    }

    @Transactional(readOnly = true)
    public TestClock read(Tenant tenant) {
        requireSandbox(tenant);
        return TestClock.at(clocks.now(tenant));
    }

    /**
     * Moves the clock to {@code to}, running on the way every piece of billing work that falls due (the
     * listeners of {@link TestClockAdvanced} do it, each in transactions of its own, as payments require; one
     * may refuse the advance first, with a 400, when it would be too much work). Advances of one account run
     * one at a time: a second one while the first runs is a 409, in any copy of the service.
     *
     * <p>One test_clock.advanced event per advance, written in the transaction that puts the clock at {@code to}
     * (so it is created at the clock's new time): the moves to each piece of work's instant on the way are the
     * advance's own steps, and the work they run records its own events at those instants. An advance to the
     * clock's current second moves nothing and records nothing.
     */
    public TestClock advance(Tenant tenant, AdvanceRequest request) {
        requireSandbox(tenant);
        Instant to = Objects.requireNonNull(request.to()).truncatedTo(ChronoUnit.SECONDS);
        Instant from = Objects.requireNonNull(inTransaction.execute(status -> {
            Instant current = clocks.lockAndRead(tenant);
            if (!clocks.startAdvance(tenant, ADVANCE_LEASE)) {
                throw ApiProblem.conflict("advance_in_progress", "The test clock is being advanced already; try again when that advance "
                        + "has answered.");
            }
            if (to.isBefore(current)) {
                throw ApiProblem.invalid("to", "The test clock only moves forward: to is before its current time " + current + ".");
            }
            return current;
        }));
        try {
            events.publishEvent(new TestClockAdvanced(tenant, from, to));
            Instant now = Objects.requireNonNull(inTransaction.execute(status -> {
                Instant current = clocks.lockAndRead(tenant);
                Instant reached = current.isAfter(to) ? current : clocks.advance(tenant, to);
                if (to.isAfter(from)) {
                    eventLog.record(tenant, "test_clock.advanced", TestClock.at(reached));
                }
                return reached;
            }));
            return TestClock.at(now);
        } finally {
            inTransaction.executeWithoutResult(status -> clocks.endAdvance(tenant));
        }
    }

    private static void requireSandbox(Tenant tenant) {
        if (tenant.livemode()) {
            throw AccountService.noTestClock();
        }
    }
}
