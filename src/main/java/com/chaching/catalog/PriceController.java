package com.chaching.catalog;

import com.chaching.platform.DeletedObject;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Prices", description = "How much a product costs, once or every interval.")
class PriceController {

    private final PriceService prices;

    PriceController(PriceService prices) {
        this.prices = prices;
    }

    @PostMapping("/prices/{productId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a price for a product", description = "A missing product is a 404, an inactive one a 409.")
    Price create(Tenant tenant, @PathVariable String productId, @Valid @RequestBody PriceCreate request) {
        return prices.create(tenant, productId, request);
    }

    @GetMapping("/prices")
    @Operation(summary = "List prices", description = "Newest first, keyset-paginated.")
    Page<Price> list(Tenant tenant, @Valid @ParameterObject PriceFilter filter, @Valid @ParameterObject PageRequest page) {
        return prices.list(tenant, filter, page);
    }

    @GetMapping("/prices/{id}")
    @Operation(summary = "Retrieve a price")
    Price get(Tenant tenant, @PathVariable String id) {
        return prices.get(tenant, id);
    }

    @PatchMapping("/prices/{id}/active")
    @Operation(summary = "Update an active price", description = """
            For an active price only (else 409): description, nickname and metadata may change, and active: false \
            retires it. Any other field is a 400 naming it.""")
    Price updateActive(Tenant tenant, @PathVariable String id, @Valid @RequestBody PriceUpdate changes) {
        return prices.updateActive(tenant, id, changes);
    }

    @PatchMapping("/prices/{id}/inactive")
    @Operation(summary = "Update an inactive price", description = """
            For an inactive price only (else 409): every field but product may change, and active: true brings it \
            back. Changing the amount, currency, type, interval or tax behavior is a 409 while a subscription that \
            has not ended uses the price.""")
    Price updateInactive(Tenant tenant, @PathVariable String id, @Valid @RequestBody PriceUpdate changes) {
        return prices.updateInactive(tenant, id, changes);
    }

    @DeleteMapping("/prices/{id}")
    @Operation(summary = "Delete a price", description = """
            Deletes the price for good; a 409 while a subscription that has not ended uses it. Invoices keep their \
            own copy of what they billed, so deleting never changes an invoice.""")
    DeletedObject delete(Tenant tenant, @PathVariable String id) {
        return prices.delete(tenant, id);
    }
}
