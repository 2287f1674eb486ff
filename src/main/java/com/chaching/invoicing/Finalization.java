package com.chaching.invoicing;

import com.chaching.customers.CustomerService;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What finalizing a draft decides (billing.md "Invoices", "Credits"), as a pure function of the draft, the
 * customer's balance, the invoice's number and now: one rule for an invoice finalized on its own and for a
 * bill run's batch. The invoice is numbered, takes the credit (a negative balance) in its currency, is due
 * now when charged automatically, and is paid at once when nothing is left to pay, as Stripe does.
 *
 * @param creditApplied how much of the customer's credit the invoice used (≥ 0)
 * @param credited      what a negative invoice adds to the customer's credit (≤ 0)
 */
record Finalization(InvoiceRow invoice, Money creditApplied, Money credited) {

    static Finalization of(InvoiceRow draft, CustomerService.Balance balance, @Nullable String number, Instant now) {
        boolean sameCurrency = balance.accepts(draft.currency().code());
        if (draft.totals().total().isNegative() && !sameCurrency) {
            throw ApiProblem.conflict("invalid_state", "The customer's balance is in " + balance.currency() + "; a credit in "
                    + draft.currency() + " cannot be added to it until it is used up.");
        }
        // billing.md "Credits": only credit (a negative balance) in the invoice's currency is applied.
        InvoiceTotals totals = draft.totals().withCredit(
                sameCurrency ? Money.of(balance.amount(), draft.currency()).negate() : Money.zero(draft.currency()));
        Instant dueDate = draft.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY ? now
                : draft.dueDate() != null ? draft.dueDate()
                : now.plus(Duration.ofDays(Objects.requireNonNullElse(draft.daysUntilDue(), InvoiceService.DEFAULT_DAYS_UNTIL_DUE)));
        InvoiceRow finalized = draft.finalized(number, totals, dueDate, now);
        if (finalized.amountRemaining() == 0) {
            finalized = finalized.paid(0, now);
        }
        return new Finalization(finalized, totals.appliedBalance(), totals.total().min(Money.zero(draft.currency())));
    }

    /** The same, with the number the account's counter gave (a batch numbers its invoices after writing them). */
    Finalization numbered(String number) {
        return new Finalization(invoice.withNumber(number), creditApplied, credited);
    }

    boolean paidAtOnce() {
        return invoice.status() == InvoiceStatus.PAID;
    }

    /** The customer's balance once this invoice has moved it: what the customer's next invoice in the same batch finds. */
    CustomerService.Balance balanceAfter(CustomerService.Balance before) {
        Money delta = creditApplied.plus(credited);
        return delta.isZero() ? before : new CustomerService.Balance(Money.of(before.amount(), invoice.currency()).plus(delta).amount(),
                invoice.currency().code());
    }
}
