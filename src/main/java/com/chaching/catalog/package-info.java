/** The catalog: products, their prices, and the tax-code catalog shipped with the service. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tax", "events", "platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.catalog;
