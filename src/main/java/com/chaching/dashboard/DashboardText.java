package com.chaching.dashboard;

import org.jspecify.annotations.Nullable;

/** A form field as typed: the binding ({@code QueryParameterBinding}) hands an empty field over as null; a form shows it as empty. */
final class DashboardText {

    private DashboardText() {
    }

    static String of(@Nullable String typed) {
        return typed == null ? "" : typed;
    }
}
