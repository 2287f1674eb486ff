package com.chaching.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Every SQL statement a test's server runs, checked by {@link OneAccountRule} against the tables the shipped
 * distribution script distributes (issue 16): {@link StatementRecording} wraps the application's DataSource, each
 * statement's text is judged once, and every violation is kept, with where it ran, until the test's end, when
 * {@link ApiTest} asserts that there was none. A violation never fails the statement itself: the request it
 * belongs to goes on as it would on plain PostgreSQL, and the test fails after it, naming the statement.
 *
 * <p>Flyway's statements are not checked: migrations run before the tables are distributed, and on a cluster
 * Citus propagates their DDL itself.
 */
public final class RecordedStatements {

    private static final OneAccountRule RULE = new OneAccountRule(CitusDistribution.shipped().distributedTables());
    /** The verdict on each statement text seen: a test run repeats a few hundred texts many thousands of times. */
    private static final Map<String, List<String>> VERDICTS = new ConcurrentHashMap<>();

    /** Each distinct report once: a statement run by every request of a test would otherwise be listed as often. */
    private final Set<String> violations = new LinkedHashSet<>();

    /** Fails, naming each one, if a statement since the last call locked or wrote without naming one account. */
    public void assertEveryLockAndWriteNamedOneAccount() {
        List<String> found;
        synchronized (violations) {
            found = List.copyOf(violations);
            violations.clear();
        }
        assertThat(found).as("statements that lock or write without naming one account (docs/operations.md"
                + " \"Scaling past one PostgreSQL\"; Citus could not route them to one shard)").isEmpty();
    }

    /** What datasource-proxy calls with every statement, before it runs. */
    QueryExecutionListener listener() {
        return new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                for (QueryInfo query : queries) {
                    check(query.getQuery());
                }
            }

            @Override
            public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            }
        };
    }

    private void check(String sql) {
        List<String> verdict = VERDICTS.computeIfAbsent(sql, RULE::violations);
        if (verdict.isEmpty() || ranByFlyway()) {
            return;
        }
        String report = String.join("; ", verdict) + "\n    in " + caller()
                + "\n    " + sql.strip().replace("\n", "\n    ");
        synchronized (violations) {
            violations.add(report);
        }
    }

    private static boolean ranByFlyway() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName().startsWith("org.flywaydb.")));
    }

    /** Our own innermost methods on the stack (a helper such as AccountRows, then the repository or test that called it). */
    private static String caller() {
        String callers = StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> frame.getClassName().startsWith("com.chaching.")
                        && !frame.getClassName().startsWith(RecordedStatements.class.getName()))
                .limit(3)
                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber())
                .collect(Collectors.joining(" < ")));
        return callers.isEmpty() ? "(no Chaching code on the stack)" : callers;
    }
}
