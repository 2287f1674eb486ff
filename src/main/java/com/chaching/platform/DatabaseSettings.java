package com.chaching.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives: {@code CHACHING_DATABASE_URL} (with {@code _USER} and {@code _PASSWORD}) for a
 * PostgreSQL server of your own; without it, an embedded PostgreSQL 17 keeping its files in
 * {@code CHACHING_DATA_DIR}, listening on {@code CHACHING_EMBEDDED_DB_PORT} (0: any free port).
 * {@code ephemeral} (tests) starts a throwaway embedded one instead.
 */
@ConfigurationProperties("chaching.database")
public record DatabaseSettings(
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("false") boolean ephemeral) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
