package com.chaching.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Overload (issue 15, docs/operations.md "Overload"): every connection of the pool busy for longer than a request
 * may wait ({@code CHACHING_DATABASE_CONNECTION_TIMEOUT}) is a {@code 503 service_unavailable} with
 * {@code Retry-After}, not a {@code 500}: the client did nothing wrong and may try again shortly. Recognised by
 * HikariCP's timeout anywhere in the failure's causes, whichever layer wrapped it.
 */
final class DatabaseBusy {

    static final String RETRY_AFTER_SECONDS = "1";

    private DatabaseBusy() {
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusy.class);

    /** Whether HikariCP's timeout is among the failure's causes. */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Says at WARN that a request was answered 503 for this failure: a copy saying it often needs a larger pool. */
    static void logAnswered(Throwable failure) {
        log.warn("no database connection within the pool's timeout; answered 503: {}", failure.toString());
    }

    static ApiProblem problem() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "The service is too busy to take this request now; nothing was done. Retry after " + RETRY_AFTER_SECONDS + " second.",
                null, List.of());
    }

    /** Writes the 503 for a failure found outside Spring MVC, if the response can still take it. */
    static void write(HttpServletResponse response, ProblemResponses problems, Throwable failure) throws IOException {
        logAnswered(failure);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        problems.write(response, problem());
    }
}
