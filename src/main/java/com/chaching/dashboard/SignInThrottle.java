package com.chaching.dashboard;

import com.chaching.platform.RateLimiter;
import com.chaching.platform.RateLimiter.ClientKind;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing whichever an attacker varies, the email or the address: each email, and each client
 * address, has a budget of failed sign-ins, {@code CHACHING_RATE_LIMIT_FAILED_SIGN_INS_PER_QUARTER_HOUR} (5),
 * refilled evenly over 15 minutes (one failure back every 3 minutes at 5). While either has none left, sign-in
 * is refused without looking at the password. The budgets are
 * {@link RateLimiter}'s, in PostgreSQL, so every copy of the service counts the same failures
 * (decisions.md (bm), (ch)).
 */
@Component
class SignInThrottle {

    private final RateLimiter limiter;

    SignInThrottle(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Whether sign-in is refused, now, to this email or from this address. */
    boolean refuses(String email, String address) {
        return !limiter.hasBudget(RateLimiter.emailClient(email), ClientKind.FAILED_SIGN_IN)
                || !limiter.hasBudget(address, ClientKind.FAILED_SIGN_IN);
    }

    void failed(String email, String address) {
        limiter.spend(RateLimiter.emailClient(email), ClientKind.FAILED_SIGN_IN);
        limiter.spend(address, ClientKind.FAILED_SIGN_IN);
    }

    /** A right password clears its email's failures, not its address's: one known account must not unlock guessing others. */
    void succeeded(String email) {
        limiter.forget(RateLimiter.emailClient(email), ClientKind.FAILED_SIGN_IN);
    }
}
