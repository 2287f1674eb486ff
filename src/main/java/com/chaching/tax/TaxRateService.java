package com.chaching.tax;

import com.chaching.events.EventLog;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Patch;
import com.chaching.platform.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tax rates: create, read, list and update (the percentage never changes). */
@Service
public class TaxRateService {

    private final TaxRateRepository taxRates;
    private final AccountClock clocks;
    private final EventLog eventLog;

    TaxRateService(TaxRateRepository taxRates, AccountClock clocks, EventLog eventLog) {
        this.taxRates = taxRates;
        this.clocks = clocks;
        this.eventLog = eventLog;
    }

    @Transactional
    public TaxRate create(Tenant tenant, TaxRateCreate request) {
        Instant now = clocks.now(tenant);
        TaxRate rate = new TaxRate(Ids.newId("txr"), "tax_rate", Objects.requireNonNull(request.displayName()).strip(),
                Patch.emptyToNull(request.description()), Objects.requireNonNull(request.percentage()),
                Patch.emptyToNull(request.country()), Patch.emptyToNull(request.state()), Patch.emptyToNull(request.jurisdiction()),
                Patch.value(true, request.active()), Metadata.forCreate(request.metadata()), now, now);
        taxRates.insert(tenant, rate);
        TaxRate created = taxRates.find(tenant, rate.id()).orElseThrow();
        eventLog.record(tenant, "tax_rate.created", created);
        return created;
    }

    /** The tax rate with this id in the account; 404 otherwise. */
    public TaxRate get(Tenant tenant, String id) {
        return taxRates.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("tax rate", id));
    }

    /**
     * The rates to put on a new invoice or subscription, in the order given: each must exist in the
     * account and be active (billing.md "Tax"), else a 400 naming {@code param} and the offending id.
     */
    @Transactional(readOnly = true)
    public List<TaxRate> activeRates(Tenant tenant, List<String> ids, String param) {
        Map<String, TaxRate> found = taxRates.findAll(tenant, new LinkedHashSet<>(ids)).stream()
                .collect(Collectors.toMap(TaxRate::id, Function.identity()));
        List<TaxRate> rates = new ArrayList<>(ids.size());
        for (String id : ids) {
            TaxRate rate = found.get(id);
            if (rate == null) {
                throw ApiProblem.badRequest("resource_missing", param, "No such tax rate: '" + id + "'.");
            }
            if (!rate.active()) {
                throw ApiProblem.invalid(param, "Tax rate " + id + " is inactive and cannot be put on new invoices or subscriptions.");
            }
            rates.add(rate);
        }
        return rates;
    }

    @Transactional(readOnly = true)
    public Page<TaxRate> list(Tenant tenant, TaxRateFilter filter, PageRequest page) {
        return taxRates.list(tenant, filter, page);
    }

    @Transactional
    public TaxRate update(Tenant tenant, String id, TaxRateUpdate changes) {
        TaxRate current = taxRates.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("tax rate", id));
        if (changes.percentage() != null && changes.percentage().compareTo(current.percentage()) != 0) {
            throw ApiProblem.badRequest("parameter_immutable", "percentage",
                    "percentage cannot be changed once a tax rate exists; create a new tax rate instead.");
        }
        Map<String, String> metadata = Metadata.update(current.metadata(), changes.metadata());
        TaxRate updated = new TaxRate(current.id(), current.object(),
                changes.displayName() != null ? changes.displayName().strip() : current.displayName(),
                Patch.text(current.description(), changes.description()),
                current.percentage(),
                Patch.text(current.country(), changes.country()),
                Patch.text(current.state(), changes.state()),
                Patch.text(current.jurisdiction(), changes.jurisdiction()),
                Patch.value(current.active(), changes.active()),
                metadata, current.createdAt(), clocks.now(tenant));
        taxRates.update(tenant, updated);
        TaxRate after = taxRates.find(tenant, id).orElseThrow();
        eventLog.recordUpdate(tenant, "tax_rate.updated", current, after);
        return after;
    }
}
