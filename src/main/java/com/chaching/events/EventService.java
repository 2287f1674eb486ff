package com.chaching.events;

import com.chaching.platform.ApiProblem;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the event log. */
@Service
public class EventService {

    private final EventRepository events;

    EventService(EventRepository events) {
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Event get(Tenant tenant, String id) {
        return events.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("event", id));
    }

    @Transactional(readOnly = true)
    public Page<Event> list(Tenant tenant, EventFilter filter, PageRequest page) {
        return events.list(tenant, filter, page);
    }
}
