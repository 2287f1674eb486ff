package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.ApiTest;
import com.chaching.testing.CitusDistribution;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The shipped distribution script (db/citus/distribute.sql, docs/operations.md "Scaling past one PostgreSQL"), run on
 * plain PostgreSQL: a database migrated as the service migrates it, Citus's two functions replaced by stand-ins that
 * refuse what Citus refuses when the script calls them (citus/stand-in.sql), then the schema checked as Citus would
 * need it. Citus cannot be installed here; what only a cluster can tell is left to a run on one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitusDistributionScriptTest extends ApiTest {

    private static final CitusDistribution SHIPPED = CitusDistribution.shipped();

    @Autowired
    DataSource serviceDataSource;

    private final String database = "citus_script_" + System.nanoTime();
    private JdbcClient distributed;
    private Set<String> foreignKeysBefore;

    @BeforeAll
    void migrateAFreshDatabaseAndRunTheScript() throws SQLException, IOException {
        jdbc.sql("create database " + database).update();
        HikariDataSource service = serviceDataSource.unwrap(HikariDataSource.class);
        DriverManagerDataSource fresh = new DriverManagerDataSource(
                service.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"), service.getUsername(), service.getPassword());
        Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load().migrate();
        distributed = JdbcClient.create(fresh);
        foreignKeysBefore = foreignKeys();
        try (Connection connection = fresh.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(resource("citus/stand-in.sql"));
            statement.execute("set search_path = public, citus_stand_in");
            statement.execute(SHIPPED.script());
        }
    }

    @AfterAll
    void dropTheDatabase() {
        jdbc.sql("drop database if exists " + database).update();
    }

    @Test
    void theScriptMakesEachTableWhatItSays() {
        Map<String, String> kinds = distributed.sql("select relid::text as name, kind from citus_stand_in.citus_tables")
                .query((rs, row) -> Map.entry(rs.getString("name"), rs.getString("kind"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(kinds).hasSize(SHIPPED.distributedTables().size() + SHIPPED.referenceTables().size());
        SHIPPED.distributedTables().forEach(table -> assertThat(kinds).containsEntry(table, "distributed"));
        SHIPPED.referenceTables().forEach(table -> assertThat(kinds).containsEntry(table, "reference"));
        assertThat(SHIPPED.referenceTables()).containsExactlyInAnyOrder("accounts", "api_keys", "tax_codes");
    }

    @Test
    void everyTableTheMigrationsCreateIsDistributedAReferenceTableOrLeftOnTheCoordinator() {
        Set<String> tables = new HashSet<>(distributed.sql("select tablename from pg_tables where schemaname = 'public'")
                .query(String.class).list());
        Set<String> named = new HashSet<>(SHIPPED.distributedTables());
        named.addAll(SHIPPED.referenceTables());
        named.addAll(CitusDistribution.COORDINATOR_TABLES);

        assertThat(named).as("tables the script or CitusDistribution names").containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void everyUniqueIndexOfADistributedTableHoldsAccountId() {
        List<String> withoutAccount = distributed.sql("""
                        select i.indexrelid::regclass::text
                          from pg_index i
                          join pg_attribute a on a.attrelid = i.indrelid and a.attname = 'account_id'
                         where i.indisunique and i.indrelid::regclass::text in (:tables) and not a.attnum = any (i.indkey)
                        """).param("tables", SHIPPED.distributedTables()).query(String.class).list();

        assertThat(withoutAccount).isEmpty();
    }

    @Test
    void everyForeignKeyIsOneCitusKeepsAndTheScriptPutBackThoseItDropped() {
        List<String> refused = distributed.sql("""
                        select c.conname || ' (' || c.conrelid::regclass || ' ' || coalesce(f.kind, 'plain') || ' -> '
                               || c.confrelid::regclass || ' ' || coalesce(t.kind, 'plain') || ')'
                          from pg_constraint c
                          left join citus_stand_in.citus_tables f on f.relid = c.conrelid
                          left join citus_stand_in.citus_tables t on t.relid = c.confrelid
                         where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                           and not (f.kind = 'distributed' and t.kind = 'reference')
                           and not (f.kind = 'reference' and t.kind = 'reference')
                           and not (f.kind = 'distributed' and t.kind = 'distributed'
                                    and array_position(c.conkey, (select attnum from pg_attribute
                                                                   where attrelid = c.conrelid and attname = 'account_id'))
                                        = array_position(c.confkey, (select attnum from pg_attribute
                                                                      where attrelid = c.confrelid and attname = 'account_id')))
                        """).query(String.class).list();

        assertThat(refused).as("keys Citus refuses: from a reference table to a distributed one, with a plain table,"
                + " or between distributed tables but not on account_id").isEmpty();
        assertThat(foreignKeys()).isEqualTo(foreignKeysBefore);
    }

    private Set<String> foreignKeys() {
        return Set.copyOf(distributed.sql("""
                        select conrelid::regclass || ' ' || pg_get_constraintdef(oid) from pg_constraint
                         where contype = 'f' and connamespace = 'public'::regnamespace
                        """).query(String.class).list());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CitusDistributionScriptTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
