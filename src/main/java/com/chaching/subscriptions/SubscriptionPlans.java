package com.chaching.subscriptions;

import com.chaching.catalog.Price;
import com.chaching.catalog.PriceService;
import com.chaching.catalog.PriceType;
import com.chaching.catalog.ProductService;
import com.chaching.catalog.Recurring;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a subscription's items bill: checks a set of items against billing.md's rules (recurring, active,
 * one currency, one interval, each price once) and turns them into invoice lines for a period.
 */
@Component
class SubscriptionPlans {

    private final PriceService prices;
    private final ProductService products;

    SubscriptionPlans(PriceService prices, ProductService products) {
        this.prices = prices;
        this.products = products;
    }

    /** An item with its price and the product's name, for invoice lines. */
    record PricedItem(SubscriptionItem item, Price price, String productName) {

        Money periodAmount() {
            return price.unitPrice().times(item.quantity());
        }
    }

    /** The items' shared currency and interval. */
    record Plan(List<PricedItem> items, CurrencyCode currency, Recurring.Interval interval, int intervalCount) {
    }

    /**
     * Checks items named by {@code param} ("items"); every failing item is reported at once. Prices already on
     * the subscription ({@code keptPriceIds}) may have been deactivated since and still count.
     */
    Plan plan(Tenant tenant, List<SubscriptionItem> items, String param, Set<String> keptPriceIds) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        List<PricedItem> priced = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            SubscriptionItem item = items.get(i);
            String at = param + "[" + i + "].price";
            Price price;
            try {
                price = prices.get(tenant, item.price());
            } catch (ApiProblem missing) {
                problems.add(new ApiProblem.FieldProblem(at, "resource_missing", "No such price: '" + item.price() + "'."));
                continue;
            }
            if (price.type() != PriceType.RECURRING || price.recurring() == null) {
                problems.add(new ApiProblem.FieldProblem(at, "parameter_invalid", "Price " + price.id() + " is not recurring."));
            } else if (!price.active() && !keptPriceIds.contains(price.id())) {
                problems.add(new ApiProblem.FieldProblem(at, "parameter_invalid", "Price " + price.id() + " is inactive."));
            } else if (!seen.add(price.id())) {
                problems.add(new ApiProblem.FieldProblem(at, "parameter_invalid", "Price " + price.id() + " appears more than once."));
            } else {
                priced.add(new PricedItem(item, price, products.get(tenant, price.product()).name()));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
        Price first = priced.getFirst().price();
        Recurring recurring = Objects.requireNonNull(first.recurring());
        for (int i = 1; i < priced.size(); i++) {
            Price price = priced.get(i).price();
            if (!price.currency().equals(first.currency())) {
                problems.add(new ApiProblem.FieldProblem(param + "[" + i + "].price", "parameter_invalid",
                        "Every item's price must be in one currency: " + first.currency() + ", not " + price.currency() + "."));
            } else if (!Objects.equals(price.recurring(), recurring)) {
                problems.add(new ApiProblem.FieldProblem(param + "[" + i + "].price", "parameter_invalid",
                        "Every item's price must bill on one interval."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
        return new Plan(List.copyOf(priced), first.currency(), Objects.requireNonNull(recurring.interval()), recurring.count());
    }

    /** The lines of a whole period: each item's price × quantity. */
    static List<SubscriptionInvoice.Line> periodLines(Plan plan, Instant start, Instant end) {
        return plan.items().stream().map(item -> new SubscriptionInvoice.Line(item.item().quantity() + " × " + item.productName(),
                item.price().id(), item.price().unitAmount(), item.item().quantity(), item.price().taxBehavior(), start, end, false)).toList();
    }

    /** The lines of part of a period: each item's period amount × fraction (first invoices before an anchor). */
    static List<SubscriptionInvoice.Line> partialLines(Plan plan, Instant start, Instant end, long seconds, long periodSeconds) {
        return plan.items().stream().map(item -> new SubscriptionInvoice.Line(
                "Remaining time on " + item.item().quantity() + " × " + item.productName(), item.price().id(),
                item.periodAmount().fraction(seconds, periodSeconds, RoundingMode.HALF_UP).amount(), 1, item.price().taxBehavior(),
                start, end, true)).toList();
    }

    /** Zero-amount lines for a trial. */
    static List<SubscriptionInvoice.Line> trialLines(Plan plan, Instant start, Instant end) {
        return plan.items().stream().map(item -> new SubscriptionInvoice.Line("Trial period for " + item.productName(),
                item.price().id(), 0, item.item().quantity(), item.price().taxBehavior(), start, end, false)).toList();
    }

    /** The proration lines of a change at {@code changedAt}: credit for the old items' unused time, charge for the new ones'. */
    static List<SubscriptionInvoice.Line> prorationLines(Plan before, Plan after, BillingPeriods.Period period, Instant changedAt) {
        long remaining = Math.max(0, period.end().getEpochSecond() - changedAt.getEpochSecond());
        List<SubscriptionInvoice.Line> lines = new ArrayList<>();
        // An item kept as it was is neither credited nor charged.
        Set<String> unchanged = new HashSet<>();
        for (PricedItem old : before.items()) {
            for (PricedItem now : after.items()) {
                if (old.price().id().equals(now.price().id()) && old.item().quantity() == now.item().quantity()) {
                    unchanged.add(old.price().id());
                }
            }
        }
        for (PricedItem item : before.items()) {
            if (unchanged.contains(item.price().id())) {
                continue;
            }
            long credit = Proration.unusedTime(item.periodAmount(), remaining, period.seconds()).amount();
            if (credit != 0) {
                lines.add(new SubscriptionInvoice.Line("Unused time on " + item.item().quantity() + " × " + item.productName(),
                        item.price().id(), credit, 1, item.price().taxBehavior(), changedAt, period.end(), true));
            }
        }
        for (PricedItem item : after.items()) {
            if (unchanged.contains(item.price().id())) {
                continue;
            }
            long charge = item.periodAmount().fraction(remaining, period.seconds(), RoundingMode.HALF_UP).amount();
            if (charge != 0) {
                lines.add(new SubscriptionInvoice.Line("Remaining time on " + item.item().quantity() + " × " + item.productName(),
                        item.price().id(), charge, 1, item.price().taxBehavior(), changedAt, period.end(), true));
            }
        }
        return lines;
    }
}
