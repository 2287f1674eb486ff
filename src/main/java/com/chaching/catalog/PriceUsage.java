package com.chaching.catalog;

import com.chaching.platform.Tenant;
import java.util.Collection;

/**
 * Whether prices are in use elsewhere, which decides if they may be deleted or changed. The modules that
 * use prices (subscriptions, invoicing) provide an implementation; the catalog asks every one of them,
 * and cannot depend on those modules itself because they depend on it.
 */
public interface PriceUsage {

    /** Whether a subscription that has not ended uses any of these prices. */
    boolean usedByLiveSubscription(Tenant tenant, Collection<String> priceIds);

    /** Whether any subscription or invoice, ended or not, uses any of these prices. */
    boolean usedAnywhere(Tenant tenant, Collection<String> priceIds);
}
