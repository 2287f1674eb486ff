package com.chaching.platform;

import org.jspecify.annotations.Nullable;

/**
 * Stripe's update convention, written once: a field absent from the request (null) keeps the stored
 * value, and {@code ""} clears a text field.
 */
public final class Patch {

    private Patch() {
    }

    /** The text field after an update. */
    public static @Nullable String text(@Nullable String stored, @Nullable String change) {
        return change == null ? stored : emptyToNull(change);
    }

    /** Any other field after an update. */
    public static <T> T value(T stored, @Nullable T change) {
        return change == null ? stored : change;
    }

    /** A text field as given on creation: {@code ""} means none. */
    public static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
