package com.chaching.invoicing;

import com.chaching.platform.Tenant;
import java.util.List;

/** Several invoices were paid together (a bill run's batch): {@link InvoicePaid} for each, told at once, in the paying transaction. */
public record InvoicesPaid(Tenant tenant, List<InvoicePaid> paid) {
}
