package com.chaching.customers;

import com.chaching.platform.DirectRead;
import com.chaching.platform.Tenant;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** {@code GET /customers/{externalKey}} ({@link CustomerController#get}), answered by the platform's direct path. */
@Component
class CustomerDirectRead implements DirectRead {

    private static final Pattern KEY = Pattern.compile(CustomerRules.EXTERNAL_KEY);

    private final CustomerService customers;

    CustomerDirectRead(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public String pathPattern() {
        return "/customers/{externalKey}";
    }

    @Override
    public Pattern keyShape() {
        return KEY;
    }

    @Override
    public Set<String> otherEndpoints() {
        return Set.of(CustomerRules.RESERVED_KEY);
    }

    @Override
    public Customer read(Tenant tenant, String externalKey) {
        return customers.get(tenant, externalKey);
    }
}
