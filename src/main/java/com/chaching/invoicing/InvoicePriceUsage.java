package com.chaching.invoicing;

import com.chaching.catalog.PriceUsage;
import com.chaching.platform.Tenant;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** Tells the catalog which prices invoices have billed: such a price's product cannot be deleted. */
@Component
class InvoicePriceUsage implements PriceUsage {

    private final InvoiceRepository invoices;

    InvoicePriceUsage(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** Invoices are not subscriptions: they never keep a price from changing. */
    @Override
    public boolean usedByLiveSubscription(Tenant tenant, Collection<String> priceIds) {
        return false;
    }

    @Override
    public boolean usedAnywhere(Tenant tenant, Collection<String> priceIds) {
        return !priceIds.isEmpty() && invoices.anyLineUsesPrices(tenant, priceIds);
    }
}
