package com.chaching.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables the shipped distribution script ({@code db/citus/distribute.sql}) makes distributed and reference tables:
 * the one list both the statement check ({@link OneAccountRule}) and the schema checks go by.
 */
public record CitusDistribution(String script, Set<String> distributedTables, Set<String> referenceTables) {

    public static final String SCRIPT = "db/citus/distribute.sql";

    /** Tables Citus never sees: they stay plain tables on the coordinator (the script's header says why). */
    public static final Set<String> COORDINATOR_TABLES = Set.of("rate_limit_buckets", "flyway_schema_history");

    // The script's own calls, one per line as it writes them: a list of table names, not SQL to understand.
    private static final Pattern DISTRIBUTED = Pattern.compile("select create_distributed_table\\('([a-z_]+)', 'account_id'");
    private static final Pattern REFERENCE = Pattern.compile("select create_reference_table\\('([a-z_]+)'\\)");

    public static CitusDistribution shipped() {
        try (InputStream in = CitusDistribution.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new CitusDistribution(script, tables(DISTRIBUTED, script), tables(REFERENCE, script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> tables(Pattern call, String script) {
        Set<String> tables = new HashSet<>();
        Matcher matcher = call.matcher(script);
        while (matcher.find()) {
            tables.add(matcher.group(1));
        }
        return Set.copyOf(tables);
    }
}
