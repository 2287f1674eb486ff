package com.chaching.platform;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Metadata as Stripe treats it: on create, empty values are dropped; on update, the given keys are
 * merged into the stored ones and a key set to {@code ""} (or {@code null}) is removed.
 */
public final class Metadata {

    private Metadata() {
    }

    public static Map<String, String> forCreate(@Nullable Map<String, String> given) {
        Map<String, String> clean = new TreeMap<>();
        if (given != null) {
            given.forEach((key, value) -> {
                if (value != null && !value.isEmpty()) {
                    clean.put(key, value);
                }
            });
        }
        return clean;
    }

    public static Map<String, String> merge(Map<String, String> stored, @Nullable Map<String, String> changes) {
        if (changes == null) {
            return stored;
        }
        Map<String, String> merged = new TreeMap<>(stored);
        changes.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /**
     * The stored metadata after an update, refused with a 400 when the merge would pass api.md's limits
     * (each request may fit while their sum does not).
     */
    public static Map<String, String> update(Map<String, String> stored, @Nullable Map<String, String> changes) {
        Map<String, String> merged = merge(stored, changes);
        if (!new ValidMetadata.Validator().isValid(merged, null)) {
            throw ApiProblem.invalid("metadata", "metadata would have more than " + ValidMetadata.MAX_KEYS + " keys.");
        }
        return merged;
    }
}
