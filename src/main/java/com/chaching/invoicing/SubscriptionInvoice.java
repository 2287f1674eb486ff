package com.chaching.invoicing;

import com.chaching.platform.CurrencyCode;
import com.chaching.tax.TaxBehavior;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a subscription asks to be invoiced, under an id it chose: its lines for a period (or prorations), with its tax rates,
 * and its own default payment method (charged before the customer's).
 */
public record SubscriptionInvoice(
        String invoiceId,
        String customerId,
        String subscriptionId,
        CurrencyCode currency,
        List<Line> lines,
        List<String> taxRateIds,
        CollectionMethod collectionMethod,
        @Nullable Integer daysUntilDue,
        String billingReason,
        @Nullable String defaultPaymentMethod) {

    /** One line: a price × quantity for a period, or a proration of one (possibly a credit). */
    public record Line(String description, @Nullable String price, long unitAmount, long quantity, TaxBehavior taxBehavior,
                       Instant periodStart, Instant periodEnd, boolean proration) {
    }
}
