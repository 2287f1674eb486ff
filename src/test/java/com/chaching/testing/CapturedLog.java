package com.chaching.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * What one logger writes while a test provokes it on purpose (a failing request, a hostile header), kept
 * for the test to assert instead of printed: a passing build then shows no error that nobody checked, and
 * a test still fails when the server stops logging what an operator needs. The logger's lines go here
 * only, not to the console, until {@link #close()} restores it; every other logger is untouched.
 *
 * <pre>{@code
 * try (CapturedLog log = CapturedLog.of(ApiExceptionHandler.class)) {
 *     Response response = api.post("/test-only/failure", Map.of());
 *     assertThat(log.events()).singleElement()...
 * }
 * }</pre>
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final boolean wasAdditive;
    private final Recorder recorder = new Recorder();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        this.wasAdditive = logger.isAdditive();
        recorder.setContext(logger.getLoggerContext());
        recorder.start();
        logger.addAppender(recorder);
        // Not additive: the lines stop here instead of also reaching the console appender of the root logger.
        logger.setAdditive(false);
    }

    /** Captures the logger named after this class, as {@code LoggerFactory.getLogger(type)} names it. */
    public static CapturedLog of(Class<?> type) {
        return of(type.getName());
    }

    /** Captures the logger with this name (and its children that have no appender of their own). */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog((Logger) LoggerFactory.getLogger(loggerName));
    }

    /** What was logged so far, oldest first. */
    public List<ILoggingEvent> events() {
        return List.copyOf(recorder.events);
    }

    /** The {@code Request-Id} the server logged the event under (RequestIdFilter puts it in the MDC). */
    public static String requestId(ILoggingEvent event) {
        return event.getMDCPropertyMap().get("requestId");
    }

    @Override
    public void close() {
        logger.setAdditive(wasAdditive);
        logger.detachAppender(recorder);
        recorder.stop();
    }

    /** Keeps events in a list that the server's threads write and the test's thread reads. */
    private static final class Recorder extends AppenderBase<ILoggingEvent> {

        private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            // Fixes the MDC and message now, on the logging thread, before the request's MDC is cleared.
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }
}
