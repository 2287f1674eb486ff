package com.chaching.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * api.md "Errors" 429: every authenticated request spends from its account's budget ({@link RateLimiter}) —
 * reads ({@code GET}, {@code HEAD}) from one, everything else from another, as much as its {@link RequestCost} — right after its key is known and
 * before anything else is done for it, so that a refused request changes nothing. Every such response says
 * where the budget stands ({@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset}, the
 * IETF draft's names); a refused one is a {@code 429 rate_limited} problem with {@code Retry-After}, answered when
 * the budget has a token again but no later than {@code refusal-delay-max} (decisions.md (cn)): a client that
 * ignores {@code Retry-After} and floods is slowed to about one request a token per connection, instead of
 * taking the CPU the other accounts need with refusals as fast as it can send them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final RateLimiter limiter;
    private final ProblemResponses problems;
    private final Duration refusalDelayMax;

    RateLimitFilter(RateLimiter limiter, ProblemResponses problems,
                    @Value("${chaching.rate-limit.refusal-delay-max:PT0.25S}") Duration refusalDelayMax) {
        this.limiter = limiter;
        this.problems = problems;
        if (refusalDelayMax.isNegative()) {
            throw new IllegalArgumentException("chaching.rate-limit.refusal-delay-max must not be negative, not " + refusalDelayMax);
        }
        this.refusalDelayMax = refusalDelayMax;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && "/accounts".equals(request.getRequestURI())) {
            // A sign-up spends from its client address's budget: one address cannot make accounts in a loop.
            RateLimiter.Decision signUp = limiter.spend(request.getRemoteAddr(), RateLimiter.ClientKind.SIGN_UP);
            if (!signUp.allowed()) {
                problems.writeRateLimited(response, signUp.retryAfterSeconds(),
                        "Too many sign-ups from this address: at most " + signUp.limit() + " an hour. Retry after the seconds in Retry-After.");
                return;
            }
        }
        // No account, no budget: a public path, or a request refused before its key was known.
        if (!(request.getAttribute(Tenant.REQUEST_ATTRIBUTE) instanceof Tenant tenant)) {
            chain.doFilter(request, response);
            return;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        RateLimiter.Kind kind = read ? RateLimiter.Kind.READ : RateLimiter.Kind.WRITE;
        RateLimiter.Decision decision;
        try {
            decision = limiter.spend(tenant, kind, RequestCost.of(request));
        } catch (RuntimeException e) {
            // The budget's store failed (the database, most likely): the request goes on unlimited rather than
            // failing for a reason of the limiter's own; it will likely meet the same failure and answer it.
            log.warn("the rate limit of account {} could not be read; the request goes on", tenant.accountId(), e);
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(LIMIT, Long.toString(decision.limit()));
        response.setHeader(REMAINING, Long.toString(decision.remaining()));
        response.setHeader(RESET, Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            pauseBeforeRefusing(decision.untilRefill());
            problems.writeRateLimited(response, decision.retryAfterSeconds(),
                    "Too many requests: this account may make " + decision.limit() + " " + (read ? "reads" : "writes") + " a second in "
                            + (tenant.livemode() ? "live" : "sandbox") + " mode. Retry after " + decision.retryAfterSeconds()
                            + " seconds; back off further if it happens again.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Holds a refusal until the budget has a token again, at most {@code refusalDelayMax}. Requests run on virtual
     * threads, so a held request costs no thread, only its connection; the refusal's answer is the same.
     */
    private void pauseBeforeRefusing(Duration untilRefill) {
        Duration pause = untilRefill.compareTo(refusalDelayMax) < 0 ? untilRefill : refusalDelayMax;
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
