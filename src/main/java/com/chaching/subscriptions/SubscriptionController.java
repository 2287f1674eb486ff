package com.chaching.subscriptions;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Subscriptions", description = "Recurring billing of a customer for a set of prices.")
class SubscriptionController {

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSubscription", summary = "Create a subscription", description = """
            Invoices the first period (or a zero trial invoice) and charges it at once. Paid → active; a failed \
            payment → incomplete, with the open invoice (still 201: the status says); unpaid within 23 hours → \
            incomplete_expired.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "fiveSeatsWithTrial", summary = "Five seats of a monthly price, after a 14-day trial", value = """
                    {
                      "customer": "user-42",
                      "items": [{"price": "price_7hG5fD3sA1qW9eR7tY5uI3oP", "quantity": 5}],
                      "trialPeriodDays": 14,
                      "defaultPaymentMethod": "pm_1NcZ8aB7cD6eF5gH4iJ3kL2m",
                      "taxRates": ["txr_1MzA9bC8dE7fG6hI5jK4lM3n"],
                      "metadata": {"order": "1042"}
                    }"""))))
    Subscription create(Tenant tenant, @Valid @RequestBody SubscriptionCreate request) {
        return subscriptions.create(tenant, request);
    }

    @GetMapping("/subscriptions")
    @Operation(operationId = "listSubscriptions", summary = "List subscriptions", description = "Newest first, keyset-paginated.")
    Page<Subscription> list(Tenant tenant, @Valid @ParameterObject SubscriptionFilter filter, @Valid @ParameterObject PageRequest page) {
        return subscriptions.list(tenant, filter, page);
    }

    @GetMapping("/subscriptions/{id}")
    @Operation(operationId = "retrieveSubscription", summary = "Retrieve a subscription")
    Subscription get(Tenant tenant, @PathVariable String id) {
        return subscriptions.get(tenant, id);
    }

    @PatchMapping("/subscriptions/{id}")
    @Operation(operationId = "updateSubscription", summary = "Update a subscription", description = """
            Items, prorationBehavior, defaultPaymentMethod, taxRates, cancelAtPeriodEnd, metadata. A canceled or \
            incomplete_expired subscription is a 409; so is an incomplete one for anything but defaultPaymentMethod and \
            metadata, a paused one for items, and a past_due or unpaid one for a change that invoices at once \
            (always_invoice, or a new interval).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "upgrade", summary = "Swap an item for another price, prorated", value = """
                    {
                      "items": [
                        {"id": "si_4rT5yU6iO7pA8sD9fG0hJ1kL", "deleted": true},
                        {"price": "price_UU30Y7mWN7FTW57O9s3OjvWD", "quantity": 5}
                      ],
                      "prorationBehavior": "create_prorations"
                    }"""))))
    Subscription update(Tenant tenant, @PathVariable String id, @Valid @RequestBody SubscriptionUpdate changes) {
        return subscriptions.update(tenant, id, changes);
    }

    @DeleteMapping("/subscriptions/{id}")
    @Operation(operationId = "cancelSubscription", summary = "Cancel a subscription", description = """
            Now by default: canceled, no more invoices or retries. prorate=true credits the unused time of a paid \
            period; invoiceNow=true puts that credit and any pending prorations on a final invoice made at once \
            (invoiceNow defaults to prorate's value; prorate=true with invoiceNow=false is a 400). With \
            atPeriodEnd=true it stays as it is until the period's end, then ends with no renewal (prorate and \
            invoiceNow are then a 400). An incomplete subscription can only be canceled now; a canceled one is a 409.""")
    Subscription cancel(Tenant tenant, @PathVariable String id,
                        @Parameter(description = "Cancel at the end of the current period instead of now.")
                        @RequestParam(defaultValue = "false") boolean atPeriodEnd,
                        @Parameter(description = "Credit the unused time of the current, paid period (default false).")
                        @RequestParam(required = false) @Nullable Boolean prorate,
                        @Parameter(description = "Make a final invoice now of the credit and the pending prorations (default: prorate's value).")
                        @RequestParam(required = false) @Nullable Boolean invoiceNow) {
        return subscriptions.cancel(tenant, id, atPeriodEnd, prorate, invoiceNow);
    }

    @PostMapping("/subscriptions/{id}/pause")
    @Operation(operationId = "pauseSubscription", summary = "Pause a subscription", description = """
            active, trialing or past_due → paused: no invoices, no retries. A paused one is a 409. The body is optional: \
            without resumesAt the subscription waits for resume.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "untilJanuary", summary = "Resume by itself on 1 January", value = """
                    {"resumesAt": "2027-01-01T00:00:00Z"}"""))))
    Subscription pause(Tenant tenant, @PathVariable String id, @Valid @RequestBody(required = false) @Nullable PauseRequest request) {
        return subscriptions.pause(tenant, id, request == null ? new PauseRequest(null) : request);
    }

    @PostMapping("/subscriptions/{id}/resume")
    @Operation(operationId = "resumeSubscription", summary = "Resume a subscription", description = """
            paused → the status it had; the period end (and trial end) move forward by the time spent paused. An \
            unpaused one is a 409.""")
    Subscription resume(Tenant tenant, @PathVariable String id) {
        return subscriptions.resume(tenant, id);
    }
}
