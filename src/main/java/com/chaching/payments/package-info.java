/** Payment methods and the payment gateway seam (the PaymentGateway SPI and the sandbox gateway). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customers", "accounts", "events", "platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.payments;
