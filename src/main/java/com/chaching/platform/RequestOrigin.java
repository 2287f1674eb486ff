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

    /** The request this thread is serving, if any. */
    public static RequestOrigin current() {
        String key = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            key = request.getHeader(IdempotencyFilter.KEY_HEADER);
        }
        return new RequestOrigin(MDC.get(RequestIdFilter.MDC_KEY), key);
    }
}
