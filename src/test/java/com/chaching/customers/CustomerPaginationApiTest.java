package com.chaching.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.PageRequest;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** api.md "Lists", on the customer list. */
class CustomerPaginationApiTest extends ApiTest {

    @Test
    void listsAreNewestFirstTenByDefault() {
        Api api = signUp();
        List<String> created = createCustomers(api, 12);

        Response page = api.get("/customers");

        assertThat(page.text("object")).isEqualTo("list");
        assertThat(ids(page)).containsExactlyElementsOf(created.reversed().subList(0, PageRequest.DEFAULT_LIMIT));
        assertThat(page.json().get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void startingAfterWalksToOlderAndEndingBeforeBackToNewer() {
        Api api = signUp();
        List<String> newestFirst = createCustomers(api, 5).reversed();

        Response first = api.get("/customers?limit=2");
        Response second = api.get("/customers?limit=2&startingAfter=" + newestFirst.get(1));
        Response last = api.get("/customers?limit=2&startingAfter=" + newestFirst.get(3));
        Response back = api.get("/customers?limit=2&endingBefore=" + newestFirst.get(3));

        assertThat(ids(first)).containsExactly(newestFirst.get(0), newestFirst.get(1));
        assertThat(ids(second)).containsExactly(newestFirst.get(2), newestFirst.get(3));
        assertThat(second.json().get("hasMore").asBoolean()).isTrue();
        assertThat(ids(last)).containsExactly(newestFirst.get(4));
        assertThat(last.json().get("hasMore").asBoolean()).isFalse();
        assertThat(ids(back)).containsExactly(newestFirst.get(1), newestFirst.get(2));
        assertThat(back.json().get("hasMore").asBoolean()).isTrue();
        assertThat(api.get("/customers?limit=2&endingBefore=" + newestFirst.get(1)).json().get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aCursorDeletedSinceItWasSeenStillMarksItsPlace() {
        Api api = signUp();
        List<String> newestFirst = createCustomers(api, 4).reversed();
        Response first = api.get("/customers?limit=2");
        String cursorKey = first.json().get("data").get(1).get("externalKey").asString();

        api.delete("/customers/" + cursorKey);

        assertThat(ids(api.get("/customers?limit=2&startingAfter=" + newestFirst.get(1))))
                .containsExactly(newestFirst.get(2), newestFirst.get(3));
    }

    @Test
    void badPagingParametersAreNamed() {
        Api api = signUp();
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "limit=1.5", "startingAfter=cus_nope",
                "endingBefore=cus_nope", "startingAfter=" + "x".repeat(5000))) {
            Response response = api.get("/customers?" + query);
            assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
            assertThat(response.text("param")).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        String id = createCustomers(api, 1).getFirst();
        Response both = api.get("/customers?startingAfter=" + id + "&endingBefore=" + id);
        assertThat(both.status()).isEqualTo(400);
        assertThat(api.get("/customers?limit=100").status()).isEqualTo(200);
        assertThat(api.get("/customers?limit=1").status()).isEqualTo(200);
    }

    @Test
    void pagingWhileCustomersAreAddedNeverRepeatsOrSkips() {
        Api api = signUp();
        List<String> existing = createCustomers(api, 45);
        AtomicBoolean paging = new AtomicBoolean(true);
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            int added = 0;
            while (paging.get() && added < 500) {
                createCustomer(api, Map.of("name", "added while paging"));
                added++;
            }
            return added;
        });

        List<String> seen = new ArrayList<>();
        Response page = api.get("/customers?limit=7");
        seen.addAll(ids(page));
        while (page.json().get("hasMore").asBoolean()) {
            page = api.get("/customers?limit=7&startingAfter=" + seen.getLast());
            seen.addAll(ids(page));
        }
        paging.set(false);
        int added = writer.join();

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(existing);
        assertThat(seen.subList(seen.size() - existing.size(), seen.size())).containsExactlyElementsOf(existing.reversed());
        assertThat(added).isPositive();
    }

    private List<String> createCustomers(Api api, int count) {
        return IntStream.range(0, count).mapToObj(i -> createCustomer(api, Map.of("name", "Customer " + i)).text("id")).toList();
    }

    static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("data").valueStream().map(c -> c.get("id").asString()).toList();
    }
}
