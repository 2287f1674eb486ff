package com.chaching.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: the configured PostgreSQL server, or the embedded one (architecture.md "Stack").
 * Pool settings bind from {@code spring.datasource.hikari.*} as in any Spring Boot application.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Usually started already, while the context was being read (see {@link EmbeddedPostgresEarlyStart}). */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseSettings settings,
            ObjectProvider<EmbeddedPostgresEarlyStart.Handover> startedEarly) throws IOException, SQLException {
        EmbeddedPostgresEarlyStart.Handover handover = startedEarly.getIfAvailable();
        return handover != null ? handover.take(settings) : EmbeddedPostgresServer.startIfNeeded(settings);
    }

    /** Depends on the embedded server, so the context closes the pool before it stops the server. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseSettings settings, EmbeddedPostgresServer embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        if (embedded.running()) {
            dataSource.setJdbcUrl(embedded.jdbcUrl());
            dataSource.setUsername(EmbeddedPostgresServer.USER);
        } else {
            dataSource.setJdbcUrl(settings.url());
            dataSource.setUsername(settings.user());
            dataSource.setPassword(settings.password());
        }
        return dataSource;
    }
}
