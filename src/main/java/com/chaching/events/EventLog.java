package com.chaching.events;

import com.chaching.platform.AccountClock;
import com.chaching.platform.Ids;
import com.chaching.platform.LivemodeProperty;
import com.chaching.platform.RequestOrigin;
import com.chaching.platform.Tenant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.List;
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
        recordAll(tenant, List.of(Recorded.update(type, before, after)));
    }

    /** One event of {@link #recordAll}: its type, the resource as its GET returns it, and for an update the resource before. */
    public record Recorded(String type, Object resource, @Nullable Object before) {

        public static Recorded of(String type, Object resource) {
            return new Recorded(type, resource, null);
        }

        public static Recorded update(String type, Object before, Object after) {
            return new Recorded(type, after, before);
        }
    }

    /** Events about several resources, in this order, recorded together (a bill run's batch records them at once). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Tenant tenant, List<Recorded> recorded) {
        List<EventRepository.NewEvent> toInsert = new ArrayList<>(recorded.size());
        for (Recorded event : recorded) {
            if (event.before() == null) {
                toInsert.add(event(tenant, event.type(), event.resource(), event.resource(), null));
                continue;
            }
            Map<String, Object> old = fields(tenant, event.before());
            Map<String, Object> now = fields(tenant, event.resource());
            Map<String, Object> previous = new LinkedHashMap<>();
            now.forEach((field, value) -> {
                if (!field.equals(UPDATED_AT) && !Objects.equals(old.get(field), value)) {
                    previous.put(field, old.get(field));
                }
            });
            if (!previous.isEmpty()) {
                toInsert.add(event(tenant, event.type(), event.resource(), now, previous));
            }
        }
        if (!toInsert.isEmpty()) {
            events.insertAll(tenant, toInsert, serverClock.instant());
        }
    }

    /**
     * The event, and an attempt due now for each endpoint that takes its type, in one statement of the
     * change's transaction: a committed event is always delivered and a rolled-back one never is.
     * Deliveries run on server time.
     */
    private void insert(Tenant tenant, String type, Object object, @Nullable Map<String, Object> previous) {
        events.insert(tenant, event(tenant, type, object, object, previous), serverClock.instant());
    }

    /** The event about {@code resource}, whose data is {@code object} (the resource, or its fields after an update). */
    private EventRepository.NewEvent event(Tenant tenant, String type, Object resource, Object object, @Nullable Map<String, Object> previous) {
        RequestOrigin origin = RequestOrigin.current();
        Event event = new Event(Ids.newId("evt"), "event", type, clocks.now(tenant), tenant.livemode(), new EventData(object, previous),
                new EventRequest(origin.id(), origin.idempotencyKey()));
        return new EventRepository.NewEvent(event, resource instanceof BelongsToCustomer owned ? owned.customerKey() : null);
    }

    /** The resource's fields in the order its JSON gives them, as a client of the account reads them. */
    private Map<String, Object> fields(Tenant tenant, Object resource) {
        return json.readValue(json.writer().withAttribute(LivemodeProperty.ATTRIBUTE, tenant.livemode()).writeValueAsBytes(resource), FIELDS);
    }
}
