package com.chaching.platform;

/** No database URL is set, and this JAR cannot run an embedded PostgreSQL in its place. */
final class NoDatabaseConfiguredException extends IllegalStateException {

    NoDatabaseConfiguredException(String why) {
        super("No database is configured: set CHACHING_DATABASE_URL, because " + why + ".");
    }

    NoDatabaseConfiguredException(String why, Throwable cause) {
        super("No database is configured: set CHACHING_DATABASE_URL, because " + why + ".", cause);
    }
}
