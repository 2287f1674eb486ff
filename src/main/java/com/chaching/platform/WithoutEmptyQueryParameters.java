package com.chaching.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An API request whose empty query parameters are absent: {@code ?currency=} means the same as no
 * {@code currency} filter, for every filter alike (api.md "Lists"). Request bodies are read by Jackson and
 * are not affected. {@link RequestGuardFilter} wraps only a request that has an empty value, and never a
 * dashboard request: a dashboard form's field sent empty stays {@code ""}, which is what its
 * {@code @RequestParam(defaultValue = "")} parameters expect.
 * <p>
 * A servlet wrapper, not a Spring {@code @InitBinder} advice: Spring builds an advice's binder method anew on
 * every request, whether it binds anything or not, which cost 5 % of a {@code GET} (issue 14).
 */
final class WithoutEmptyQueryParameters extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    private WithoutEmptyQueryParameters(HttpServletRequest request, Map<String, String[]> parameters) {
        super(request);
        this.parameters = parameters;
    }

    /** The request without its empty values ({@code parameters} is its parameter map, already read). */
    static HttpServletRequest of(HttpServletRequest request, Map<String, String[]> parameters) {
        Map<String, String[]> kept = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            String[] nonEmpty = Arrays.stream(values).filter(value -> !value.isEmpty()).toArray(String[]::new);
            if (nonEmpty.length > 0) {
                kept.put(name, nonEmpty);
            }
        });
        return new WithoutEmptyQueryParameters(request, Collections.unmodifiableMap(kept));
    }

    @Override
    public @Nullable String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }
}
