package com.chaching.invoicing;

import java.util.List;

/**
 * billing.md's totals, as a pure function of the lines and the credit applied:
 * {@code subtotal = Σ amounts}, {@code tax = Σ tax amounts}, {@code total = subtotal + Σ exclusive tax},
 * {@code totalExcludingTax = total − tax}, {@code amountDue = max(total − applied, 0)}.
 */
record InvoiceTotals(long subtotal, long tax, long totalExcludingTax, long total, long appliedBalance, long amountDue) {

    static InvoiceTotals of(List<InvoiceLine> lines, long appliedBalance) {
        long subtotal = 0;
        long tax = 0;
        long exclusiveTax = 0;
        for (InvoiceLine line : lines) {
            subtotal = Math.addExact(subtotal, line.amount());
            tax = Math.addExact(tax, line.tax());
            exclusiveTax = Math.addExact(exclusiveTax, line.exclusiveTax());
        }
        long total = Math.addExact(subtotal, exclusiveTax);
        if (appliedBalance < 0 || appliedBalance > Math.max(total, 0)) {
            throw new IllegalArgumentException("credit applied must lie between 0 and the total");
        }
        return new InvoiceTotals(subtotal, tax, total - tax, total, appliedBalance, Math.max(total - appliedBalance, 0));
    }

    /** The totals after applying up to {@code availableCredit} of the customer's credit. */
    InvoiceTotals withCredit(long availableCredit) {
        long applied = Math.min(Math.max(availableCredit, 0), Math.max(total, 0));
        return new InvoiceTotals(subtotal, tax, totalExcludingTax, total, applied, Math.max(total - applied, 0));
    }
}
