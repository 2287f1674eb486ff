package com.chaching.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves {@code Authorization: Bearer sk_…} to the {@link Tenant} every request acts for; anything else
 * is a 401 (api.md "Accounts and authentication"). Keys are looked up through {@link ApiKeyCache}. Every failed
 * key spends from the client address's budget of failed keys ({@link RateLimiter.ClientKind#FAILED_KEY}) before
 * it is answered, and is answered 401 only if the budget had a token (so that concurrent guesses are counted
 * exactly), else 429; while that budget is empty, a key this copy does not already know is not looked up at all
 * but answered 429, so that a client guessing keys learns nothing from its guesses until the budget refills.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyAuthFilter extends OncePerRequestFilter {

    private static final Pattern KEY_SHAPE = Pattern.compile("sk_(test|live)_[0-9A-Za-z]{20,100}");

    private final ApiKeyCache keys;
    private final ProblemResponses problems;
    private final RateLimiter limiter;

    ApiKeyAuthFilter(ApiKeyCache keys, ProblemResponses problems, RateLimiter limiter) {
        this.keys = keys;
        this.problems = problems;
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return PublicPaths.isPublic(request.getMethod(), request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        String key = BearerTokens.token(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (key == null) {
            if (!spendFailedKey(address, response)) {
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, ApiProblem.unauthenticated(
                    "No API key provided. Send Authorization: Bearer sk_test_… (or sk_live_…)."));
            return;
        }
        String hash = ApiKeyHash.of(key);
        long blockedFor = keys.isKnown(hash) ? 0 : limiter.secondsUntilBudget(address, RateLimiter.ClientKind.FAILED_KEY);
        if (blockedFor > 0) {
            writeTooManyFailedKeys(response, blockedFor);
            return;
        }
        Optional<Tenant> tenant = KEY_SHAPE.matcher(key).matches() ? keys.tenant(hash) : Optional.empty();
        if (tenant.isEmpty()) {
            if (!spendFailedKey(address, response)) {
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(response, ApiProblem.unauthenticated("Invalid API key provided."));
            return;
        }
        request.setAttribute(Tenant.REQUEST_ATTRIBUTE, tenant.get());
        chain.doFilter(request, response);
    }

    /** Spends one failed key of the address's budget; when there was none left, answers 429 and says so. */
    private boolean spendFailedKey(String address, HttpServletResponse response) throws IOException {
        RateLimiter.Decision decision = limiter.spend(address, RateLimiter.ClientKind.FAILED_KEY);
        if (!decision.allowed()) {
            writeTooManyFailedKeys(response, decision.retryAfterSeconds());
        }
        return decision.allowed();
    }

    private void writeTooManyFailedKeys(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        problems.writeRateLimited(response, retryAfterSeconds,
                "Too many requests with a missing or invalid API key from this address. Retry after the seconds in Retry-After.");
    }
}
