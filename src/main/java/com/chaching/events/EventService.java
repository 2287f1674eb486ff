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

    /**
     * A customer's events, newest first: its own customer.* events and those of everything that names it
     * (payment methods, subscriptions, invoices, transactions, refunds), by the customer's externalKey.
     */
    @Transactional(readOnly = true)
    public Page<Event> listForCustomer(Tenant tenant, String customerKey, PageRequest page) {
        return events.listForCustomer(tenant, customerKey, null, page);
    }

    /** One subscription's subscription.* events, newest first; {@code customerKey} is its customer's, which finds them fast. */
    @Transactional(readOnly = true)
    public Page<Event> listForSubscription(Tenant tenant, String customerKey, String subscriptionId, PageRequest page) {
        return events.listForCustomer(tenant, customerKey, subscriptionId, page);
    }
}
