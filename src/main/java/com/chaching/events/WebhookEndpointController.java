package com.chaching.events;

import com.chaching.platform.DeletedObject;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhook endpoints", description = "Where events are delivered, signed (events.md).")
class WebhookEndpointController {

    private final WebhookEndpointService endpoints;
    private final WebhookDeliveries deliveries;

    WebhookEndpointController(WebhookEndpointService endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @PostMapping("/webhook-endpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            description = "The answer holds the signing secret; no later read shows it again.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "billing", summary = "Paid invoices and every subscription change", value = """
                    {
                      "url": "https://example.com/chaching/webhooks",
                      "enabledEvents": ["invoice.paid", "subscription.*"],
                      "description": "Billing system",
                      "metadata": {"team": "billing"}
                    }"""))))
    WebhookEndpoint create(Tenant tenant, @Valid @RequestBody WebhookEndpointCreate request) {
        return endpoints.create(tenant, request);
    }

    @GetMapping("/webhook-endpoints")
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints", description = "Newest first, keyset-paginated.")
    Page<WebhookEndpoint> list(Tenant tenant, @Valid @ParameterObject PageRequest page) {
        return endpoints.list(tenant, page);
    }

    @GetMapping("/webhook-endpoints/{id}")
    @Operation(operationId = "retrieveWebhookEndpoint", summary = "Retrieve a webhook endpoint")
    WebhookEndpoint get(Tenant tenant, @PathVariable String id) {
        return endpoints.get(tenant, id);
    }

    @PatchMapping("/webhook-endpoints/{id}")
    @Operation(operationId = "updateWebhookEndpoint", summary = "Update a webhook endpoint",
            description = "Only the fields sent change; \"\" clears the description; metadata merges.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "pause", summary = "Stop deliveries for a while", value = """
                    {"status": "disabled"}"""))))
    WebhookEndpoint update(Tenant tenant, @PathVariable String id, @Valid @RequestBody WebhookEndpointUpdate changes) {
        return endpoints.update(tenant, id, changes);
    }

    @DeleteMapping("/webhook-endpoints/{id}")
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint")
    DeletedObject delete(Tenant tenant, @PathVariable String id) {
        return endpoints.delete(tenant, id);
    }

    @PostMapping("/webhook-endpoints/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookEndpointSecret", summary = "Rotate the signing secret",
            description = "The answer holds the new secret. The old one signs beside it for 24 hours (two v1 signatures).")
    WebhookEndpoint rotateSecret(Tenant tenant, @PathVariable String id) {
        return endpoints.rotateSecret(tenant, id);
    }

    @GetMapping("/webhook-endpoints/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List an endpoint's delivery attempts",
            description = "Newest first, keyset-paginated; a pending attempt is one still to be made.")
    Page<WebhookDelivery> deliveries(Tenant tenant, @PathVariable String id, @Valid @ParameterObject PageRequest page) {
        return deliveries.list(tenant, id, page);
    }
}
