package com.chaching.subscriptions;

import com.chaching.accounts.AfterRetries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the lifecycle needs of the world beyond the subscription: the account's clock reading, time zone and
 * dunning settings, the subscription's current plan (read only when an invoice needs it) and new invoice ids.
 */
record LifecycleContext(String subscriptionId, Instant now, ZoneId zone, List<Integer> retrySchedule, AfterRetries afterRetries,
                        Supplier<Plan> plan, Supplier<String> newInvoiceId) {
}
