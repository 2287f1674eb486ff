package com.chaching.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A select or filter over one of the API's enums (a status, a type), by the values the API writes
 * ({@code past_due}, {@code refund}): the choices a form lists, and the constant a typed value names, if any.
 */
final class EnumChoices {

    private EnumChoices() {
    }

    /** The API's values of every constant, in declaration order. */
    static <E extends Enum<E>> List<String> values(E[] constants, Function<E, String> value) {
        return Arrays.stream(constants).map(value).toList();
    }

    /** The constant whose API value is {@code typed}; empty for anything else. */
    static <E extends Enum<E>> Optional<E> byValue(E[] constants, Function<E, String> value, String typed) {
        return Arrays.stream(constants).filter(constant -> value.apply(constant).equals(typed)).findFirst();
    }
}
