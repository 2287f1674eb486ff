/** Invoices: lines and their tax, totals, numbering, finalization, paying through the gateway, voiding. */
@org.jspecify.annotations.NullMarked
package com.chaching.invoicing;
