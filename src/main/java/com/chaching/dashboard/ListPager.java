package com.chaching.dashboard;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Newer and Older links of a keyset-paged list, as the API pages it: the cursor (the first or last id
 * shown) goes in the address, so every page of a list can be bookmarked. Read backwards ({@code endingBefore}),
 * {@code hasMore} speaks of newer objects; read forwards, of older ones.
 *
 * @param newerHref the link to the page before this one, or null on the first
 * @param olderHref the link to the page after this one, or null on the last
 */
record ListPager(@Nullable String newerHref, @Nullable String olderHref) {

    static final ListPager NONE = new ListPager(null, null);

    /**
     * The links of {@code page}, read with {@code request}. {@code address} is the list's path with its filters
     * (copied, never changed); the cursors are added as {@code startingAfter}/{@code endingBefore}, or under
     * {@code prefix} + {@code StartingAfter}… when one page holds two lists.
     */
    static <T> ListPager of(Page<T> page, PageRequest request, Function<T, String> id, UriComponentsBuilder address,
                            String prefix) {
        if (page.data().isEmpty()) {
            return NONE;
        }
        boolean backwards = request.endingBefore() != null;
        boolean older = backwards || page.hasMore();
        boolean newer = backwards ? page.hasMore() : request.startingAfter() != null;
        return new ListPager(
                newer ? link(address, name(prefix, "endingBefore"), id.apply(page.data().getFirst())) : null,
                older ? link(address, name(prefix, "startingAfter"), id.apply(page.data().getLast())) : null);
    }

    static <T> ListPager of(Page<T> page, PageRequest request, Function<T, String> id, UriComponentsBuilder address) {
        return of(page, request, id, address, "");
    }

    private static String name(String prefix, String cursor) {
        return prefix.isEmpty() ? cursor : prefix + Character.toUpperCase(cursor.charAt(0)) + cursor.substring(1);
    }

    private static String link(UriComponentsBuilder address, String name, String cursor) {
        return address.cloneBuilder().queryParam(name, cursor).encode().build().toUriString();
    }
}
