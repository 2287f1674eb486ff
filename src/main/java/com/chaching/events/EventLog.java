package com.chaching.events;

import com.chaching.platform.AccountClock;
import com.chaching.platform.Ids;
import com.chaching.platform.LivemodeProperty;
import com.chaching.platform.RequestOrigin;
import com.chaching.platform.Tenant;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what a change did, in the change's own transaction (events.md: an event exists if and only if
 * its change committed). {@link Propagation#MANDATORY} makes a call outside a transaction an error rather
 * than an event that a rollback would not take back.
 */
@Service
public class EventLog {

    /** Every resource has it, and it changes with every update: no news in itself. */
    private static final String UPDATED_AT = "updatedAt";
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final EventRepository events;
    private final AccountClock clocks;
    private final Clock serverClock;
    private final JsonMapper json;

    EventLog(EventRepository events, AccountClock clocks, Clock serverClock, JsonMapper json) {
        this.events = events;
        this.clocks = clocks;
        this.serverClock = serverClock;
        this.json = json;
    }

    /** An event about {@code resource}, the API record its GET returns. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Tenant tenant, String type, Object resource) {
        insert(tenant, type, resource, null);
    }

    /**
     * A {@code *.updated} event: the resource after, with the old values of the fields that changed. When
     * nothing but {@code updatedAt} changed, there is no event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordUpdate(Tenant tenant, String type, Object before, Object after) {
        Map<String, Object> old = fields(tenant, before);
        Map<String, Object> now = fields(tenant, after);
        Map<String, Object> previous = new LinkedHashMap<>();
        now.forEach((field, value) -> {
            if (!field.equals(UPDATED_AT) && !Objects.equals(old.get(field), value)) {
                previous.put(field, old.get(field));
            }
        });
        if (!previous.isEmpty()) {
            insert(tenant, type, now, previous);
        }
    }

    /**
     * The event, and an attempt due now for each endpoint that takes its type, in one statement of the
     * change's transaction: a committed event is always delivered and a rolled-back one never is.
     * Deliveries run on server time.
     */
    private void insert(Tenant tenant, String type, Object object, @Nullable Map<String, Object> previous) {
        RequestOrigin origin = RequestOrigin.current();
        events.insert(tenant, new Event(Ids.newId("evt"), "event", type, clocks.now(tenant), tenant.livemode(),
                new EventData(object, previous), new EventRequest(origin.id(), origin.idempotencyKey())), serverClock.instant());
    }

    /** The resource's fields in the order its JSON gives them, as a client of the account reads them. */
    private Map<String, Object> fields(Tenant tenant, Object resource) {
        return json.readValue(json.writer().withAttribute(LivemodeProperty.ATTRIBUTE, tenant.livemode()).writeValueAsBytes(resource), FIELDS);
    }
}
