/** Subscriptions: billing periods, proration and the subscription lifecycle (billing.md "Subscriptions"). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"invoicing", "payments", "customers", "accounts", "catalog", "tax", "events", "platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.subscriptions;
