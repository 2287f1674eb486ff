package com.chaching.platform;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the API answers with an RFC 9457 problem (api.md "Errors"). Services throw it; the web layer
 * renders it as {@code application/problem+json} with the stable {@link #code()}.
 */
public final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final @Nullable String param;
    private final List<FieldProblem> errors;

    public ApiProblem(HttpStatus status, String code, String detail, @Nullable String param, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
        this.errors = List.copyOf(errors);
    }

    /** 400 for one request field. */
    public static ApiProblem invalid(String param, String detail) {
        return badRequest("parameter_invalid", param, detail);
    }

    /** 400 for one request field, with a specific code. */
    public static ApiProblem badRequest(String code, String param, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail, param, List.of(new FieldProblem(param, code, detail)));
    }

    /** 400 for a required field that is absent. */
    public static ApiProblem missing(String param) {
        return badRequest("parameter_missing", param, "Missing required parameter: " + param + ".");
    }

    /** 400 listing every failing field; the first one is also the problem's {@code param}. */
    public static ApiProblem validation(List<FieldProblem> unordered) {
        // Sorted, so that the same request always gets the same answer (validators report in no fixed order).
        List<FieldProblem> errors = unordered.stream()
                .sorted(Comparator.comparing(FieldProblem::param).thenComparing(FieldProblem::code)).toList();
        FieldProblem first = errors.getFirst();
        String detail = errors.size() == 1 ? first.detail() : errors.size() + " parameters are invalid; see errors.";
        return new ApiProblem(HttpStatus.BAD_REQUEST, first.code(), detail, first.param(), errors);
    }

    /** 404: no such object in this account (another account's object is answered exactly the same). */
    public static ApiProblem notFound(String objectName, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "resource_missing", "No such " + objectName + ": '" + id + "'.", null, List.of());
    }

    /** 404 as {@link #notFound(String, String)}, with a hint at what the caller probably meant. */
    public static ApiProblem notFound(String objectName, String id, String hint) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "resource_missing", "No such " + objectName + ": '" + id + "'. " + hint, null, List.of());
    }

    /** 409: the object's state forbids the request. */
    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, detail, null, List.of());
    }

    /** 409: a unique value is already taken. */
    public static ApiProblem alreadyExists(String param, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "resource_already_exists", detail, param, List.of());
    }

    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", detail, null, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public @Nullable String param() {
        return param;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public String detail() {
        String message = getMessage();
        return message == null ? status.getReasonPhrase() : message;
    }

    /** One failing request field. */
    public record FieldProblem(String param, String code, String detail) {
    }
}
