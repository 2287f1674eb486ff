/** Customers: the people and companies an account bills, addressed by their external key. */
@org.jspecify.annotations.NullMarked
package com.chaching.customers;
