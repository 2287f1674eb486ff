package com.chaching.invoicing;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.tax.TaxBehavior;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One line of an invoice, a copy of what was billed: later changes to its price never change it. */
@Schema(name = "InvoiceLine")
public record InvoiceLine(
        @Schema(example = "il_5tR4eW3qA2sD1fG0hJ9kL8zX") String id,
        @Schema(allowableValues = "line_item") String object,
        String description,
        @Schema(description = "The price (price_…) it was made from, if any.") @Nullable String price,
        long quantity,
        @Schema(description = "Minor units per unit; negative for a credit.") long unitAmount,
        @Schema(description = "unitAmount × quantity, in minor units.") long amount,
        TaxBehavior taxBehavior,
        List<TaxAmount> taxAmounts,
        Period period,
        @Schema(description = "Whether the line prorates a subscription change.") boolean proration) {

    /** One tax rate's share of a line. */
    @Schema(name = "InvoiceLineTaxAmount")
    public record TaxAmount(@Schema(description = "The tax rate (txr_…).") String taxRate, long amount, boolean inclusive) {
    }

    /** The time a line bills for; both null for a one-off charge. */
    @Schema(name = "InvoiceLinePeriod")
    public record Period(@Nullable Instant start, @Nullable Instant end) {
    }

    /** The line's amount in {@code currency}, the invoice's: a line stores minor units, not its currency. */
    Money amount(CurrencyCode currency) {
        return Money.of(amount, currency);
    }

    Money exclusiveTax(CurrencyCode currency) {
        return Money.sum(currency, taxAmounts.stream().filter(tax -> !tax.inclusive())
                .map(tax -> Money.of(tax.amount(), currency)).toList());
    }

    Money tax(CurrencyCode currency) {
        return Money.sum(currency, taxAmounts.stream().map(tax -> Money.of(tax.amount(), currency)).toList());
    }
}
