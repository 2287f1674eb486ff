package com.chaching.payments;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Transactions", description = "Charges, refunds and credit adjustments, and the account's balance.")
class TransactionController {

    private final TransactionService transactions;

    TransactionController(TransactionService transactions) {
        this.transactions = transactions;
    }

    @GetMapping("/transactions")
    @Operation(operationId = "listTransactions", summary = "List transactions", description = "Newest first, keyset-paginated.")
    Page<Transaction> list(Tenant tenant, @Valid @ParameterObject TransactionFilter filter, @Valid @ParameterObject PageRequest page) {
        return transactions.list(tenant, filter, page);
    }

    @GetMapping("/transactions/{id}")
    @Operation(operationId = "retrieveTransaction", summary = "Retrieve a transaction")
    Transaction get(Tenant tenant, @PathVariable String id) {
        return transactions.get(tenant, id);
    }

    @PostMapping("/transactions/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "refundTransaction", summary = "Refund a charge", description = """
            Refunds a succeeded charge, all that is left of it by default. A charge that did not succeed, or refunds \
            adding up to more than the charge, is a 409. Returns the refund transaction; its status says whether the \
            gateway refunded it (pending while the gateway's answer is unknown).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "partialRefund", summary = "$5.00 of the charge, at the customer's request", value = """
                    {"amount": 500, "reason": "requested_by_customer"}"""))))
    Transaction refund(Tenant tenant, @PathVariable String id, @Valid @RequestBody RefundRequest request) {
        return transactions.refund(tenant, id, request);
    }

    @GetMapping("/balance")
    @Operation(operationId = "retrieveBalance", summary = "Retrieve the balance", description = """
            Per currency: pending is the net of succeeded charges not yet settled (settlementDays after they \
            succeeded, on the account's clock); available is the settled net minus refunds.""")
    Balance balance(Tenant tenant) {
        return transactions.balance(tenant);
    }
}
