/** The dashboard for business users: server-rendered pages behind a signed-in session, calling the services below it. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"subscriptions", "invoicing", "payments", "customers", "accounts", "catalog", "tax", "events", "platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.dashboard;
