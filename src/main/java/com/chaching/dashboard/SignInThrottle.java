package com.chaching.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in for 15 minutes to an email, or to a client address, that failed 5 times within 15
 * minutes: guessing passwords gets slow whichever of the two an attacker varies. The counters live in this
 * copy's memory (decisions.md "(bm)": issue 15 moves them into PostgreSQL with Bucket4j).
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration REFUSAL = Duration.ofMinutes(15);

    /** The failures of one email or one address within the window, and until when it is refused. */
    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant refusedUntil = Instant.MIN;
    }

    private final Clock clock;
    // Bounded, so that a flood of made-up emails cannot fill the memory; an entry idle for longer than the
    // window and the refusal together holds nothing that still counts.
    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(WINDOW.plus(REFUSAL))
            .build();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether sign-in is refused, now, to this email or from this address. */
    boolean refuses(String email, String address) {
        Instant now = clock.instant();
        return refused(emailKey(email), now) || refused(addressKey(address), now);
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        count(emailKey(email), now);
        count(addressKey(address), now);
    }

    /** A right password clears its email's failures, not its address's: one known account must not unlock guessing others. */
    void succeeded(String email) {
        failures.invalidate(emailKey(email));
    }

    private boolean refused(String key, Instant now) {
        Failures entry = failures.getIfPresent(key);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            return now.isBefore(entry.refusedUntil);
        }
    }

    private void count(String key, Instant now) {
        Failures entry = failures.get(key, k -> new Failures());
        synchronized (entry) {
            entry.times.addLast(now);
            while (!entry.times.peekFirst().isAfter(now.minus(WINDOW))) {
                entry.times.removeFirst();
            }
            if (entry.times.size() >= MAX_FAILURES) {
                entry.refusedUntil = now.plus(REFUSAL);
                entry.times.clear();
            }
        }
    }

    private static String emailKey(String email) {
        return "email:" + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
