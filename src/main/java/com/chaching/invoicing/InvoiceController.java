package com.chaching.invoicing;

import com.chaching.payments.Transaction;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Invoices", description = "What customers owe, and paying it.")
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @PostMapping("/invoices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createInvoice", summary = "Create a draft invoice", description = """
            1 to 250 lines, each a price or a description and unitAmount, with optional active tax rates. Totals follow \
            billing.md; the invoice stays a draft (no number) until finalized or paid.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "priceAndCustomLine", summary = "Two seats of a price, taxed, and a line of its own", value = """
                    {
                      "customer": "user-42",
                      "currency": "usd",
                      "lines": [
                        {"price": "price_7hG5fD3sA1qW9eR7tY5uI3oP", "quantity": 2, "taxRates": ["txr_1MzA9bC8dE7fG6hI5jK4lM3n"]},
                        {"description": "Onboarding session", "unitAmount": 15000}
                      ],
                      "collectionMethod": "send_invoice",
                      "daysUntilDue": 14,
                      "metadata": {"order": "1042"}
                    }"""))))
    Invoice create(Tenant tenant, @Valid @RequestBody InvoiceCreate request) {
        return invoices.create(tenant, request);
    }

    @GetMapping("/invoices")
    @Operation(operationId = "listInvoices", summary = "List invoices", description = "Newest first, keyset-paginated.")
    Page<Invoice> list(Tenant tenant, @Valid @ParameterObject InvoiceFilter filter, @Valid @ParameterObject PageRequest page) {
        return invoices.list(tenant, filter, page);
    }

    @GetMapping("/invoices/{id}")
    @Operation(operationId = "retrieveInvoice", summary = "Retrieve an invoice")
    Invoice get(Tenant tenant, @PathVariable String id) {
        return invoices.get(tenant, id);
    }

    @PostMapping("/invoices/{id}/finalize")
    @Operation(operationId = "finalizeInvoice", summary = "Finalize a draft invoice", description = """
            draft → open without charging: assigns the next number, applies the customer's credit balance and sets \
            the due date. An invoice with nothing left to pay is paid at once. Anything but a draft is a 409.""")
    Invoice finalizeInvoice(Tenant tenant, @PathVariable String id) {
        return invoices.finalizeInvoice(tenant, id);
    }

    @PutMapping("/invoices/{id}")
    @Operation(operationId = "payInvoice", summary = "Pay an invoice", description = """
            Finalizes a draft, then charges what remains: the request's paymentMethod, else the customer's default; \
            none is a 402 no_payment_method. A declined charge is a 402 with the gateway's code, and the failed \
            transaction is listed. Nothing to pay marks it paid with no charge. A paid or void invoice is a 409; a \
            payment already under way is a 409 payment_in_progress. Never charges twice. The body is optional.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "withCard", summary = "Charge this card instead of the default", value = """
                    {"paymentMethod": "pm_1NcZ8aB7cD6eF5gH4iJ3kL2m"}"""))))
    // Declaring any response stops springdoc adding the 200, so it is declared too; content = @Content keeps the
    // 402 from being given the Invoice schema (the platform describes every error as a problem).
    @ApiResponse(responseCode = "200", description = "The invoice, paid.")
    @ApiResponse(responseCode = "402", content = @Content, description = """
            No payment method to charge (no_payment_method), or the charge failed with the gateway's code \
            (card_declined, insufficient_funds, expired_card, processing_error …); the failed transaction is listed.""")
    Invoice pay(Tenant tenant, @PathVariable String id, @Valid @RequestBody(required = false) @Nullable PayRequest request) {
        return invoices.pay(tenant, id, request == null ? null : request.paymentMethod());
    }

    @DeleteMapping("/invoices/{id}")
    @Operation(operationId = "voidInvoice", summary = "Void an invoice",
            description = "A draft or open invoice becomes void; anything else is a 409.")
    Invoice voidInvoice(Tenant tenant, @PathVariable String id) {
        return invoices.voidInvoice(tenant, id);
    }

    @PostMapping("/invoices/{id}/mark-uncollectible")
    @Operation(operationId = "markInvoiceUncollectible", summary = "Mark an invoice uncollectible", description = """
            open → uncollectible: no payment is expected any more, as when dunning gives up; it can still be paid. \
            Anything but an open invoice is a 409, and so is a payment under way (payment_in_progress).""")
    Invoice markUncollectible(Tenant tenant, @PathVariable String id) {
        return invoices.markInvoiceUncollectible(tenant, id);
    }

    @GetMapping("/invoices/{id}/transactions")
    @Operation(operationId = "listInvoiceTransactions", summary = "List an invoice's transactions",
            description = "Its charges, refunds and credit adjustments, newest first.")
    Page<Transaction> transactions(Tenant tenant, @PathVariable String id, @Valid @ParameterObject PageRequest page) {
        return invoices.transactionsOf(tenant, id, page);
    }

    @GetMapping("/invoices/{id}/transactions/{transactionId}")
    @Operation(operationId = "retrieveInvoiceTransaction", summary = "Retrieve one of an invoice's transactions",
            description = "A 404 when it belongs to another invoice.")
    Transaction transaction(Tenant tenant, @PathVariable String id, @PathVariable String transactionId) {
        return invoices.transactionOf(tenant, id, transactionId);
    }
}
