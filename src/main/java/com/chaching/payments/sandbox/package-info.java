/** The sandbox gateway: real code that behaves like a card network by test card number, with its own tables. */
@org.jspecify.annotations.NullMarked
package com.chaching.payments.sandbox;
