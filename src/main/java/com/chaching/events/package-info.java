/**
 * The event log (events.md): every change recorded as an event in the change's own transaction, read back
 * through {@code GET /events}. It stands beside platform so that every module can record its changes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.events;
