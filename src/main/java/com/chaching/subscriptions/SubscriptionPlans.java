package com.chaching.subscriptions;

import com.chaching.catalog.Price;
import com.chaching.catalog.PriceService;
import com.chaching.catalog.PriceType;
import com.chaching.catalog.ProductService;
import com.chaching.catalog.Recurring;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a subscription's items bill: checks a set of items against billing.md's rules (recurring, active,
 * one currency, one interval, each price once) and reads them as a {@link Plan}.
 */
@Component
class SubscriptionPlans {

    private final PriceService prices;
    private final ProductService products;
    private final SubscriptionRepository subscriptions;

    SubscriptionPlans(PriceService prices, ProductService products, SubscriptionRepository subscriptions) {
        this.prices = prices;
        this.products = products;
        this.subscriptions = subscriptions;
    }

    /**
     * Checks items named by {@code param} ("items"); every failing item is reported at once. Prices already on
     * the subscription ({@code keptPriceIds}) may have been deactivated since and still count.
     */
    Plan plan(Tenant tenant, List<SubscriptionItem> items, String param, Set<String> keptPriceIds) {
        return plan(items, param, keptPriceIds, id -> prices.get(tenant, id), id -> products.get(tenant, id).name());
    }

    private Plan plan(List<SubscriptionItem> items, String param, Set<String> keptPriceIds, Function<String, Price> priceOf,
                      Function<String, String> productName) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        List<Plan.PricedItem> priced = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            SubscriptionItem item = items.get(i);
            String at = param + "[" + i + "].price";
            Price price;
            try {
                price = priceOf.apply(item.price());
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
                priced.add(new Plan.PricedItem(item, price, productName.apply(price.product())));
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

    /** The plans stored subscriptions bill now, by id, from their items: a bill run's batch reads each price and product once. */
    Map<String, Plan> currentOf(Tenant tenant, Map<String, List<SubscriptionItem>> itemsBySubscription) {
        Map<String, Price> pricesRead = new HashMap<>();
        Map<String, String> namesRead = new HashMap<>();
        Map<String, Plan> plans = new HashMap<>();
        itemsBySubscription.forEach((id, items) -> plans.put(id, plan(items, "items",
                items.stream().map(SubscriptionItem::price).collect(Collectors.toSet()),
                price -> pricesRead.computeIfAbsent(price, unread -> prices.get(tenant, unread)),
                product -> namesRead.computeIfAbsent(product, unread -> products.get(tenant, unread).name()))));
        return plans;
    }

    /** The plan a stored subscription bills now (its prices count even if deactivated since). */
    Plan current(Tenant tenant, String subscriptionId) {
        List<SubscriptionItem> items = subscriptions.items(tenant, subscriptionId);
        return plan(tenant, items, "items", items.stream().map(SubscriptionItem::price).collect(Collectors.toSet()));
    }
}
