package com.chaching.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Citus's rule for the statements that must run on one shard (docs/operations.md "Scaling past one PostgreSQL"):
 * a statement that locks rows ({@code FOR UPDATE}, {@code FOR NO KEY UPDATE}, {@code FOR SHARE}, {@code FOR KEY SHARE},
 * with or without {@code SKIP LOCKED}) or writes ({@code INSERT}, {@code UPDATE}, {@code DELETE}, in a CTE too) names one
 * account on every distributed table it touches: each one's {@code account_id} is equal to a parameter or a literal,
 * directly or through equalities with other columns of the same query level ({@code c.account_id = t.account_id and
 * t.account_id = ?}), and an {@code INSERT} gives a parameter or literal as the row's {@code account_id}.
 *
 * <p>Equalities are followed within one query level only, as Citus's router planner follows them: a correlated subquery
 * that says {@code r.account_id = t.account_id} of an outer {@code t} does not name an account, and Citus refuses to
 * route such a locking statement ("could not run distributed query with FOR UPDATE/SHARE commands", issue 16).
 * Tables that are not distributed (reference tables, the coordinator's own) are not checked. A statement the parser
 * cannot read is a violation: the rule cannot vouch for it.
 */
public final class OneAccountRule {

    private static final String ACCOUNT_ID = "account_id";

    private final Set<String> distributedTables;

    public OneAccountRule(Set<String> distributedTables) {
        this.distributedTables = Set.copyOf(distributedTables);
    }

    /** Why the statement would not route to one account's shard; empty when it does, or when it neither locks nor writes. */
    public List<String> violations(String sql) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException unreadable) {
            Throwable cause = unreadable.getCause() != null ? unreadable.getCause() : unreadable;
            String reason = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            return List.of("JSqlParser cannot read it (" + reason + "), so whether it names one account is unknown: write it so that"
                    + " it can (JSqlParser takes an unqualified column named number for a keyword, for one)");
        }
        if (statement instanceof Merge) {
            return List.of("MERGE is not one of the statements this rule reads; write it as INSERT … ON CONFLICT or UPDATE");
        }
        if (!(statement instanceof Select || statement instanceof Insert || statement instanceof Update || statement instanceof Delete)) {
            return List.of(); // SET, SHOW, transaction control and DDL touch no rows
        }
        Walk walk = new Walk();
        try {
            walk.getTables(statement);
        } catch (UnsupportedOperationException unwalkable) {
            return List.of("JSqlParser cannot walk it (" + unwalkable.getMessage() + "), so whether it names one account is unknown");
        }
        return walk.locksOrWrites ? walk.unscoped : List.of();
    }

    /** Visits every query level of the statement (the parser's own walk reaches subqueries, CTEs and joins). */
    private final class Walk extends TablesNamesFinder<Void> {

        boolean locksOrWrites;
        final List<String> unscoped = new ArrayList<>();

        @Override
        public <S> Void visit(PlainSelect select, S context) {
            if (select.getForMode() != null) {
                locksOrWrites = true;
            }
            Level level = new Level();
            level.from(select.getFromItem());
            level.joins(select.getJoins());
            level.equalities(select.getWhere());
            level.requireOneAccount("reads");
            return super.visit(select, context);
        }

        @Override
        public <S> Void visit(Update update, S context) {
            locksOrWrites = true;
            Level level = new Level();
            level.from(update.getTable());
            level.joins(update.getStartJoins());
            level.from(update.getFromItem());
            level.joins(update.getJoins());
            level.equalities(update.getWhere());
            level.requireOneAccount("updates or reads");
            return super.visit(update, context);
        }

        @Override
        public <S> Void visit(Delete delete, S context) {
            locksOrWrites = true;
            Level level = new Level();
            level.from(delete.getTable());
            if (delete.getUsingFromItemList() != null) {
                delete.getUsingFromItemList().forEach(level::from);
            }
            level.joins(delete.getJoins());
            level.equalities(delete.getWhere());
            level.requireOneAccount("deletes from or reads");
            return super.visit(delete, context);
        }

        @Override
        public <S> Void visit(Insert insert, S context) {
            locksOrWrites = true;
            String table = name(insert.getTable());
            if (distributedTables.contains(table)) {
                insertedAccount(insert, table);
            }
            return super.visit(insert, context);
        }

        /** The account_id an INSERT gives each row: a parameter or literal, or a column of its SELECT that names one account. */
        private void insertedAccount(Insert insert, String table) {
            int position = -1;
            List<Column> columns = insert.getColumns() == null ? List.of() : insert.getColumns();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).getColumnName().equalsIgnoreCase(ACCOUNT_ID)) {
                    position = i;
                }
            }
            if (position < 0) {
                unscoped.add("inserts into " + table + " without naming its account_id column");
                return;
            }
            if (insert.getSelect() instanceof Values values) {
                for (ExpressionList<?> row : rows(values.getExpressions())) {
                    if (!isOneAccount(row.get(position))) {
                        unscoped.add("inserts into " + table + " an account_id that is not a parameter or literal: " + row.get(position));
                    }
                }
            } else if (insert.getSelect() instanceof PlainSelect select && select.getSelectItems().size() > position) {
                SelectItem<?> item = select.getSelectItems().get(position);
                Level level = new Level();
                level.from(select.getFromItem());
                level.joins(select.getJoins());
                level.equalities(select.getWhere());
                if (!level.isOneAccount(item.getExpression())) {
                    unscoped.add("inserts into " + table + " an account_id that is not one account: " + item);
                }
            } else {
                unscoped.add("inserts into " + table + " from a query whose account_id column cannot be told: " + insert.getSelect());
            }
        }

        /** One query level: its tables by the name they are referred to, and which columns its equalities tie together. */
        private final class Level {

            private static final String ONE_ACCOUNT = "(a parameter or literal)";

            private final Map<String, String> tables = new LinkedHashMap<>();
            private final Map<String, String> parents = new HashMap<>();

            void from(FromItem item) {
                if (item instanceof Table table) {
                    String reference = table.getAlias() != null ? table.getAlias().getName() : table.getName();
                    tables.put(reference.toLowerCase(Locale.ROOT), name(table));
                }
            }

            void joins(List<Join> joins) {
                if (joins == null) {
                    return;
                }
                for (Join join : joins) {
                    from(join.getRightItem());
                    join.getOnExpressions().forEach(this::equalities);
                }
            }

            /** The conditions that hold for every row: the equalities joined by AND, never under an OR or a NOT. */
            void equalities(Expression condition) {
                if (condition instanceof AndExpression and) {
                    equalities(and.getLeftExpression());
                    equalities(and.getRightExpression());
                } else if (condition instanceof ExpressionList<?> parenthesised && parenthesised.size() == 1) {
                    equalities(parenthesised.getFirst());
                } else if (condition instanceof EqualsTo equal) {
                    String left = node(equal.getLeftExpression());
                    String right = node(equal.getRightExpression());
                    if (left != null && right != null) {
                        parents.put(root(left), root(right));
                    }
                }
            }

            boolean isOneAccount(Expression expression) {
                String node = node(expression);
                return node != null && root(node).equals(root(ONE_ACCOUNT));
            }

            void requireOneAccount(String verb) {
                tables.forEach((reference, table) -> {
                    if (distributedTables.contains(table) && !root(reference + "." + ACCOUNT_ID).equals(root(ONE_ACCOUNT))) {
                        String named = reference.equals(table) ? table : table + " (as " + reference + ")";
                        unscoped.add(verb + " " + named + " without naming one account: its account_id is not equal to a parameter"
                                + " or literal at its own query level");
                    }
                });
            }

            private String node(Expression expression) {
                if (OneAccountRule.isOneAccount(expression)) {
                    return ONE_ACCOUNT;
                }
                if (expression instanceof Column column) {
                    Table table = column.getTable();
                    String reference = table == null || table.getName() == null ? onlyTable() : table.getName().toLowerCase(Locale.ROOT);
                    return reference + "." + column.getColumnName().toLowerCase(Locale.ROOT);
                }
                return null;
            }

            /** An unqualified column belongs to the level's one distributed table, or to its one table. */
            private String onlyTable() {
                List<String> distributed = tables.entrySet().stream()
                        .filter(entry -> distributedTables.contains(entry.getValue())).map(Map.Entry::getKey).toList();
                if (distributed.size() == 1) {
                    return distributed.getFirst();
                }
                return tables.size() == 1 ? tables.keySet().iterator().next() : "(unqualified)";
            }

            private String root(String node) {
                String parent = parents.get(node);
                return parent == null ? node : root(parent);
            }
        }
    }

    private static List<ExpressionList<?>> rows(ExpressionList<?> values) {
        if (!values.isEmpty() && values.stream().allMatch(value -> value instanceof ExpressionList<?>)) {
            return values.stream().<ExpressionList<?>>map(value -> (ExpressionList<?>) value).toList();
        }
        return List.of(values);
    }

    /** A parameter ({@code ?}, {@code :name}) or a literal, cast or not: one account, whatever its value. */
    private static boolean isOneAccount(Expression expression) {
        if (expression instanceof CastExpression cast) {
            return isOneAccount(cast.getLeftExpression());
        }
        return expression instanceof JdbcParameter || expression instanceof JdbcNamedParameter
                || expression instanceof StringValue || expression instanceof LongValue;
    }

    private static String name(Table table) {
        return table.getName().toLowerCase(Locale.ROOT).replace("\"", "");
    }
}
