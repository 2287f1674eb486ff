package com.chaching.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.tax.TaxCalculator.LineTax;
import com.chaching.tax.TaxCalculator.Rate;
import com.chaching.tax.TaxCalculator.TaxAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** billing.md "Tax", on its worked examples and as properties. */
class TaxCalculatorTest {

    private static final CurrencyCode USD = CurrencyCode.of("usd");

    @Test
    void exclusiveTaxIsAddedOnTop() {
        LineTax tax = TaxCalculator.calculate(usd(3_000), TaxBehavior.EXCLUSIVE, List.of(rate("a", "20")));

        assertThat(tax.net()).isEqualTo(usd(3_000));
        assertThat(tax.tax()).isEqualTo(usd(600));
        assertThat(tax.amounts()).containsExactly(new TaxAmount("a", usd(600), false));
    }

    @Test
    void exclusiveTaxRoundsHalfUpPerRate() {
        assertThat(TaxCalculator.calculate(usd(333), TaxBehavior.EXCLUSIVE, List.of(rate("a", "8.875"))).tax()).isEqualTo(usd(30));
        // 0.5 and -0.5 round away from zero: credits round symmetrically.
        assertThat(TaxCalculator.calculate(usd(50), TaxBehavior.EXCLUSIVE, List.of(rate("a", "1"))).tax()).isEqualTo(usd(1));
        assertThat(TaxCalculator.calculate(usd(-50), TaxBehavior.EXCLUSIVE, List.of(rate("a", "1"))).tax()).isEqualTo(usd(-1));
        LineTax two = TaxCalculator.calculate(usd(150), TaxBehavior.EXCLUSIVE, List.of(rate("a", "1"), rate("b", "1")));
        assertThat(two.amounts()).extracting(TaxAmount::amount).containsExactly(usd(2), usd(2));
    }

    @Test
    void inclusiveTaxIsCarvedOutOfTheAmount() {
        LineTax tax = TaxCalculator.calculate(usd(1_200), TaxBehavior.INCLUSIVE, List.of(rate("a", "20")));

        assertThat(tax.net()).isEqualTo(usd(1_000));
        assertThat(tax.tax()).isEqualTo(usd(200));
        assertThat(tax.amounts()).containsExactly(new TaxAmount("a", usd(200), true));
    }

    @Test
    void inclusiveTaxOfSeveralRatesIsSplitInProportionAndSumsExactly() {
        LineTax tax = TaxCalculator.calculate(usd(1_000), TaxBehavior.INCLUSIVE, List.of(rate("ten", "10"), rate("five", "5")));

        assertThat(tax.net()).isEqualTo(usd(870));
        assertThat(tax.tax()).isEqualTo(usd(130));
        assertThat(tax.amounts()).containsExactly(new TaxAmount("ten", usd(87), true), new TaxAmount("five", usd(43), true));
    }

    @Test
    void noPartTurnsNegativeWhenRoundingsFallTheWrongWay() {
        // 3 at 25 % + 25 % + 0 % inclusive: net 2, tax 1. Rounding each half on its own would give 1 + 1
        // and leave -1 for the last rate.
        LineTax tax = TaxCalculator.calculate(usd(3), TaxBehavior.INCLUSIVE, List.of(rate("a", "25"), rate("b", "25"), rate("c", "0")));

        assertThat(tax.net()).isEqualTo(usd(2));
        assertThat(tax.amounts()).extracting(TaxAmount::amount).containsExactly(usd(1), usd(0), usd(0));
    }

    @Test
    void withoutRatesThereIsNoTax() {
        assertThat(TaxCalculator.calculate(usd(999), TaxBehavior.INCLUSIVE, List.of())).isEqualTo(new LineTax(usd(999), usd(0), List.of()));
        assertThat(TaxCalculator.calculate(usd(999), TaxBehavior.INCLUSIVE, List.of(rate("zero", "0"))).tax()).isEqualTo(usd(0));
    }

    @Test
    void partsAlwaysSumToTheTaxAndInclusiveNetPlusTaxIsTheAmount() {
        qt().forAll(longs().between(-99_999_999_999L, 99_999_999_999L), rates(), integers().between(0, 1))
                .checkAssert((amount, rates, inclusive) -> {
                    TaxBehavior behavior = inclusive == 1 ? TaxBehavior.INCLUSIVE : TaxBehavior.EXCLUSIVE;
                    LineTax tax = TaxCalculator.calculate(usd(amount), behavior, rates);
                    assertThat(Money.sum(USD, tax.amounts().stream().map(TaxAmount::amount).toList())).isEqualTo(tax.tax());
                    assertThat(tax.amounts()).hasSize(rates.size());
                    if (behavior == TaxBehavior.INCLUSIVE) {
                        assertThat(tax.net().plus(tax.tax())).isEqualTo(usd(amount));
                    } else {
                        assertThat(tax.net()).isEqualTo(usd(amount));
                    }
                });
    }

    @Test
    void aPositiveLineNeverCarriesNegativeTax() {
        qt().forAll(longs().between(0, 99_999_999_999L), rates(), integers().between(0, 1))
                .checkAssert((amount, rates, inclusive) -> {
                    LineTax tax = TaxCalculator.calculate(usd(amount), inclusive == 1 ? TaxBehavior.INCLUSIVE : TaxBehavior.EXCLUSIVE, rates);
                    assertThat(tax.net().amount()).isNotNegative();
                    assertThat(tax.amounts()).allSatisfy(part -> assertThat(part.amount().amount()).isNotNegative());
                });
    }

    @Test
    void exclusiveTaxIsEachRateRoundedOnItsOwn() {
        qt().forAll(longs().between(-99_999_999_999L, 99_999_999_999L), rates())
                .checkAssert((amount, rates) -> {
                    LineTax tax = TaxCalculator.calculate(usd(amount), TaxBehavior.EXCLUSIVE, rates);
                    for (int i = 0; i < rates.size(); i++) {
                        BigDecimal exact = BigDecimal.valueOf(amount).multiply(rates.get(i).percentage()).movePointLeft(2);
                        assertThat(tax.amounts().get(i).amount()).isEqualTo(usd(exact.setScale(0, RoundingMode.HALF_UP).longValueExact()));
                    }
                });
    }

    @Test
    void aCreditIsTheMirrorOfACharge() {
        qt().forAll(longs().between(0, 99_999_999_999L), rates(), integers().between(0, 1))
                .checkAssert((amount, rates, inclusive) -> {
                    TaxBehavior behavior = inclusive == 1 ? TaxBehavior.INCLUSIVE : TaxBehavior.EXCLUSIVE;
                    LineTax charge = TaxCalculator.calculate(usd(amount), behavior, rates);
                    LineTax credit = TaxCalculator.calculate(usd(-amount), behavior, rates);
                    assertThat(credit.tax()).isEqualTo(charge.tax().negate());
                    assertThat(credit.net()).isEqualTo(charge.net().negate());
                });
    }

    /** One to five rates of 0–100 % with up to four decimals. */
    private static Gen<List<Rate>> rates() {
        return lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 5).map(tenThousandths -> {
            List<Rate> rates = new ArrayList<>();
            for (int i = 0; i < tenThousandths.size(); i++) {
                rates.add(new Rate("txr_" + i, BigDecimal.valueOf(tenThousandths.get(i), 4)));
            }
            return rates;
        });
    }

    private static Money usd(long amount) {
        return Money.of(amount, USD);
    }

    private static Rate rate(String id, String percentage) {
        return new Rate(id, new BigDecimal(percentage));
    }
}
