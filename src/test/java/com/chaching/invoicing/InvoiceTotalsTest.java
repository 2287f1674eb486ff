package com.chaching.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.chaching.tax.TaxBehavior;
import com.chaching.tax.TaxCalculator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** billing.md's totals identities, for any lines and any credit. */
class InvoiceTotalsTest {

    @Test
    void theIdentitiesHoldForAnyLinesAndCredit() {
        qt().forAll(lines(), longs().between(0, 10_000_000_000L)).checkAssert((lines, credit) -> {
            InvoiceTotals draft = InvoiceTotals.of(lines, 0);
            InvoiceTotals totals = draft.withCredit(credit);
            long exclusiveTax = lines.stream().mapToLong(InvoiceLine::exclusiveTax).sum();
            assertThat(totals.subtotal()).isEqualTo(lines.stream().mapToLong(InvoiceLine::amount).sum());
            assertThat(totals.tax()).isEqualTo(lines.stream().mapToLong(InvoiceLine::tax).sum());
            assertThat(totals.total()).isEqualTo(totals.subtotal() + exclusiveTax);
            assertThat(totals.totalExcludingTax()).isEqualTo(totals.total() - totals.tax());
            assertThat(totals.amountDue()).isEqualTo(Math.max(totals.total() - totals.appliedBalance(), 0)).isNotNegative();
            assertThat(totals.appliedBalance()).isBetween(0L, Math.min(credit, Math.max(totals.total(), 0)));
            assertThat(draft.amountDue()).isEqualTo(Math.max(draft.total(), 0));
        });
    }

    @Test
    void creditNeverExceedsWhatIsDue() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(line(1000, TaxBehavior.EXCLUSIVE, "20")), 0).withCredit(5000);

        assertThat(totals.total()).isEqualTo(1200);
        assertThat(totals.appliedBalance()).isEqualTo(1200);
        assertThat(totals.amountDue()).isZero();
    }

    private static Gen<List<InvoiceLine>> lines() {
        Gen<InvoiceLine> line = longs().between(-1_000_000_000L, 1_000_000_000L)
                .zip(integers().between(0, 1_000_000), integers().between(0, 1),
                        (amount, tenThousandths, inclusive) -> line(amount, inclusive == 1 ? TaxBehavior.INCLUSIVE : TaxBehavior.EXCLUSIVE,
                                BigDecimal.valueOf(tenThousandths, 4).toPlainString()));
        return lists().of(line).ofSizeBetween(1, 20);
    }

    private static InvoiceLine line(long amount, TaxBehavior behavior, String percentage) {
        TaxCalculator.LineTax tax = TaxCalculator.calculate(amount, behavior, List.of(new TaxCalculator.Rate("txr_a", new BigDecimal(percentage))));
        List<InvoiceLine.TaxAmount> amounts = new ArrayList<>();
        tax.amounts().forEach(part -> amounts.add(new InvoiceLine.TaxAmount(part.taxRateId(), part.amount(), part.inclusive())));
        return new InvoiceLine("il_x", "line_item", "x", null, 1, amount, amount, behavior, amounts, new InvoiceLine.Period(null, null), false);
    }
}
