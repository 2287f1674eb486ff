package com.chaching.customers;

/** The customer rules more than one place checks. */
public final class CustomerRules {

    public static final String EXTERNAL_KEY = "[A-Za-z0-9._:@-]{1,255}";
    static final String EXTERNAL_KEY_MESSAGE = "must be 1 to 255 characters of A-Z, a-z, 0-9 and . _ : @ -";
    /** {@code GET /customers/search} would be shadowed by a customer with this key. */
    static final String RESERVED_KEY = "search";
    /** What a customer's id starts with; paths and references take the externalKey instead (api.md "Representation"). */
    static final String ID_PREFIX = "cus_";

    private CustomerRules() {
    }
}
