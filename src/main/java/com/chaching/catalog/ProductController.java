package com.chaching.catalog;

import com.chaching.platform.DeletedObject;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Products", description = "What an account sells.")
class ProductController {

    private final ProductService products;
    private final TaxCodeCatalog taxCodes;

    ProductController(ProductService products, TaxCodeCatalog taxCodes) {
        this.products = products;
        this.taxCodes = taxCodes;
    }

    @GetMapping("/products/taxCodes")
    @Operation(operationId = "listTaxCodes", summary = "List tax codes",
            description = "The tax-code catalog shipped with the service, the same for every account.")
    Page<TaxCode> taxCodes(@Valid @ParameterObject TaxCodeFilter filter, @Valid @ParameterObject PageRequest page) {
        return taxCodes.list(filter, page);
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createProduct", summary = "Create a product",
            description = "A name taken in the account (ignoring case) is a 409.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "saasPlan", summary = "A software-as-a-service plan", value = """
                    {
                      "name": "Pro plan",
                      "description": "Everything in Basic, plus priority support.",
                      "taxCode": "txcd_10103000",
                      "unitLabel": "seat",
                      "metadata": {"tier": "3"}
                    }"""))))
    Product create(Tenant tenant, @Valid @RequestBody ProductCreate request) {
        return products.create(tenant, request);
    }

    @GetMapping("/products")
    @Operation(operationId = "listProducts", summary = "List products", description = "Newest first, keyset-paginated.")
    Page<Product> list(Tenant tenant, @Valid @ParameterObject ProductFilter filter, @Valid @ParameterObject PageRequest page) {
        return products.list(tenant, filter, page);
    }

    @GetMapping("/products/{id}")
    @Operation(operationId = "retrieveProduct", summary = "Retrieve a product")
    Product get(Tenant tenant, @PathVariable String id) {
        return products.get(tenant, id);
    }

    @PatchMapping("/products/{id}")
    @Operation(operationId = "updateProduct", summary = "Update a product",
            description = "Only the fields sent change; \"\" clears a text field; metadata merges.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "newDescription", summary = "A new description and tier", value = """
                    {"description": "Everything in Basic, plus priority support and single sign-on.", "metadata": {"tier": "4"}}"""))))
    Product update(Tenant tenant, @PathVariable String id, @Valid @RequestBody ProductUpdate changes) {
        return products.update(tenant, id, changes);
    }

    @DeleteMapping("/products/{id}")
    @Operation(operationId = "deleteProduct", summary = "Delete a product", description = """
            Deletes the product and its prices for good. While any of its prices is used by a subscription or an \
            invoice this is a 409: set active: false instead.""")
    DeletedObject delete(Tenant tenant, @PathVariable String id) {
        return products.delete(tenant, id);
    }
}
