package com.chaching.events;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events")
class EventController {

    private final EventService events;
    private final WebhookDeliveries deliveries;

    EventController(EventService events, WebhookDeliveries deliveries) {
        this.events = events;
        this.deliveries = deliveries;
    }

    @GetMapping("/events")
    @Operation(operationId = "listEvents", summary = "List events",
            description = "Newest first, keyset-paginated. Events are kept at least 30 days.")
    Page<Event> list(Tenant tenant, @Valid @ParameterObject EventFilter filter, @Valid @ParameterObject PageRequest page) {
        return events.list(tenant, filter, page);
    }

    @GetMapping("/events/{id}")
    @Operation(operationId = "retrieveEvent", summary = "Retrieve an event")
    Event get(Tenant tenant, @PathVariable String id) {
        return events.get(tenant, id);
    }

    @PostMapping("/events/{id}/redeliver")
    @Operation(operationId = "redeliverEvent", summary = "Send an event to an endpoint again",
            description = "One more attempt, due now, whatever came of the earlier ones.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "again", summary = "To one endpoint", value = """
                    {"endpoint": "we_1MqFb4LkdIwHu7ixbJ1sXk2w"}"""))))
    WebhookDelivery redeliver(Tenant tenant, @PathVariable String id, @Valid @RequestBody RedeliverRequest request) {
        return deliveries.redeliver(tenant, id, java.util.Objects.requireNonNull(request.endpoint()));
    }
}
