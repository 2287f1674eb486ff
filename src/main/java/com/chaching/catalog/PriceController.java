package com.chaching.catalog;

import com.chaching.platform.DeletedObject;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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

    // One template per path (OpenAPI): the id here is the product's, as in POST /prices/{productId} of api.md.
    @PostMapping("/prices/{id}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPrice", summary = "Create a price for a product", description = """
            Creates a price for the product whose id (prod_…) is in the path: here the path's id is the product's, \
            not a price's. A missing product is a 404, an inactive one a 409.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "monthlyPrice", summary = "$19.99 a month, tax on top", value = """
                    {
                      "currency": "usd",
                      "unitAmount": 1999,
                      "type": "recurring",
                      "recurring": {"interval": "month", "intervalCount": 1},
                      "taxBehavior": "exclusive",
                      "nickname": "Pro monthly",
                      "lookupKey": "pro_monthly",
                      "metadata": {"plan": "pro"}
                    }"""))))
    Price create(Tenant tenant,
                 @Parameter(description = "The product (prod_…) the new price belongs to.", example = "prod_3kT9aB2cD4eF6gH8iJ0kL1mN")
                 @PathVariable("id") String productId,
                 @Valid @RequestBody PriceCreate request) {
        return prices.create(tenant, productId, request);
    }

    @GetMapping("/prices")
    @Operation(operationId = "listPrices", summary = "List prices", description = "Newest first, keyset-paginated.")
    Page<Price> list(Tenant tenant, @Valid @ParameterObject PriceFilter filter, @Valid @ParameterObject PageRequest page) {
        return prices.list(tenant, filter, page);
    }

    @GetMapping("/prices/{id}")
    @Operation(operationId = "retrievePrice", summary = "Retrieve a price")
    Price get(Tenant tenant, @PathVariable String id) {
        return prices.get(tenant, id);
    }

    @PatchMapping("/prices/{id}/active")
    @Operation(operationId = "updateActivePrice", summary = "Update an active price", description = """
            For an active price only (else 409): description, nickname and metadata may change, and active: false \
            retires it. Any other field is a 400 naming it.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "renameAndRetag", summary = "A new nickname and description; one metadata key removed", value = """
                    {"nickname": "Pro", "description": "Billed monthly", "metadata": {"plan": "", "tier": "3"}}"""))))
    Price updateActive(Tenant tenant, @PathVariable String id, @Valid @RequestBody PriceUpdate changes) {
        return prices.updateActive(tenant, id, changes);
    }

    @PatchMapping("/prices/{id}/inactive")
    @Operation(operationId = "updateInactivePrice", summary = "Update an inactive price", description = """
            For an inactive price only (else 409): every field but product may change, and active: true brings it \
            back. Changing the amount, currency, type, interval or tax behavior is a 409 while a subscription that \
            has not ended uses the price.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "repriceAndReactivate", summary = "Quarterly at $24.99, and active again", value = """
                    {
                      "unitAmount": 2499,
                      "recurring": {"interval": "month", "intervalCount": 3},
                      "lookupKey": "pro_quarterly",
                      "nickname": "Pro quarterly",
                      "active": true
                    }"""))))
    Price updateInactive(Tenant tenant, @PathVariable String id, @Valid @RequestBody PriceUpdate changes) {
        return prices.updateInactive(tenant, id, changes);
    }

    @DeleteMapping("/prices/{id}")
    @Operation(operationId = "deletePrice", summary = "Delete a price", description = """
            Deletes the price for good; a 409 while a subscription that has not ended uses it. Invoices keep their \
            own copy of what they billed, so deleting never changes an invoice.""")
    DeletedObject delete(Tenant tenant, @PathVariable String id) {
        return prices.delete(tenant, id);
    }
}
