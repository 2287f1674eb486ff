package com.chaching.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 406 before anything runs when the client accepts no JSON. Spring would find that out only
 * when writing the answer, after the handler had charged a card or made an account whose key the client
 * then never sees.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AcceptableResponseFilter extends OncePerRequestFilter {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private final ProblemResponses problems;

    AcceptableResponseFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // The service page answers HTML too; the reference page, the dashboard, its scripts and the management
        // endpoints are not the API.
        return path.equals("/") || path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/swagger-ui/")
                || path.equals("/dashboard") || path.startsWith("/dashboard/") || path.startsWith("/webjars/")
                || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || acceptsJson(accept)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                "This API answers application/json only; send Accept: application/json or leave Accept out.", null, List.of()));
    }

    private static boolean acceptsJson(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(range -> range.getQualityValue() > 0 && ANSWERS.stream().anyMatch(range::includes));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
