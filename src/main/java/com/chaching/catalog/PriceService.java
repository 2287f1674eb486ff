package com.chaching.catalog;

import com.chaching.events.EventLog;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.DeletedObject;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Patch;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxBehavior;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices, with the rules that keep billing consistent: an active price changes only in its description,
 * nickname and metadata; what it bills changes only while it is inactive and no live subscription uses it.
 */
@Service
public class PriceService {

    private final PriceRepository prices;
    private final ProductRepository products;
    private final List<PriceUsage> priceUsages;
    private final AccountClock clocks;
    private final EventLog eventLog;

    PriceService(PriceRepository prices, ProductRepository products, List<PriceUsage> priceUsages, AccountClock clocks,
                 EventLog eventLog) {
        this.prices = prices;
        this.products = products;
        this.priceUsages = priceUsages;
        this.clocks = clocks;
        this.eventLog = eventLog;
    }

    @Transactional
    public Price create(Tenant tenant, String productId, PriceCreate request) {
        Product product = products.lock(tenant, productId).orElseThrow(() -> ApiProblem.notFound("product", productId));
        if (!product.active()) {
            throw ApiProblem.conflict("invalid_state", "Product " + productId + " is inactive; activate it before adding prices.");
        }
        PriceType type = Objects.requireNonNull(request.type());
        PriceRules.checkShape(type, request.recurring());
        Instant now = clocks.now(tenant);
        Price price = new Price(Ids.newId("price"), "price", productId, CurrencyCode.of(Objects.requireNonNull(request.currency())),
                Objects.requireNonNull(request.unitAmount()), type, normalized(request.recurring()),
                Patch.value(TaxBehavior.EXCLUSIVE, request.taxBehavior()), Patch.emptyToNull(request.nickname()),
                Patch.emptyToNull(request.description()), Patch.emptyToNull(request.lookupKey()),
                Patch.value(true, request.active()), Metadata.forCreate(request.metadata()), now, now);
        if (!prices.insert(tenant, price)) {
            throw lookupKeyTaken(price.lookupKey());
        }
        Price created = prices.find(tenant, price.id()).orElseThrow();
        eventLog.record(tenant, "price.created", created);
        return created;
    }

    /** The price with this id in the account; 404 otherwise. */
    public Price get(Tenant tenant, String id) {
        return prices.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("price", id));
    }

    @Transactional(readOnly = true)
    public Page<Price> list(Tenant tenant, PriceFilter filter, PageRequest page) {
        return prices.list(tenant, filter, page);
    }

    /** {@code PATCH /prices/{id}/active}: description, nickname, metadata, and {@code active: false} to retire it. */
    @Transactional
    public Price updateActive(Tenant tenant, String id, PriceUpdate changes) {
        Price current = prices.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("price", id));
        if (!current.active()) {
            throw ApiProblem.conflict("invalid_state", "Price " + id + " is inactive; change it with PATCH /prices/" + id + "/inactive.");
        }
        List<ApiProblem.FieldProblem> refused = new ArrayList<>();
        fixedWhileActive(changes).forEach((field, value) -> {
            if (value != null) {
                refused.add(new ApiProblem.FieldProblem(field, "parameter_invalid", field + " cannot change on an active price: "
                        + "set active: false first, then change it with PATCH /prices/" + id + "/inactive."));
            }
        });
        if (!refused.isEmpty()) {
            throw ApiProblem.validation(refused);
        }
        Price updated = new Price(current.id(), current.object(), current.product(), current.currency(), current.unitAmount(),
                current.type(), current.recurring(), current.taxBehavior(),
                Patch.text(current.nickname(), changes.nickname()),
                Patch.text(current.description(), changes.description()),
                current.lookupKey(),
                Patch.value(current.active(), changes.active()),
                Metadata.update(current.metadata(), changes.metadata()),
                current.createdAt(), clocks.now(tenant));
        prices.update(tenant, updated);
        return recordUpdate(tenant, current);
    }

    /**
     * {@code PATCH /prices/{id}/inactive}: every field of an inactive price may change and {@code active: true}
     * brings it back; but what it bills (amount, currency, type, interval, tax behaviour) stays while a
     * subscription that has not ended uses it.
     */
    @Transactional
    Price updateInactive(Tenant tenant, String id, PriceUpdate changes) {
        Price current = prices.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("price", id));
        if (current.active()) {
            throw ApiProblem.conflict("invalid_state", "Price " + id + " is active; change it with PATCH /prices/" + id + "/active.");
        }
        if (changes.product() != null && !changes.product().equals(current.product())) {
            throw ApiProblem.badRequest("parameter_immutable", "product", "A price stays with its product; create a new price instead.");
        }
        PriceType type = Patch.value(current.type(), changes.type());
        Recurring recurring = changes.recurring() != null ? normalized(changes.recurring())
                : type == PriceType.RECURRING ? current.recurring() : null;
        PriceRules.checkShape(type, recurring);
        CurrencyCode currency = changes.currency() == null ? current.currency() : CurrencyCode.of(changes.currency());
        long unitAmount = Patch.value(current.unitAmount(), changes.unitAmount());
        TaxBehavior taxBehavior = Patch.value(current.taxBehavior(), changes.taxBehavior());
        boolean billsDifferently = !currency.equals(current.currency()) || unitAmount != current.unitAmount()
                || type != current.type() || !Objects.equals(recurring, current.recurring()) || taxBehavior != current.taxBehavior();
        if (billsDifferently && usedByLiveSubscription(tenant, id)) {
            throw ApiProblem.conflict("resource_in_use", "Price " + id + " is used by a subscription that has not ended: its amount, "
                    + "currency, type, interval and tax behavior cannot change. Create a new price instead.");
        }
        String lookupKey = Patch.text(current.lookupKey(), changes.lookupKey());
        if (lookupKey != null && prices.lookupKeyTakenByAnother(tenant, lookupKey, id)) {
            throw lookupKeyTaken(lookupKey);
        }
        Price updated = new Price(current.id(), current.object(), current.product(), currency, unitAmount, type, recurring,
                taxBehavior,
                Patch.text(current.nickname(), changes.nickname()),
                Patch.text(current.description(), changes.description()),
                lookupKey,
                Patch.value(current.active(), changes.active()),
                Metadata.update(current.metadata(), changes.metadata()),
                current.createdAt(), clocks.now(tenant));
        prices.update(tenant, updated);
        return recordUpdate(tenant, current);
    }

    /** Deletes the price for good; refused while a subscription that has not ended uses it. Invoices keep their own copy. */
    @Transactional
    DeletedObject delete(Tenant tenant, String id) {
        Price price = prices.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("price", id));
        if (usedByLiveSubscription(tenant, id)) {
            throw ApiProblem.conflict("resource_in_use", "Price " + id + " is used by a subscription that has not ended and "
                    + "cannot be deleted; set active: false to retire it instead.");
        }
        prices.delete(tenant, price.id());
        eventLog.record(tenant, "price.deleted", price);
        return DeletedObject.of(price.id(), "price");
    }

    /** The price as updated, read back as its GET returns it, with its price.updated event. */
    private Price recordUpdate(Tenant tenant, Price before) {
        Price after = prices.find(tenant, before.id()).orElseThrow();
        eventLog.recordUpdate(tenant, "price.updated", before, after);
        return after;
    }

    private boolean usedByLiveSubscription(Tenant tenant, String priceId) {
        return priceUsages.stream().anyMatch(usage -> usage.usedByLiveSubscription(tenant, List.of(priceId)));
    }

    /** The fields an active price keeps, by their API names, as given in an update. */
    private static Map<String, @Nullable Object> fixedWhileActive(PriceUpdate changes) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("product", changes.product());
        fields.put("currency", changes.currency());
        fields.put("unitAmount", changes.unitAmount());
        fields.put("type", changes.type());
        fields.put("recurring", changes.recurring());
        fields.put("taxBehavior", changes.taxBehavior());
        fields.put("lookupKey", changes.lookupKey());
        return fields;
    }

    private static @Nullable Recurring normalized(@Nullable Recurring recurring) {
        return recurring == null ? null : new Recurring(recurring.interval(), recurring.count());
    }

    private static ApiProblem lookupKeyTaken(@Nullable String lookupKey) {
        return ApiProblem.alreadyExists("lookupKey", "A price with lookupKey '" + lookupKey + "' already exists in this account.");
    }
}
