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
 * is a 401 (api.md "Accounts and authentication"). Keys are looked up through {@link ApiKeyCache}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyAuthFilter extends OncePerRequestFilter {

    private static final Pattern KEY_SHAPE = Pattern.compile("sk_(test|live)_[0-9A-Za-z]{20,100}");

    private final ApiKeyCache keys;
    private final ProblemResponses problems;

    ApiKeyAuthFilter(ApiKeyCache keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return PublicPaths.isPublic(request.getMethod(), request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = BearerTokens.token(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (key == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, ApiProblem.unauthenticated(
                    "No API key provided. Send Authorization: Bearer sk_test_… (or sk_live_…)."));
            return;
        }
        Optional<Tenant> tenant = resolve(key);
        if (tenant.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(response, ApiProblem.unauthenticated("Invalid API key provided."));
            return;
        }
        request.setAttribute(Tenant.REQUEST_ATTRIBUTE, tenant.get());
        chain.doFilter(request, response);
    }

    private Optional<Tenant> resolve(String key) {
        if (!KEY_SHAPE.matcher(key).matches()) {
            return Optional.empty();
        }
        return keys.tenant(ApiKeyHash.of(key));
    }
}
