package com.chaching.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** How often a recurring price bills: every {@code intervalCount} {@code interval}s. */
@Schema(name = "Recurring")
public record Recurring(
        @Schema(description = "day, week, month or year.") @NotNull @Nullable Interval interval,
        @Schema(description = "How many intervals between bills, 1 or more; at most 3 years in all. Defaults to 1.", example = "1")
        @Min(1) @Nullable Integer intervalCount) {

    public enum Interval {
        @JsonProperty("day") DAY("day", 3 * 365),
        @JsonProperty("week") WEEK("week", 3 * 52),
        @JsonProperty("month") MONTH("month", 3 * 12),
        @JsonProperty("year") YEAR("year", 3);

        private final String value;
        private final int maxCount;

        Interval(String value, int maxCount) {
            this.value = value;
            this.maxCount = maxCount;
        }

        public String value() {
            return value;
        }

        /** The largest count that keeps an interval within three years. */
        int maxCount() {
            return maxCount;
        }

        public static Interval fromValue(String value) {
            for (Interval candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("unknown interval: " + value);
        }
    }

    public int count() {
        return intervalCount == null ? 1 : intervalCount;
    }

    /** Whether this many intervals fit in three years (billing.md: at most 3 years between bills). */
    boolean withinThreeYears() {
        return interval == null || count() <= interval.maxCount();
    }
}
