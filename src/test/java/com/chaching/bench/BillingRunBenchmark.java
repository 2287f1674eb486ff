package com.chaching.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.AccountClock;
import com.chaching.testing.ApiTest;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing-run benchmark (not a test: surefire runs only *Test classes; run it with bench/billing-run.sh).
 * N monthly subscriptions of one sandbox account renew at once; the engine's workers, in two engines as two
 * copies of the service would, renew them all; the run reports renewals per second and peak heap, checks that
 * every subscription renewed exactly once, and runs pgbench TPC-B on the same database for the ceiling.
 */
// The engines this benchmark runs are the only ones: the scheduled pass would renew some of the work unmeasured.
@TestPropertySource(properties = "chaching.engine.interval=PT1H")
class BillingRunBenchmark extends ApiTest {

    @Autowired
    AccountClock clocks;

    @Autowired
    TransactionTemplate inTransaction;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Test
    void renewEverySubscriptionOnce() throws Exception {
        int subscriptions = Integer.getInteger("bench.subscriptions", 100_000);
        int engines = Integer.getInteger("bench.engines", 2);
        int accounts = Integer.getInteger("bench.accounts", 1);
        List<String> accountIds = new ArrayList<>();
        Instant latestRenewal = Instant.EPOCH;
        long seeding = System.nanoTime();
        for (int a = 0; a < accounts; a++) {
            BenchAccount account = BenchAccount.open(signUp(), jdbc);
            Instant renewal = account.opened.plusSeconds(31L * 86_400);
            // The subscriptions spread evenly over the accounts; the first takes what does not divide.
            int count = subscriptions / accounts + (a == 0 ? subscriptions % accounts : 0);
            account.customers(count, true);
            account.subscriptionsRenewingAt(count, renewal);
            account.firstInvoicesPaid(count, renewal);
            // Each account's clock passes its renewal without running the work: the engines find it due.
            inTransaction.executeWithoutResult(status -> clocks.advance(account.tenant, renewal.plusSeconds(1)));
            accountIds.add(account.tenant.accountId());
            latestRenewal = renewal.isAfter(latestRenewal) ? renewal : latestRenewal;
        }
        jdbc.sql("analyze").update();
        long seededCharges = sandboxCharges(accountIds);
        System.out.printf("seeded %d subscriptions in %d accounts in %.1f s%n", subscriptions, accounts, (System.nanoTime() - seeding) / 1e9);

        jdbc.sql("create extension if not exists pg_stat_statements").update();
        jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        resetPeakHeap();
        Object engine = context.getBean("subscriptionEngine");
        var run = engine.getClass().getDeclaredMethod("runDueWorkEverywhere");
        run.setAccessible(true);
        long[] cpuBefore = machineCpu();
        long jvmCpuBefore = jvmCpuNanos();
        long began = System.nanoTime();
        int total = 0;
        while (true) {
            List<CompletableFuture<Integer>> passes = new ArrayList<>();
            for (int i = 0; i < engines; i++) {
                passes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return (Integer) run.invoke(engine);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            int ran = passes.stream().mapToInt(CompletableFuture::join).sum();
            total += ran;
            if (ran == 0 && jdbc.sql("select count(*) from subscriptions where account_id in (:a) and next_work_at <= :t")
                    .param("a", accountIds).param("t", java.sql.Timestamp.from(latestRenewal.plusSeconds(1))).query(Long.class).single() == 0) {
                break;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long[] cpuAfter = machineCpu();
        long jvmCpu = jvmCpuNanos() - jvmCpuBefore;
        // Where the database's time went during the run (pg_stat_statements, preloaded in the tests' PostgreSQL).
        String statements = String.join("\n", jdbc.sql("""
                        select round(total_exec_time)::bigint, calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
                          from pg_stat_statements order by total_exec_time desc limit 12
                        """).query((rs, i) -> "statement %7d ms %7d calls | %s".formatted(rs.getLong(1), rs.getLong(2), rs.getString(3))).list());
        long renewed = jdbc.sql("""
                        select count(*) from invoices where account_id in (:a) and billing_reason = 'subscription_cycle' and status = 'paid'
                        """).param("a", accountIds).query(Long.class).single();
        long twice = jdbc.sql("""
                        select count(*) from (select subscription_id from invoices where account_id in (:a) and billing_reason = 'subscription_cycle'
                         group by account_id, subscription_id having count(*) > 1) t
                        """).param("a", accountIds).query(Long.class).single();
        // The renewals' charges: those the sandbox records beyond the seeded first invoices'.
        long charges = sandboxCharges(accountIds) - seededCharges;
        // What the run wrote to the event log: each event's whole object is a large part of the run's writes.
        String events = String.join(", ", jdbc.sql("""
                        select type, count(*), round(avg(octet_length(data::text))), round(avg(pg_column_size(data)))
                          from events where account_id in (:a) and created_at > :t group by type order by count(*) desc
                        """).param("a", accountIds).param("t", java.sql.Timestamp.from(latestRenewal.minusSeconds(1)))
                .query((rs, i) -> "%s %d × %d B (stored %d B)".formatted(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list());
        String pgbench = pgbenchTpcB();
        String report = """
                subscriptions: %d in %d accounts, engines: %d, workers each: %s, batch: %s
                renewed and paid: %d in %.1f s = %.0f renewals/s (steps run: %d)
                renewed twice: %d; gateway charges: %d
                peak heap: %d MB (max %d MB)
                machine CPU: %s
                events: %s
                pgbench TPC-B on the same PostgreSQL: %s
                %s
                """.formatted(subscriptions, accounts, engines, System.getProperty("chaching.engine.workers", "4"),
                System.getProperty("chaching.engine.batch-size", "200"), renewed, seconds, renewed / seconds, total, twice, charges,
                peakHeapMb(), Runtime.getRuntime().maxMemory() / (1024 * 1024), cpuPerRenewal(cpuBefore, cpuAfter, jvmCpu, renewed), events, pgbench, statements);
        System.out.println(report);
        Path results = Path.of("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("billing-run-" + System.currentTimeMillis() + ".txt"), report, StandardCharsets.UTF_8);
        assertThat(renewed).isEqualTo(subscriptions);
        assertThat(twice).isZero();
        assertThat(charges).isEqualTo(subscriptions);
    }

    private long sandboxCharges(List<String> accountIds) {
        return jdbc.sql("select count(*) from sandbox_charges where account_id in (:a)").param("a", accountIds).query(Long.class).single();
    }

    /** pgbench -i then a 30-second TPC-B run with 8 clients on the same embedded PostgreSQL, or why it did not run. */
    private String pgbenchTpcB() throws IOException, InterruptedException, SQLException {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        URI uri = URI.create(url.substring("jdbc:".length()));
        List<String> connection = List.of("-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", "postgres");
        try {
            run(concat(List.of("psql"), connection, List.of("-d", "postgres", "-c", "create database pgbench")));
            run(concat(List.of("pgbench", "-i", "-q", "-s", "10"), connection, List.of("pgbench")));
            String out = run(concat(List.of("pgbench", "-c", "8", "-j", "2", "-T", "30"), connection, List.of("pgbench")));
            return out.lines().filter(line -> line.startsWith("tps")).findFirst().orElse("no tps line: " + out);
        } catch (IOException notInstalled) {
            return "not run (" + notInstalled.getMessage() + ")";
        }
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /**
     * The machine's busy and total CPU time so far, in clock ticks (/proc/stat's first line), or nothing off Linux:
     * CPU per renewal is steadier than renewals per second on a machine whose speed varies from day to day, and
     * busy below 100 % says the run waits on something other than the processors.
     */
    private static long[] machineCpu() throws IOException {
        Path stat = Path.of("/proc/stat");
        if (!Files.isReadable(stat)) {
            return new long[0];
        }
        String[] fields = Files.readAllLines(stat).getFirst().trim().split("\\s+");
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        long total = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {total - idle, total};
    }

    /** This JVM's CPU time: the service's share of the machine's (the rest is PostgreSQL's, mostly). */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String cpuPerRenewal(long[] before, long[] after, long jvmCpuNanos, long renewed) {
        if (before.length == 0 || renewed == 0) {
            return "not measured (no /proc/stat)";
        }
        long busy = after[0] - before[0];
        long total = after[1] - before[1];
        // Clock ticks are 1/100 s on Linux (USER_HZ).
        return "%.0f µs busy per renewal (the service's JVM %.0f µs), machine %.0f %% busy"
                .formatted(busy * 10_000.0 / renewed, jvmCpuNanos / 1_000.0 / renewed, 100.0 * busy / total);
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
