package com.chaching.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure a request can meet into the problem+json of api.md's error table — never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Set<String> MISSING_CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty");

    private final ProblemResponses problems;
    private final List<WrongMethodHint> wrongMethodHints;

    ApiExceptionHandler(ProblemResponses problems, List<WrongMethodHint> wrongMethodHints) {
        this.problems = problems;
        this.wrongMethodHints = List.copyOf(wrongMethodHints);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemBody> apiProblem(ApiProblem problem) {
        return problems.entity(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemBody> unreadableBody(HttpMessageNotReadableException e) {
        return problems.entity(JsonProblems.fromUnreadable(e));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemBody> invalidFields(BindException e) {
        List<ApiProblem.FieldProblem> errors = new ArrayList<>();
        for (FieldError field : e.getFieldErrors()) {
            errors.add(fieldProblem(field));
        }
        for (ObjectError global : e.getGlobalErrors()) {
            errors.add(new ApiProblem.FieldProblem(global.getObjectName(), "parameter_invalid", String.valueOf(global.getDefaultMessage())));
        }
        return problems.entity(ApiProblem.validation(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemBody> invalidParameters(HandlerMethodValidationException e) {
        List<ApiProblem.FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                for (FieldError field : bean.getFieldErrors()) {
                    errors.add(fieldProblem(field));
                }
                continue;
            }
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String[] codes = error.getCodes();
                errors.add(fieldProblem(name == null ? "parameter" : name,
                        codes == null || codes.length == 0 ? null : codes[codes.length - 1], error.getDefaultMessage()));
            }
        }
        if (errors.isEmpty()) {
            return problems.entity(ApiProblem.invalid("parameter", "The request is invalid."));
        }
        return problems.entity(ApiProblem.validation(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemBody> wrongParameterType(MethodArgumentTypeMismatchException e) {
        return problems.entity(ApiProblem.invalid(e.getName(), unconvertible(e.getName(), e.getRequiredType()).detail()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemBody> missingParameter(MissingServletRequestParameterException e) {
        return problems.entity(ApiProblem.missing(e.getParameterName()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemBody> notJson(HttpMediaTypeNotSupportedException e) {
        return problems.entity(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "The request body must be JSON (Content-Type: application/json).", null, List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problems.entity(new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                "This API answers application/json only.", null, List.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemBody> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String detail = request.getMethod() + " is not allowed on " + request.getRequestURI() + ".";
        for (WrongMethodHint hint : wrongMethodHints) {
            String advice = hint.hint(request.getMethod(), request.getRequestURI());
            if (advice != null) {
                detail += " " + advice;
            }
        }
        ResponseEntity<ProblemBody> entity = problems.entity(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                detail, null, List.of()));
        Set<HttpMethod> allowed = e.getSupportedHttpMethods();
        if (allowed == null || allowed.isEmpty()) {
            return entity;
        }
        String allow = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                .header(HttpHeaders.ALLOW, allow).body(entity.getBody());
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemBody> unknownPath(HttpServletRequest request) {
        return problems.entity(unknownPathProblem(request.getRequestURI()));
    }

    /** A unique index caught a race the service's own check could not see: the value is taken. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemBody> duplicate(DuplicateKeyException e) {
        log.info("unique constraint refused a write: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return problems.entity(ApiProblem.conflict("resource_already_exists", "An object with that unique value already exists."));
    }

    /**
     * Spring's own client errors (a missing header, an unusable request) keep their status; no database connection
     * within the pool's timeout is a 503 ({@link DatabaseBusy}); anything else is a 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemBody> unexpected(Exception e) {
        if (DatabaseBusy.isCause(e)) {
            DatabaseBusy.logAnswered(e);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DatabaseBusy.RETRY_AFTER_SECONDS)
                    .contentType(MediaType.parseMediaType(ProblemBody.MEDIA_TYPE)).body(ProblemBody.of(DatabaseBusy.problem()));
        }
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(spring.getStatusCode().value());
            return problems.entity(new ApiProblem(status, "request_invalid", status.getReasonPhrase() + ".", null, List.of()));
        }
        log.error("request failed", e);
        return problems.entity(internalError());
    }

    static ApiProblem unknownPathProblem(String path) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "path_not_found", "Unrecognized request URL: " + path + ".", null, List.of());
    }

    static ApiProblem internalError() {
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred. The server logged it under this response's Request-Id.", null, List.of());
    }

    private static ApiProblem.FieldProblem fieldProblem(FieldError field) {
        if (field.isBindingFailure()) {
            Class<?> required = field.contains(TypeMismatchException.class)
                    ? field.unwrap(TypeMismatchException.class).getRequiredType() : null;
            return unconvertible(field.getField(), required);
        }
        return fieldProblem(field.getField(), field.getCode(), field.getDefaultMessage());
    }

    /**
     * A query parameter that is not text of its type ({@code createdGte=yesterday}, or an instant outside
     * {@link InstantRange}): named, with what it takes, in the words body errors use (JsonProblems).
     */
    private static ApiProblem.FieldProblem unconvertible(String param, @Nullable Class<?> required) {
        String expected = required == null ? "" : " (expected " + JsonTypes.describe(required) + ")";
        return new ApiProblem.FieldProblem(param, "parameter_invalid", "Invalid value for " + param + expected + ".");
    }

    private static ApiProblem.FieldProblem fieldProblem(String param, @Nullable String constraint, @Nullable String message) {
        boolean missing = constraint != null && MISSING_CONSTRAINTS.contains(constraint);
        String detail = missing ? "Missing required parameter: " + param + "."
                : param + " " + (message == null ? "is invalid" : message) + ".";
        return new ApiProblem.FieldProblem(param, missing ? "parameter_missing" : "parameter_invalid", detail);
    }
}
