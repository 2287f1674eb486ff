package com.chaching.customers;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a delete, as Stripe gives it. */
@Schema(name = "DeletedCustomer")
record DeletedCustomer(
        String id,
        @Schema(allowableValues = "customer") String object,
        String externalKey,
        @Schema(description = "Always true.") boolean deleted) {

    static DeletedCustomer of(Customer customer) {
        return new DeletedCustomer(customer.id(), "customer", customer.externalKey(), true);
    }
}
