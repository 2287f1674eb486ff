package com.chaching.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads an account's event log through {@code GET /events}, for tests that check what a change recorded. */
public final class RecordedEvents {

    private RecordedEvents() {
    }

    /** The events of this type (or {@code prefix.*}), newest first; at most 100. */
    public static List<JsonNode> ofType(Api api, String type) {
        Response page = api.get("/events?limit=100&type=" + type);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("hasMore").asBoolean()).as("more than 100 events of " + type).isFalse();
        return page.json().get("data").valueStream().toList();
    }

    /** The one event of this type; fails when there is none or more than one. */
    public static JsonNode only(Api api, String type) {
        List<JsonNode> events = ofType(api, type);
        assertThat(events).as("events of type " + type).hasSize(1);
        return events.getFirst();
    }

    /** The types of the account's events of this type or prefix, newest first. */
    public static List<String> types(Api api, String type) {
        return ofType(api, type).stream().map(event -> event.get("type").asString()).toList();
    }

    /** The resource an event carries, as its GET returned it then. */
    public static JsonNode object(JsonNode event) {
        return event.get("data").get("object");
    }

    /** The old values of what an update changed. */
    public static JsonNode previous(JsonNode event) {
        return event.get("data").get("previousAttributes");
    }
}
