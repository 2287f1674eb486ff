package com.chaching.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The API request a change is made for, as an event names it (events.md: {@code request.id} and
 * {@code request.idempotencyKey}); both null for work the engine does on its own.
 */
public record RequestOrigin(@Nullable String id, @Nullable String idempotencyKey) {

    private static final RequestOrigin NONE = new RequestOrigin(null, null);
    /** Set while this thread does the engine's own work on behalf of a request (a test-clock advance's renewals). */
    private static final ThreadLocal<Boolean> ENGINE_WORK = new ThreadLocal<>();

    /** The request this thread is serving, if any. */
    public static RequestOrigin current() {
        if (Boolean.TRUE.equals(ENGINE_WORK.get())) {
            return NONE;
        }
        String key = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            key = request.getHeader(IdempotencyFilter.KEY_HEADER);
        }
        return new RequestOrigin(MDC.get(RequestIdFilter.MDC_KEY), key);
    }

    /**
     * Runs {@code work} as the engine's own, whatever request this thread serves: the renewals a test-clock
     * advance runs are the engine's, as the scheduled workers' are, so their events name no request (while
     * the log lines keep the request's id).
     */
    public static void asEngineWork(Runnable work) {
        Boolean outer = ENGINE_WORK.get();
        ENGINE_WORK.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            if (outer == null) {
                ENGINE_WORK.remove();
            } else {
                ENGINE_WORK.set(outer);
            }
        }
    }
}
