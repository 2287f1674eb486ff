package com.chaching.invoicing;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import java.util.List;

/**
 * billing.md's totals, as a pure function of the lines and the credit applied:
 * {@code subtotal = Σ amounts}, {@code tax = Σ tax amounts}, {@code total = subtotal + Σ exclusive tax},
 * {@code totalExcludingTax = total − tax}, {@code amountDue = max(total − applied, 0)}. All in the invoice's
 * currency; a sum too large for it throws ArithmeticException.
 */
record InvoiceTotals(Money subtotal, Money tax, Money totalExcludingTax, Money total, Money appliedBalance, Money amountDue) {

    /** A draft's totals: no credit applied yet. */
    static InvoiceTotals of(CurrencyCode currency, List<InvoiceLine> lines) {
        Money subtotal = Money.zero(currency);
        Money tax = Money.zero(currency);
        Money exclusiveTax = Money.zero(currency);
        for (InvoiceLine line : lines) {
            subtotal = subtotal.plus(line.amount(currency));
            tax = tax.plus(line.tax(currency));
            exclusiveTax = exclusiveTax.plus(line.exclusiveTax(currency));
        }
        Money total = subtotal.plus(exclusiveTax);
        Money zero = Money.zero(currency);
        return new InvoiceTotals(subtotal, tax, total.minus(tax), total, zero, total.max(zero));
    }

    /** The totals after applying up to {@code availableCredit} of the customer's credit. */
    InvoiceTotals withCredit(Money availableCredit) {
        Money zero = Money.zero(total.currency());
        Money applied = availableCredit.max(zero).min(total.max(zero));
        return new InvoiceTotals(subtotal, tax, totalExcludingTax, total, applied, total.minus(applied).max(zero));
    }
}
