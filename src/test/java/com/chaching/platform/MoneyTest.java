package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final CurrencyCode USD = CurrencyCode.of("usd");
    private static final CurrencyCode EUR = CurrencyCode.of("eur");

    @Test
    void currenciesCarryTheirIso4217Exponent() {
        assertThat(CurrencyCode.of("usd").exponent()).isEqualTo(2);
        assertThat(CurrencyCode.of("jpy").exponent()).isZero();
        assertThat(CurrencyCode.of("kwd").exponent()).isEqualTo(3);
        assertThat(CurrencyCode.parse("USD")).isEmpty();
        assertThat(CurrencyCode.parse("xxx")).isEmpty();
        assertThat(CurrencyCode.parse("abc")).isEmpty();
        assertThat(CurrencyCode.parse("us")).isEmpty();
    }

    @Test
    void majorUnitsFollowTheExponent() {
        assertThat(Money.of(1999, USD).toMajorUnits()).isEqualByComparingTo("19.99");
        assertThat(Money.of(500, CurrencyCode.of("jpy")).toMajorUnits()).isEqualByComparingTo("500");
        assertThat(Money.of(1234, CurrencyCode.of("kwd")).toMajorUnits()).isEqualByComparingTo("1.234");
    }

    @Test
    void percentagesRoundHalfAwayFromZeroSymmetrically() {
        assertThat(Money.of(3000, USD).percent(new BigDecimal("20"), RoundingMode.HALF_UP).amount()).isEqualTo(600);
        assertThat(Money.of(333, USD).percent(new BigDecimal("8.875"), RoundingMode.HALF_UP).amount()).isEqualTo(30);
        assertThat(Money.of(50, USD).percent(new BigDecimal("1"), RoundingMode.HALF_UP).amount()).isEqualTo(1);
        assertThat(Money.of(-50, USD).percent(new BigDecimal("1"), RoundingMode.HALF_UP).amount()).isEqualTo(-1);
    }

    @Test
    void mixingCurrenciesAndOverflowingAreErrorsNotWrongAmounts() {
        assertThatThrownBy(() -> Money.of(1, USD).plus(Money.of(1, EUR))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, USD).plus(Money.of(1, USD))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 2 + 1, USD).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void sumsMinimaAndMaximaStayInOneCurrency() {
        assertThat(Money.sum(USD, List.of())).isEqualTo(Money.zero(USD));
        assertThat(Money.sum(USD, List.of(Money.of(2, USD), Money.of(-5, USD)))).isEqualTo(Money.of(-3, USD));
        assertThatThrownBy(() -> Money.sum(USD, List.of(Money.of(1, EUR)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.sum(USD, List.of(Money.of(Long.MAX_VALUE, USD), Money.of(1, USD))))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Money.of(-1, USD).max(Money.zero(USD))).isEqualTo(Money.zero(USD));
        assertThat(Money.of(-1, USD).min(Money.zero(USD))).isEqualTo(Money.of(-1, USD));
        assertThatThrownBy(() -> Money.of(1, USD).max(Money.of(1, EUR))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecimalFractionRoundsOnceLikeALongOne() {
        assertThat(Money.of(1000, USD).fraction(new BigDecimal("100"), new BigDecimal("115"), RoundingMode.HALF_UP)).isEqualTo(Money.of(870, USD));
        assertThat(Money.of(-1000, USD).fraction(new BigDecimal("100"), new BigDecimal("115"), RoundingMode.HALF_UP)).isEqualTo(Money.of(-870, USD));
        assertThatThrownBy(() -> Money.of(1, USD).fraction(BigDecimal.ONE, new BigDecimal("0.000"), RoundingMode.HALF_UP))
                .isInstanceOf(ArithmeticException.class);
        qt().forAll(longs().between(-99_999_999_999L, 99_999_999_999L), longs().between(0, 100_000_000), longs().between(1, 100_000_000))
                .checkAssert((amount, numerator, denominator) -> assertThat(
                        Money.of(amount, USD).fraction(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), RoundingMode.HALF_UP))
                        .isEqualTo(Money.of(amount, USD).fraction(numerator, denominator, RoundingMode.HALF_UP)));
    }

    @Test
    void additionIsExactCommutativeAndUndoneBySubtraction() {
        qt().forAll(longs().between(-1_000_000_000_000L, 1_000_000_000_000L), longs().between(-1_000_000_000_000L, 1_000_000_000_000L))
                .checkAssert((a, b) -> {
                    Money x = Money.of(a, USD);
                    Money y = Money.of(b, USD);
                    assertThat(x.plus(y)).isEqualTo(y.plus(x));
                    assertThat(x.plus(y).minus(y)).isEqualTo(x);
                    assertThat(x.plus(y).amount()).isEqualTo(a + b);
                });
    }

    @Test
    void aPercentageOfANegatedAmountIsTheNegatedPercentage() {
        qt().forAll(longs().between(0, 99_999_999_999L), integers().between(0, 1_000_000))
                .checkAssert((amount, tenThousandths) -> {
                    BigDecimal percentage = BigDecimal.valueOf(tenThousandths, 4);
                    Money positive = Money.of(amount, USD).percent(percentage, RoundingMode.HALF_UP);
                    Money negative = Money.of(-amount, USD).percent(percentage, RoundingMode.HALF_UP);
                    assertThat(negative).isEqualTo(positive.negate());
                    assertThat(positive.amount()).isBetween(0L, amount);
                });
    }

    @Test
    void aFractionIsWithinHalfAMinorUnitOfTheExactValue() {
        qt().forAll(longs().between(-99_999_999_999L, 99_999_999_999L), longs().between(0, 100_000_000), longs().between(1, 100_000_000))
                .checkAssert((amount, anyNumerator, denominator) -> {
                    long numerator = anyNumerator % (denominator + 1);
                    long rounded = Money.of(amount, USD).fraction(numerator, denominator, RoundingMode.HALF_UP).amount();
                    BigDecimal exact = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(numerator))
                            .divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_UP);
                    assertThat(exact.subtract(BigDecimal.valueOf(rounded)).abs()).isLessThanOrEqualTo(new BigDecimal("0.5"));
                    assertThat(Math.abs(rounded)).isLessThanOrEqualTo(Math.abs(amount));
                });
    }
}
