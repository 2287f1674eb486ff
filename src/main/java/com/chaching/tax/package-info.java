/** Tax rates and the tax calculation of billing.md "Tax": how much tax a line carries, to the minor unit. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"events", "platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.tax;
