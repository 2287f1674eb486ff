/** What every module stands on: money, ids, the account clock, errors, pagination, idempotency, API-key auth, JSON, the database. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package com.chaching.platform;
