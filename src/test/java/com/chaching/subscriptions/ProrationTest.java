package com.chaching.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** billing.md "Subscriptions": proration at second precision, each line rounded half up. */
class ProrationTest {

    private static final CurrencyCode USD = CurrencyCode.of("usd");

    @Test
    void halfwayThroughAPeriodCreditsHalfTheOldAndChargesHalfTheNew() {
        BillingPeriods.Period period = new BillingPeriods.Period(0, Instant.parse("2027-04-01T00:00:00Z"), Instant.parse("2027-05-01T00:00:00Z"));

        Proration.Lines lines = Proration.of(Money.of(1000, USD), Money.of(3000, USD), period, Instant.parse("2027-04-16T00:00:00Z"));

        assertThat(lines.unusedTimeCredit().amount()).isEqualTo(-500);
        assertThat(lines.remainingTimeCharge().amount()).isEqualTo(1500);
        assertThat(lines.net().amount()).isEqualTo(1000);
    }

    @Test
    void theCreditAndChargeSumToThePriceDifferenceTimesTheFractionWithinOneMinorUnit() {
        qt().forAll(longs().between(0, 10_000_000_000L), longs().between(0, 10_000_000_000L), integers().between(1, 366 * 86_400),
                        integers().between(0, 1_000_000))
                .checkAssert((oldAmount, newAmount, periodSeconds, millionths) -> {
                    Instant start = Instant.parse("2027-01-01T00:00:00Z");
                    BillingPeriods.Period period = new BillingPeriods.Period(0, start, start.plusSeconds(periodSeconds));
                    long elapsed = (long) periodSeconds * millionths / 1_000_000;
                    Proration.Lines lines = Proration.of(Money.of(oldAmount, USD), Money.of(newAmount, USD), period, start.plusSeconds(elapsed));
                    BigDecimal exact = BigDecimal.valueOf(newAmount - oldAmount).multiply(BigDecimal.valueOf(periodSeconds - elapsed))
                            .divide(BigDecimal.valueOf(periodSeconds), 10, RoundingMode.HALF_UP);
                    assertThat(BigDecimal.valueOf(lines.net().amount()).subtract(exact).abs()).isLessThanOrEqualTo(BigDecimal.ONE);
                    assertThat(lines.unusedTimeCredit().amount()).isBetween(-oldAmount, 0L);
                    assertThat(lines.remainingTimeCharge().amount()).isBetween(0L, newAmount);
                });
    }
}
