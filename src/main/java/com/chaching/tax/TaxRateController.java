package com.chaching.tax;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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
    @Operation(operationId = "createTaxRate", summary = "Create a tax rate",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "newYorkCitySalesTax", summary = "New York City sales tax, 8.875%", value = """
                    {
                      "displayName": "Sales tax",
                      "description": "New York City combined state and local sales tax",
                      "percentage": 8.875,
                      "country": "US",
                      "state": "NY",
                      "jurisdiction": "New York City"
                    }"""))))
    TaxRate create(Tenant tenant, @Valid @RequestBody TaxRateCreate request) {
        return taxRates.create(tenant, request);
    }

    @GetMapping("/taxRates")
    @Operation(operationId = "listTaxRates", summary = "List tax rates", description = "Newest first, keyset-paginated.")
    Page<TaxRate> list(Tenant tenant, @Valid @ParameterObject TaxRateFilter filter, @Valid @ParameterObject PageRequest page) {
        return taxRates.list(tenant, filter, page);
    }

    @GetMapping("/taxRates/{id}")
    @Operation(operationId = "retrieveTaxRate", summary = "Retrieve a tax rate")
    TaxRate get(Tenant tenant, @PathVariable String id) {
        return taxRates.get(tenant, id);
    }

    @PatchMapping("/taxRates/{id}")
    @Operation(operationId = "updateTaxRate", summary = "Update a tax rate", description = """
            Only the fields sent change; "" clears a text field; metadata merges. The percentage is fixed: \
            sending it is a 400 — create a new rate to change a tax.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "retire", summary = "Renamed and retired", value = """
                    {"displayName": "Sales tax (until 2027)", "active": false, "metadata": {"replacedBy": "txr_1MzA9bC8dE7fG6hI5jK4lM3n"}}"""))))
    TaxRate update(Tenant tenant, @PathVariable String id, @Valid @RequestBody TaxRateUpdate changes) {
        return taxRates.update(tenant, id, changes);
    }
}
