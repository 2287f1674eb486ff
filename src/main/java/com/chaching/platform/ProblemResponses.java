package com.chaching.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
