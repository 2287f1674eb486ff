package com.chaching.accounts;

import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sandbox test clock (api.md "Test clock"): read it, and move it forward, never back. */
@Service
class TestClockService {

    /** Beyond this, instants stop fitting every store and format the API uses. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final AccountClock clocks;
    private final ApplicationEventPublisher events;

    TestClockService(AccountClock clocks, ApplicationEventPublisher events) {
        this.clocks = clocks;
        this.events = events;
    }

    @Transactional(readOnly = true)
    TestClock read(Tenant tenant) {
        requireSandbox(tenant);
        return TestClock.at(clocks.now(tenant));
    }

    @Transactional
    TestClock advance(Tenant tenant, AdvanceRequest request) {
        requireSandbox(tenant);
        Instant to = Objects.requireNonNull(request.to()).truncatedTo(ChronoUnit.SECONDS);
        if (to.isAfter(LATEST)) {
            throw ApiProblem.invalid("to", "to must not be later than " + LATEST + ".");
        }
        Instant from = clocks.lockAndRead(tenant);
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "The test clock only moves forward: to is before its current time " + from + ".");
        }
        Instant now = clocks.advance(tenant, to);
        events.publishEvent(new TestClockAdvanced(tenant, from, now));
        return TestClock.at(now);
    }

    private static void requireSandbox(Tenant tenant) {
        if (tenant.livemode()) {
            throw AccountService.noTestClock();
        }
    }
}
