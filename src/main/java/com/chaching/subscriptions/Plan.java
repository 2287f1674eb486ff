package com.chaching.subscriptions;

import com.chaching.catalog.Price;
import com.chaching.catalog.Recurring;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import java.util.List;

/** What a subscription's items bill each period: the items with their prices, sharing one currency and interval. */
record Plan(List<PricedItem> items, CurrencyCode currency, Recurring.Interval interval, int intervalCount) {

    /** An item with its price and the product's name, for invoice lines. */
    record PricedItem(SubscriptionItem item, Price price, String productName) {

        /** What the item bills for one whole period. */
        Money periodAmount() {
            return price.unitPrice().times(item.quantity());
        }
    }

    /** Whether periods of the other plan are counted the same way (a change of interval restarts the cycle). */
    boolean sameCycleAs(Plan other) {
        return interval == other.interval && intervalCount == other.intervalCount;
    }

    /** The same interval with no items: what is left after a cancellation, for crediting the unused time. */
    Plan emptied() {
        return new Plan(List.of(), currency, interval, intervalCount);
    }
}
