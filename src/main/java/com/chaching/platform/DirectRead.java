package com.chaching.platform;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code GET} of one object by the last segment of its path, which {@link DirectReadFilter} answers without
 * Spring MVC's dispatch (issue 14): the module that owns the object says how to read it, and the filter does
 * the rest as the general path would — the same JSON, the same problems, the same request metrics.
 */
public interface DirectRead {

    /** The controller's mapping, such as {@code /customers/{externalKey}}: one variable, at the end. */
    String pathPattern();

    /**
     * The shape the controller accepts for the variable. A key of another shape goes the general way, which
     * answers it as it always has (a 400 naming the field).
     */
    Pattern keyShape();

    /** Literal paths beside the pattern that are other endpoints ({@code /customers/search}), by their last segment. */
    Set<String> otherEndpoints();

    /** The object, as the controller's method returns it; throws the controller's {@link ApiProblem} when there is none. */
    Object read(Tenant tenant, String key);
}
