package com.chaching.platform;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The paging parameters every list takes (api.md "Lists"), and the keyset query that serves them.
 *
 * <p>Lists are ordered by each table's {@code seq} column (an identity, so later rows sort higher even
 * when a frozen test clock gives many rows the same {@code createdAt}). A page is "the rows below (or
 * above) the cursor's seq": rows inserted meanwhile land above every existing one, so paging through a
 * growing list never repeats or skips an object.
 */
public record PageRequest(
        @Parameter(description = "How many objects to return, 1 to 100.", example = "10")
        @Min(1) @Max(100) @Nullable Integer limit,
        @Parameter(description = "An object id: return the objects listed after it (older).")
        @Size(max = 255) @Nullable String startingAfter,
        @Parameter(description = "An object id: return the objects listed before it (newer).")
        @Size(max = 255) @Nullable String endingBefore) {

    public static final int DEFAULT_LIMIT = 10;

    public int size() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /**
     * The usual cursor look-up: the {@code seq} of the row of {@code table} whose {@code idColumn} is the id,
     * in the tenant's account. Table and column are the repository's constants, never input.
     */
    public static CursorLookup cursorIn(JdbcClient jdbc, Tenant tenant, String table, String idColumn) {
        String sql = "select seq from " + table + " where account_id = :accountId and " + idColumn + " = :id";
        return id -> jdbc.sql(sql).param("accountId", tenant.accountId()).param("id", id).query(Long.class).optional();
    }

    /** Finds the {@code seq} of an object of this list by its id, when it exists in the account. */
    @FunctionalInterface
    public interface CursorLookup {
        Optional<Long> seqOf(String id);
    }

    /**
     * Runs one page of a list query. {@code sql} selects the rows and ends with its {@code where}
     * conditions (using alias-free {@code seq}); this appends the keyset condition, order and limit.
     */
    public <T> Page<T> fetch(JdbcClient jdbc, String sql, Map<String, ?> params, RowMapper<T> rows, CursorLookup cursors) {
        if (startingAfter != null && endingBefore != null) {
            throw ApiProblem.invalid("endingBefore", "Send startingAfter or endingBefore, not both.");
        }
        String cursorId = startingAfter != null ? startingAfter : endingBefore;
        String cursorParam = startingAfter != null ? "startingAfter" : "endingBefore";
        Long cursor = null;
        if (cursorId != null) {
            cursor = cursors.seqOf(cursorId).orElseThrow(() -> ApiProblem.badRequest(
                    "resource_missing", cursorParam, "No such object in this list: '" + cursorId + "'."));
        }
        boolean backwards = endingBefore != null;
        String keyset = cursor == null ? "\norder by seq desc limit :pageFetch"
                : backwards ? "\nand seq > :pageCursor order by seq asc limit :pageFetch"
                : "\nand seq < :pageCursor order by seq desc limit :pageFetch";
        List<T> found = new ArrayList<>(jdbc.sql(sql + keyset)
                .params(params)
                .param("pageCursor", cursor)
                .param("pageFetch", size() + 1)
                .query(rows)
                .list());
        boolean hasMore = found.size() > size();
        if (hasMore) {
            found.removeLast();
        }
        if (backwards) {
            Collections.reverse(found);
        }
        return Page.of(found, hasMore);
    }
}
