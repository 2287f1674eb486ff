package com.chaching.events;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events")
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
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
}
