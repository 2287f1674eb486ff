package com.chaching.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container shows for failures outside Spring MVC (a URL Tomcat rejects, an exception
 * in a filter): the same problem+json as everything else, never an HTML page or a stack trace.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || status == HttpStatus.NOT_FOUND) {
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return problems.entity(ApiExceptionHandler.unknownPathProblem(path == null ? request.getRequestURI() : path.toString()));
        }
        if (status.is5xxServerError()) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("request failed outside the controllers", failure instanceof Throwable t ? t : null);
            return problems.entity(ApiExceptionHandler.internalError());
        }
        return problems.entity(new ApiProblem(status, "request_invalid", status.getReasonPhrase() + ".", null, List.of()));
    }
}
