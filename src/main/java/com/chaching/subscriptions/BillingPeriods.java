package com.chaching.subscriptions;

import com.chaching.catalog.Recurring;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Billing periods as a pure function of (anchor, interval, count, zone, instant) — billing.md
 * "Subscriptions": periods are counted from the anchor in the account's time zone, keeping the anchor's
 * day and time of day; the day is clamped per period (Jan 31 → Feb 28/29 → Mar 31 → Apr 30), never
 * carried from the period before, so periods never drift. Period {@code n} starts at the anchor plus
 * {@code n × count} intervals, and ends where period {@code n + 1} starts: periods tile time.
 */
public final class BillingPeriods {

    private BillingPeriods() {
    }

    /** One billing period: from {@code start} (included) to {@code end} (excluded). */
    public record Period(long index, Instant start, Instant end) {

        public long seconds() {
            return end.getEpochSecond() - start.getEpochSecond();
        }
    }

    /** The start of period {@code index} (0 is the anchor's). */
    public static Instant start(Instant anchor, ZoneId zone, Recurring.Interval interval, int count, long index) {
        LocalDateTime local = anchor.atZone(zone).toLocalDateTime();
        long steps = Math.multiplyExact(index, (long) count);
        LocalDateTime startLocal = switch (interval) {
            case DAY -> local.plusDays(steps);
            case WEEK -> local.plusWeeks(steps);
            case MONTH -> sameDayClamped(local, YearMonth.from(local).plusMonths(steps));
            case YEAR -> sameDayClamped(local, YearMonth.from(local).plusYears(steps));
        };
        // A local time that a daylight-saving gap skips resolves forward; in an overlap, the earlier offset.
        return ZonedDateTime.of(startLocal, zone).toInstant();
    }

    /** The period that contains {@code instant} (the first period, if the instant is before the anchor). */
    public static Period periodAt(Instant anchor, ZoneId zone, Recurring.Interval interval, int count, Instant instant) {
        long index = Math.max(0, estimateIndex(anchor, interval, count, instant));
        while (index > 0 && start(anchor, zone, interval, count, index).isAfter(instant)) {
            index--;
        }
        while (!start(anchor, zone, interval, count, index + 1).isAfter(instant)) {
            index++;
        }
        return period(anchor, zone, interval, count, index);
    }

    public static Period period(Instant anchor, ZoneId zone, Recurring.Interval interval, int count, long index) {
        return new Period(index, start(anchor, zone, interval, count, index), start(anchor, zone, interval, count, index + 1));
    }

    private static LocalDateTime sameDayClamped(LocalDateTime anchor, YearMonth month) {
        int day = Math.min(anchor.getDayOfMonth(), month.lengthOfMonth());
        return LocalDateTime.of(month.atDay(day), anchor.toLocalTime());
    }

    /** A close guess of the index, so that finding the period takes a step or two, not one per period. */
    private static long estimateIndex(Instant anchor, Recurring.Interval interval, int count, Instant instant) {
        long seconds = ChronoUnit.SECONDS.between(anchor, instant);
        long approximate = switch (interval) {
            case DAY -> 86_400L;
            case WEEK -> 7 * 86_400L;
            case MONTH -> 2_629_746L;
            case YEAR -> 31_556_952L;
        };
        return seconds / (approximate * count);
    }
}
