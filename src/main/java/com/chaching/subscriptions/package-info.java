/** Subscriptions: billing periods, proration and the subscription lifecycle (billing.md "Subscriptions"). */
@org.jspecify.annotations.NullMarked
package com.chaching.subscriptions;
