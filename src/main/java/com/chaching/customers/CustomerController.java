package com.chaching.customers;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    @Operation(summary = "Create a customer", description = "A taken externalKey (also a deleted customer's) is a 409.")
    Customer create(Tenant tenant, @Valid @RequestBody CustomerCreate request) {
        return customers.create(tenant, request);
    }

    @GetMapping("/customers")
    @Operation(summary = "List customers", description = "Newest first, keyset-paginated.")
    Page<Customer> list(Tenant tenant, @Valid @ParameterObject CustomerFilter filter, @Valid @ParameterObject PageRequest page) {
        return customers.list(tenant, filter, page);
    }

    @GetMapping("/customers/search")
    @Operation(summary = "Search customers", description = "Customers whose name or email contains the query, ignoring case; newest first.")
    Page<Customer> search(Tenant tenant,
                          @Parameter(description = "Text to find anywhere in the name or email, 1 to 200 characters.", required = true)
                          @RequestParam @NotBlank @Size(max = 200) String query,
                          @Valid @ParameterObject PageRequest page) {
        return customers.search(tenant, query, page);
    }

    @GetMapping("/customers/{externalKey}")
    @Operation(summary = "Retrieve a customer")
    Customer get(Tenant tenant, @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey) {
        return customers.get(tenant, externalKey);
    }

    @PatchMapping("/customers/{externalKey}")
    @Operation(summary = "Update a customer", description = """
            Only the fields sent change. "" clears a text field; address replaces the whole address ({} clears it); \
            metadata merges key by key and "" removes a key. externalKey cannot change.""")
    Customer update(Tenant tenant, @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey,
                    @Valid @RequestBody CustomerUpdate changes) {
        return customers.update(tenant, externalKey, changes);
    }

    @DeleteMapping("/customers/{externalKey}")
    @Operation(summary = "Delete a customer", description = """
            The customer is answered 404 from now on and its externalKey stays taken; invoices and transactions \
            that name it stay readable.""")
    DeletedCustomer delete(Tenant tenant, @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey) {
        return customers.delete(tenant, externalKey);
    }
}
