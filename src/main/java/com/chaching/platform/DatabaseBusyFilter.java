package com.chaching.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link DatabaseBusy} for the failures of the filters that read the database before Spring MVC runs (the API key
 * look-up, the idempotency record): right after the request id, so that the 503 carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseBusyFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    DatabaseBusyFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseBusy.isCause(e) || response.isCommitted()) {
                throw e;
            }
            DatabaseBusy.write(response, problems, e);
        }
    }
}
