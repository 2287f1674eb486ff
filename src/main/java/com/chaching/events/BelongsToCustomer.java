package com.chaching.events;

import org.jspecify.annotations.Nullable;

/**
 * An object whose events are its customer's: the dashboard lists a customer's events by this key (the events'
 * {@code customer_key} column, V26). The service names the customer as it writes an event, so that the database
 * does not parse each event's JSON to index it.
 */
public interface BelongsToCustomer {

    /** The customer's externalKey, as the object names its customer; null when it belongs to none. */
    @Nullable String customerKey();
}
