package com.chaching.subscriptions;

import com.chaching.catalog.PriceUsage;
import com.chaching.invoicing.SubscriptionDefaults;
import com.chaching.platform.Tenant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What lower modules ask of subscriptions, through their interfaces: which prices are in use, and default payment methods. */
@Component
class SubscriptionIntegrations implements PriceUsage, SubscriptionDefaults {

    private final SubscriptionRepository subscriptions;

    SubscriptionIntegrations(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public boolean usedByLiveSubscription(Tenant tenant, Collection<String> priceIds) {
        return !priceIds.isEmpty() && subscriptions.anyUsesPrices(tenant, priceIds, true);
    }

    @Override
    public boolean usedAnywhere(Tenant tenant, Collection<String> priceIds) {
        return !priceIds.isEmpty() && subscriptions.anyUsesPrices(tenant, priceIds, false);
    }

    @Override
    public Optional<String> defaultPaymentMethod(Tenant tenant, String subscriptionId) {
        return subscriptions.find(tenant, subscriptionId).map(SubscriptionRow::defaultPaymentMethod);
    }
}
