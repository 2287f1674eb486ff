package com.chaching.catalog;

import com.chaching.events.EventLog;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.DeletedObject;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Patch;
import com.chaching.platform.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Products: create, read, list, update and delete. */
@Service
public class ProductService {

    private final ProductRepository products;
    private final PriceRepository prices;
    private final TaxCodeCatalog taxCodes;
    private final List<PriceUsage> priceUsages;
    private final AccountClock clocks;
    private final EventLog eventLog;

    ProductService(ProductRepository products, PriceRepository prices, TaxCodeCatalog taxCodes, List<PriceUsage> priceUsages,
                   AccountClock clocks, EventLog eventLog) {
        this.products = products;
        this.prices = prices;
        this.taxCodes = taxCodes;
        this.priceUsages = priceUsages;
        this.clocks = clocks;
        this.eventLog = eventLog;
    }

    @Transactional
    public Product create(Tenant tenant, ProductCreate request) {
        String taxCode = knownTaxCode(Patch.emptyToNull(request.taxCode()));
        Instant now = clocks.now(tenant);
        Product product = new Product(Ids.newId("prod"), "product", Objects.requireNonNull(request.name()).strip(),
                Patch.emptyToNull(request.description()), Patch.value(true, request.active()), taxCode,
                Patch.emptyToNull(request.unitLabel()), Metadata.forCreate(request.metadata()), now, now);
        if (!products.insert(tenant, product)) {
            throw nameTaken(product.name());
        }
        Product created = products.find(tenant, product.id()).orElseThrow();
        eventLog.record(tenant, "product.created", created);
        return created;
    }

    /** The product with this id in the account; 404 otherwise. */
    public Product get(Tenant tenant, String id) {
        return products.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("product", id));
    }

    @Transactional(readOnly = true)
    public Page<Product> list(Tenant tenant, ProductFilter filter, PageRequest page) {
        return products.list(tenant, filter, page);
    }

    @Transactional
    Product update(Tenant tenant, String id, ProductUpdate changes) {
        Product current = products.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("product", id));
        String name = changes.name() != null ? changes.name().strip() : current.name();
        if (products.nameTakenByAnother(tenant, name, id)) {
            throw nameTaken(name);
        }
        String taxCode = changes.taxCode() == null ? current.taxCode() : knownTaxCode(Patch.emptyToNull(changes.taxCode()));
        Product updated = new Product(current.id(), current.object(), name,
                Patch.text(current.description(), changes.description()),
                Patch.value(current.active(), changes.active()),
                taxCode,
                Patch.text(current.unitLabel(), changes.unitLabel()),
                Metadata.update(current.metadata(), changes.metadata()),
                current.createdAt(), clocks.now(tenant));
        products.update(tenant, updated);
        Product after = products.find(tenant, id).orElseThrow();
        eventLog.recordUpdate(tenant, "product.updated", current, after);
        return after;
    }

    /**
     * Deletes the product and its prices for good. Refused while any of its prices is used by a
     * subscription or an invoice: such a product is retired with {@code active: false} instead.
     */
    @Transactional
    DeletedObject delete(Tenant tenant, String id) {
        Product product = products.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("product", id));
        List<Price> productPrices = prices.lockAllOfProduct(tenant, id);
        List<String> priceIds = productPrices.stream().map(Price::id).toList();
        if (!priceIds.isEmpty() && priceUsages.stream().anyMatch(usage -> usage.usedAnywhere(tenant, priceIds))) {
            throw ApiProblem.conflict("resource_in_use", "Product " + id + " has prices used by subscriptions or invoices and "
                    + "cannot be deleted; set active: false to retire it instead.");
        }
        products.delete(tenant, product.id());
        // The cascade deletes the prices too: each is a deletion a receiver must hear of, as if deleted one by one.
        productPrices.forEach(price -> eventLog.record(tenant, "price.deleted", price));
        eventLog.record(tenant, "product.deleted", product);
        return DeletedObject.of(product.id(), "product");
    }

    private @Nullable String knownTaxCode(@Nullable String taxCode) {
        if (taxCode != null && !taxCodes.exists(taxCode)) {
            throw ApiProblem.badRequest("resource_missing", "taxCode", "No such tax code: '" + taxCode + "'. See GET /products/taxCodes.");
        }
        return taxCode;
    }

    private static ApiProblem nameTaken(String name) {
        return ApiProblem.alreadyExists("name", "A product named '" + name + "' already exists in this account.");
    }
}
