/** Invoices: lines and their tax, totals, numbering, finalization, paying through the gateway, voiding. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"payments", "customers", "accounts", "catalog", "tax", "events", "platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.invoicing;
