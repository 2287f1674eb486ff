package com.chaching.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing database into Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class NoDatabaseConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set CHACHING_DATABASE_URL (and CHACHING_DATABASE_USER, CHACHING_DATABASE_PASSWORD) to your PostgreSQL 15 or later, "
                        + "e.g. CHACHING_DATABASE_URL=jdbc:postgresql://db.internal:5432/chaching, or run a JAR built without "
                        + "-Pno-embedded-db to use the embedded PostgreSQL (docs/operations.md).",
                cause);
    }
}
