package com.chaching.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.tax.TaxBehavior;
import com.chaching.tax.TaxCalculator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** billing.md's totals identities, for any lines and any credit. */
class InvoiceTotalsTest {

    private static final CurrencyCode USD = CurrencyCode.of("usd");

    @Test
    void theIdentitiesHoldForAnyLinesAndCredit() {
        qt().forAll(lines(), longs().between(0, 10_000_000_000L)).checkAssert((lines, credit) -> {
            InvoiceTotals draft = InvoiceTotals.of(USD, lines);
            InvoiceTotals totals = draft.withCredit(Money.of(credit, USD));
            long exclusiveTax = lines.stream().flatMap(line -> line.taxAmounts().stream())
                    .filter(tax -> !tax.inclusive()).mapToLong(InvoiceLine.TaxAmount::amount).sum();
            long tax = lines.stream().flatMap(line -> line.taxAmounts().stream()).mapToLong(InvoiceLine.TaxAmount::amount).sum();
            assertThat(totals.subtotal().amount()).isEqualTo(lines.stream().mapToLong(InvoiceLine::amount).sum());
            assertThat(totals.tax().amount()).isEqualTo(tax);
            assertThat(totals.total().amount()).isEqualTo(totals.subtotal().amount() + exclusiveTax);
            assertThat(totals.totalExcludingTax().amount()).isEqualTo(totals.total().amount() - totals.tax().amount());
            assertThat(totals.amountDue().amount()).isEqualTo(Math.max(totals.total().amount() - totals.appliedBalance().amount(), 0)).isNotNegative();
            assertThat(totals.appliedBalance().amount()).isBetween(0L, Math.min(credit, Math.max(totals.total().amount(), 0)));
            assertThat(draft.amountDue().amount()).isEqualTo(Math.max(draft.total().amount(), 0));
            assertThat(List.of(totals.subtotal(), totals.tax(), totals.totalExcludingTax(), totals.total(), totals.appliedBalance(),
                    totals.amountDue())).extracting(Money::currency).containsOnly(USD);
        });
    }

    @Test
    void creditNeverExceedsWhatIsDue() {
        InvoiceTotals totals = InvoiceTotals.of(USD, List.of(line(1000, TaxBehavior.EXCLUSIVE, "20"))).withCredit(Money.of(5000, USD));

        assertThat(totals.total()).isEqualTo(Money.of(1200, USD));
        assertThat(totals.appliedBalance()).isEqualTo(Money.of(1200, USD));
        assertThat(totals.amountDue()).isEqualTo(Money.zero(USD));
    }

    private static Gen<List<InvoiceLine>> lines() {
        Gen<InvoiceLine> line = longs().between(-1_000_000_000L, 1_000_000_000L)
                .zip(integers().between(0, 1_000_000), integers().between(0, 1),
                        (amount, tenThousandths, inclusive) -> line(amount, inclusive == 1 ? TaxBehavior.INCLUSIVE : TaxBehavior.EXCLUSIVE,
                                BigDecimal.valueOf(tenThousandths, 4).toPlainString()));
        return lists().of(line).ofSizeBetween(1, 20);
    }

    private static InvoiceLine line(long amount, TaxBehavior behavior, String percentage) {
        TaxCalculator.LineTax tax = TaxCalculator.calculate(Money.of(amount, USD), behavior, List.of(new TaxCalculator.Rate("txr_a", new BigDecimal(percentage))));
        List<InvoiceLine.TaxAmount> amounts = new ArrayList<>();
        tax.amounts().forEach(part -> amounts.add(new InvoiceLine.TaxAmount(part.taxRateId(), part.amount().amount(), part.inclusive())));
        return new InvoiceLine("il_x", "line_item", "x", null, 1, amount, amount, behavior, amounts, new InvoiceLine.Period(null, null), false);
    }
}
