package com.chaching.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as Spring Boot has read the settings: its
 * start (a second; several on a first start, with initdb) then overlaps Spring's reading of its
 * configuration instead of following it (benchmarks.md "Start-up and memory"). The DataSource's bean takes
 * the server over through {@link Handover}; if the application fails before that, the server is stopped.
 */
class EmbeddedPostgresEarlyStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEarlyStart.class);

    private @Nullable Handover handover;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        switch (event) {
            case ApplicationEnvironmentPreparedEvent prepared -> start(prepared.getEnvironment());
            case ApplicationPreparedEvent prepared when handover != null ->
                    prepared.getApplicationContext().getBeanFactory().registerSingleton("embeddedPostgresHandover", handover);
            case ApplicationFailedEvent failed when handover != null -> handover.stopUnlessTaken();
            default -> {
            }
        }
    }

    private void start(ConfigurableEnvironment environment) {
        DatabaseSettings settings = Binder.get(environment).bindOrCreate("chaching.database", DatabaseSettings.class);
        // Tests share one throwaway server per JVM, started when first asked for; nothing to gain here.
        if (!settings.embedded() || settings.ephemeral()) {
            return;
        }
        CompletableFuture<EmbeddedPostgresServer> starting = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("embedded-postgres-start").start(() -> {
            try {
                starting.complete(EmbeddedPostgresServer.startIfNeeded(settings));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        });
        handover = new Handover(settings, starting);
    }

    /** The server started early, waiting for the DataSource's bean to take it over. */
    static final class Handover {

        private final DatabaseSettings settings;
        private final CompletableFuture<EmbeddedPostgresServer> starting;
        private boolean taken;

        Handover(DatabaseSettings settings, CompletableFuture<EmbeddedPostgresServer> starting) {
            this.settings = settings;
            this.starting = starting;
        }

        /**
         * The server, once started, for the bean bound from {@code current}; if the settings changed after
         * the early start (a test's dynamic properties), the early server is stopped and the right one started.
         */
        synchronized EmbeddedPostgresServer take(DatabaseSettings current) throws IOException, SQLException {
            taken = true;
            EmbeddedPostgresServer server = await();
            if (current.equals(settings)) {
                return server;
            }
            stop(server);
            return EmbeddedPostgresServer.startIfNeeded(current);
        }

        /** Waits for the start to end, so the JVM cannot exit and leave the server running. */
        synchronized void stopUnlessTaken() {
            if (!taken) {
                taken = true;
                try {
                    stop(starting.join());
                } catch (CompletionException startFailed) {
                    // Nothing runs, and the application's own failure is the one to report.
                }
            }
        }

        private EmbeddedPostgresServer await() throws IOException, SQLException {
            try {
                return starting.join();
            } catch (CompletionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case SQLException sql -> throw sql;
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    case null, default -> throw e;
                }
            }
        }

        private static void stop(EmbeddedPostgresServer server) {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("could not stop the embedded PostgreSQL started early", e);
            }
        }
    }
}
