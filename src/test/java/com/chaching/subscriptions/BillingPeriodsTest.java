package com.chaching.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.chaching.catalog.Recurring.Interval;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** billing.md "Subscriptions": periods from the anchor, day clamped per period, tiling time in every zone. */
class BillingPeriodsTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Australia/Lord_Howe"));

    @Test
    void aMonthEndAnchorIsClampedPerPeriodAndNeverDrifts() {
        Instant anchor = Instant.parse("2027-01-31T10:00:00Z");
        ZoneId utc = ZoneId.of("UTC");

        List<String> starts = java.util.stream.LongStream.range(0, 6)
                .mapToObj(n -> BillingPeriods.start(anchor, utc, Interval.MONTH, 1, n).toString()).toList();

        assertThat(starts).containsExactly("2027-01-31T10:00:00Z", "2027-02-28T10:00:00Z", "2027-03-31T10:00:00Z",
                "2027-04-30T10:00:00Z", "2027-05-31T10:00:00Z", "2027-06-30T10:00:00Z");
        assertThat(BillingPeriods.start(Instant.parse("2028-01-31T10:00:00Z"), utc, Interval.MONTH, 1, 1))
                .isEqualTo("2028-02-29T10:00:00Z");
        assertThat(BillingPeriods.start(Instant.parse("2028-02-29T00:00:00Z"), utc, Interval.YEAR, 1, 1)).isEqualTo("2029-02-28T00:00:00Z");
        assertThat(BillingPeriods.start(Instant.parse("2028-02-29T00:00:00Z"), utc, Interval.YEAR, 1, 4)).isEqualTo("2032-02-29T00:00:00Z");
    }

    @Test
    void periodsKeepTheLocalTimeOfDayAcrossDaylightSaving() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant anchor = LocalDateTime.of(2027, 1, 15, 9, 0).atZone(newYork).toInstant();

        Instant march = BillingPeriods.start(anchor, newYork, Interval.MONTH, 1, 2);

        assertThat(march.atZone(newYork).toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 15, 9, 0));
        assertThat(march).isEqualTo("2027-03-15T13:00:00Z");
    }

    @Test
    void consecutivePeriodsTileTimeWithNoGapOrOverlap() {
        // shape picks the zone (4), the interval (4), the count (1–3) and the year (2024–2031): 384 shapes.
        qt().forAll(integers().between(1, 31), integers().between(0, 23), integers().between(0, 383))
                .checkAssert((day, hour, shape) -> {
                    ZoneId zone = ZONES.get(shape % 4);
                    Interval interval = Interval.values()[shape / 4 % 4];
                    int count = 1 + shape / 16 % 3;
                    int year = 2024 + shape / 48;
                    YearMonth month = YearMonth.of(year, 1 + (day * 7 + hour) % 12);
                    Instant anchor = LocalDateTime.of(month.atDay(Math.min(day, month.lengthOfMonth())).getYear(),
                            month.getMonth(), Math.min(day, month.lengthOfMonth()), hour, 30).atZone(zone).toInstant();
                    Instant previousEnd = null;
                    for (long n = 0; n < 30; n++) {
                        BillingPeriods.Period period = BillingPeriods.period(anchor, zone, interval, count, n);
                        assertThat(period.end()).isAfter(period.start());
                        if (previousEnd != null) {
                            assertThat(period.start()).isEqualTo(previousEnd);
                        }
                        previousEnd = period.end();
                        if (interval == Interval.MONTH || interval == Interval.YEAR) {
                            var local = period.start().atZone(zone).toLocalDate();
                            int anchorDay = anchor.atZone(zone).getDayOfMonth();
                            assertThat(local.getDayOfMonth()).isEqualTo(Math.min(anchorDay, YearMonth.from(local).lengthOfMonth()));
                        }
                    }
                });
    }

    @Test
    void theInstantIsAlwaysInsideThePeriodFoundForIt() {
        qt().forAll(longs().between(0, 10L * 365 * 86_400), integers().between(0, 3), integers().between(0, 3), integers().between(1, 12))
                .checkAssert((offset, zoneIndex, intervalIndex, count) -> {
                    ZoneId zone = ZONES.get(zoneIndex);
                    Interval interval = Interval.values()[intervalIndex];
                    Instant anchor = Instant.parse("2027-01-31T23:30:00Z");
                    Instant instant = anchor.plusSeconds(offset);
                    BillingPeriods.Period period = BillingPeriods.periodAt(anchor, zone, interval, count, instant);
                    assertThat(period.start()).isBeforeOrEqualTo(instant);
                    assertThat(period.end()).isAfter(instant);
                    assertThat(period).isEqualTo(BillingPeriods.period(anchor, zone, interval, count, period.index()));
                });
    }
}
