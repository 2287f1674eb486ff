package com.chaching.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders an {@link ApiProblem} as {@code application/problem+json}, from a controller or from a filter. */
@Component
public class ProblemResponses {

    private static final MediaType PROBLEM_JSON = MediaType.parseMediaType(ProblemBody.MEDIA_TYPE);

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<ProblemBody> entity(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON).body(ProblemBody.of(problem));
    }

    /** A {@code 429 rate_limited} written straight to the response, with {@code Retry-After} (api.md "Rate limits"). */
    public void writeRateLimited(HttpServletResponse response, long retryAfterSeconds, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", detail, null, List.of()));
    }

    /** Writes the problem straight to the servlet response, for failures found before Spring MVC runs. */
    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.status().value());
        // No charset parameter, as from a controller: JSON is UTF-8 by definition (RFC 8259).
        response.setContentType(ProblemBody.MEDIA_TYPE);
        response.getOutputStream().write(json.writeValueAsBytes(ProblemBody.of(problem)));
        response.flushBuffer();
    }
}
