package com.chaching.dashboard;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A form's field errors from the API's own request records: the dashboard validates what it sends with the
 * constraints the API checks (never a copy of them), and shows each message beside its field.
 */
final class FormErrors {

    private FormErrors() {
    }

    /** The first message for each top-level property of the request, by property name. */
    static Map<String, String> byField(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.stream()
                // Sorted, so that the same input always shows the same message.
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(violation -> errors.putIfAbsent(topProperty(violation.getPropertyPath()), violation.getMessage()));
        return errors;
    }

    private static String topProperty(Path path) {
        for (Path.Node node : path) {
            if (node.getName() != null) {
                return node.getName();
            }
        }
        return "";
    }
}
