package com.chaching.customers;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers", description = "The people and companies an account bills, addressed by their externalKey.")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PostMapping("/customers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCustomer", summary = "Create a customer",
            description = "A taken externalKey (also a deleted customer's) is a 409.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "customerWithAddress", summary = "A customer with an address", value = """
                    {
                      "externalKey": "user-42",
                      "name": "Jenny Rosen",
                      "email": "jenny.rosen@example.com",
                      "phone": "+1 415 555 0100",
                      "address": {"line1": "510 Townsend St", "city": "San Francisco", "state": "CA", "postalCode": "94103", "country": "US"},
                      "metadata": {"crmId": "A-1042"}
                    }"""))))
    Customer create(Tenant tenant, @Valid @RequestBody CustomerCreate request) {
        return customers.create(tenant, request);
    }

    @GetMapping("/customers")
    @Operation(operationId = "listCustomers", summary = "List customers", description = "Newest first, keyset-paginated.")
    Page<Customer> list(Tenant tenant, @Valid @ParameterObject CustomerFilter filter, @Valid @ParameterObject PageRequest page) {
        return customers.list(tenant, filter, page);
    }

    @GetMapping("/customers/search")
    @Operation(operationId = "searchCustomers", summary = "Search customers",
            description = "Customers whose name or email contains the query, ignoring case; newest first.")
    Page<Customer> search(Tenant tenant,
                          @Parameter(description = "Text to find anywhere in the name or email, 1 to 200 characters.", required = true)
                          @RequestParam @NotBlank @Size(max = 200) String query,
                          @Valid @ParameterObject PageRequest page) {
        return customers.search(tenant, query, page);
    }

    @GetMapping("/customers/{externalKey}")
    @Operation(operationId = "retrieveCustomer", summary = "Retrieve a customer")
    Customer get(Tenant tenant, @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey) {
        return customers.get(tenant, externalKey);
    }

    @PatchMapping("/customers/{externalKey}")
    @Operation(operationId = "updateCustomer", summary = "Update a customer", description = """
            Only the fields sent change. "" clears a text field; address replaces the whole address ({} clears it); \
            metadata merges key by key and "" removes a key. externalKey cannot change.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "newEmailAndDefaultCard", summary = "A new email and default card; one metadata key removed", value = """
                    {
                      "email": "jenny@rosen.example",
                      "defaultPaymentMethod": "pm_1NcZ8aB7cD6eF5gH4iJ3kL2m",
                      "metadata": {"crmId": "", "plan": "team"}
                    }"""))))
    Customer update(Tenant tenant, @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey,
                    @Valid @RequestBody CustomerUpdate changes) {
        return customers.update(tenant, externalKey, changes);
    }

    @DeleteMapping("/customers/{externalKey}")
    @Operation(operationId = "deleteCustomer", summary = "Delete a customer", description = """
            The customer is answered 404 from now on and its externalKey stays taken; invoices and transactions \
            that name it stay readable.""")
    DeletedCustomer delete(Tenant tenant, @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey) {
        return customers.delete(tenant, externalKey);
    }
}
