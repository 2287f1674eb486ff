/** Customers: the people and companies an account bills, addressed by their external key. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "events", "platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.customers;
