package com.chaching.tax;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tax rates", description = "Percentages of tax put on invoice lines and subscriptions.")
class TaxRateController {

    private final TaxRateService taxRates;

    TaxRateController(TaxRateService taxRates) {
        this.taxRates = taxRates;
    }

    @PostMapping("/taxRates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a tax rate")
    TaxRate create(Tenant tenant, @Valid @RequestBody TaxRateCreate request) {
        return taxRates.create(tenant, request);
    }

    @GetMapping("/taxRates")
    @Operation(summary = "List tax rates", description = "Newest first, keyset-paginated.")
    Page<TaxRate> list(Tenant tenant, @Valid @ParameterObject TaxRateFilter filter, @Valid @ParameterObject PageRequest page) {
        return taxRates.list(tenant, filter, page);
    }

    @GetMapping("/taxRates/{id}")
    @Operation(summary = "Retrieve a tax rate")
    TaxRate get(Tenant tenant, @PathVariable String id) {
        return taxRates.get(tenant, id);
    }

    @PatchMapping("/taxRates/{id}")
    @Operation(summary = "Update a tax rate", description = """
            Only the fields sent change; "" clears a text field; metadata merges. The percentage is fixed: \
            sending it is a 400 — create a new rate to change a tax.""")
    TaxRate update(Tenant tenant, @PathVariable String id, @Valid @RequestBody TaxRateUpdate changes) {
        return taxRates.update(tenant, id, changes);
    }
}
