/** Payment methods and the payment gateway seam (the PaymentGateway SPI and the sandbox gateway). */
@org.jspecify.annotations.NullMarked
package com.chaching.payments;
