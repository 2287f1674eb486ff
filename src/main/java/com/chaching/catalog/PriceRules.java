package com.chaching.catalog;

import com.chaching.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The price rules that look at more than one field at a time (issue 3, billing.md). */
final class PriceRules {

    static final long MAX_UNIT_AMOUNT = 99_999_999_999L;

    private PriceRules() {
    }

    /**
     * A recurring price has {@code recurring}, a one-time price has none, and an interval spans at most three
     * years. Every failing field is reported at once.
     */
    static void checkShape(PriceType type, @Nullable Recurring recurring) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        if (type == PriceType.RECURRING && recurring == null) {
            problems.add(new ApiProblem.FieldProblem("recurring", "parameter_missing",
                    "Missing required parameter: recurring (a recurring price needs its interval)."));
        }
        if (type == PriceType.ONE_TIME && recurring != null) {
            problems.add(new ApiProblem.FieldProblem("recurring", "parameter_invalid",
                    "recurring is only for prices of type recurring."));
        }
        if (recurring != null && !recurring.withinThreeYears()) {
            problems.add(new ApiProblem.FieldProblem("recurring.intervalCount", "parameter_invalid",
                    "recurring.intervalCount must keep the interval within 3 years."));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
    }
}
