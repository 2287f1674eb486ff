package com.chaching.platform;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns Jackson's failures to read a request body into problems that name the field, in API terms. */
final class JsonProblems {

    private JsonProblems() {
    }

    static ApiProblem fromUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = jacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String param = path(unknown);
            return ApiProblem.badRequest("parameter_unknown", param, "Received unknown parameter: " + param + ".");
        }
        if (cause instanceof ValueInstantiationException instantiation && instantiation.getCause() instanceof ApiProblem problem) {
            return problem;
        }
        // Checked before StreamReadException, its parent: the number is valid JSON, just too big for its field
        // (expYear: 99999999999), and Jackson knows which field that is.
        if (cause instanceof InputCoercionException range && !range.getPath().isEmpty()) {
            String param = path(range);
            return ApiProblem.invalid(param, "Invalid value for " + param + ": the number is out of range (expected "
                    + JsonTypes.describeRange(range.getTargetType()) + ").");
        }
        if (cause instanceof StreamReadException) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "json_invalid",
                    "The request body is not valid JSON.", null, List.of());
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() == String.class
                && format.getValue() instanceof String text && text.indexOf('\u0000') >= 0) {
            String param = path(format);
            return ApiProblem.invalid(param, "Invalid value for " + param + ": the NUL character is not allowed.");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String param = path(jackson);
            String expected = cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? " (expected " + JsonTypes.describe(mismatch.getTargetType()) + ")" : "";
            return ApiProblem.invalid(param, "Invalid value for " + param + expected + ".");
        }
        if (cause instanceof JacksonException) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "json_invalid",
                    "The request body must be a JSON object of the documented shape.", null, List.of());
        }
        return new ApiProblem(HttpStatus.BAD_REQUEST, "body_missing", "A JSON request body is required.", null, List.of());
    }

    /** The Jackson failure behind the message, which knows the field path; else the deepest cause. */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return e.getMostSpecificCause();
    }

    /** The field path in API terms: {@code address.country}, {@code items[2].price}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            String name = reference.getPropertyName();
            if (name != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
