package com.chaching.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * How many tokens of its account's budget a request spends (docs/operations.md "Rate limits"), so that the limit
 * bounds the work and not only the requests: most cost one; a test-clock advance, which may run up to 250 billing
 * periods of work, costs ten writes; a search, which may walk much of the account's customers, five reads; and a
 * list one more read for each filter it is given, up to four more. {@link RateLimiter#spend} caps it at the budget
 * itself, which could otherwise never pay for it.
 */
final class RequestCost {

    static final int TEST_CLOCK_ADVANCE = 10;
    static final int SEARCH = 5;
    static final int MAX_FILTERS_COUNTED = 4;
    /** What every list takes without filtering by it. */
    private static final Set<String> PAGING = Set.of("limit", "startingAfter", "endingBefore");

    private RequestCost() {
    }

    static long of(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("POST".equals(request.getMethod())) {
            return path.equals("/test-clock/advance") ? TEST_CLOCK_ADVANCE : 1;
        }
        if (!"GET".equals(request.getMethod())) {
            return 1;
        }
        if (path.endsWith("/search")) {
            return SEARCH;
        }
        long filters = request.getParameterMap().keySet().stream().filter(name -> !PAGING.contains(name)).count();
        return 1 + Math.min(filters, MAX_FILTERS_COUNTED);
    }
}
