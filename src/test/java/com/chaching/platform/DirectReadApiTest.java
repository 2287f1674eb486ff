package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The direct path for {@code GET /customers/{externalKey}} (issue 14) answers exactly as Spring MVC does: a query
 * string sends the same read the general way, so each answer is compared with its twin, headers and body.
 */
class DirectReadApiTest extends ApiTest {

    @Autowired
    private DirectReadFilter directReads;

    /** Headers whose values differ between any two responses (the budget left is the moment's, not the answer's). */
    private static final Set<String> PER_RESPONSE = Set.of("date", "request-id", "ratelimit-remaining", "ratelimit-reset");

    @Test
    void aCustomerReadsTheSameDirectlyAndTheGeneralWay() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ada_lovelace@analytical:engine-1", "name", "Ada", "email", "ada@example.test",
                "address", Map.of("line1", "12 St James's Square", "city", "London", "country", "GB"),
                "metadata", Map.of("crmId", "A-1")));

        Response direct = api.get("/customers/ada_lovelace@analytical:engine-1");
        Response general = api.get("/customers/ada_lovelace@analytical:engine-1?via=dispatcher");

        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.text("livemode")).isEqualTo("false");
        assertSameAnswer(direct, general);
    }

    @Test
    void aLiveAccountsCustomerSaysItIsLive() {
        Api live = liveAccount();
        createCustomer(live, Map.of("externalKey", "ada"));

        assertSameAnswer(live.get("/customers/ada"), live.get("/customers/ada?via=dispatcher"));
        assertThat(live.get("/customers/ada").text("livemode")).isEqualTo("true");
    }

    @Test
    void anUnknownDeletedOrOtherAccountsCustomerIsTheSame404() {
        Api api = signUp();
        Api other = signUp();
        createCustomer(api, Map.of("externalKey", "ada"));
        createCustomer(api, Map.of("externalKey", "gone"));
        assertThat(api.delete("/customers/gone").status()).isEqualTo(200);

        for (String path : new String[] {"/customers/nobody", "/customers/gone"}) {
            Response direct = api.get(path);
            assertThat(direct.status()).as(path).isEqualTo(404);
            assertThat(direct.code()).as(path).isEqualTo("resource_missing");
            assertSameAnswer(direct, api.get(path + "?via=dispatcher"));
        }
        Response otherAccount = other.get("/customers/ada");
        assertThat(otherAccount.status()).isEqualTo(404);
        assertSameAnswer(otherAccount, other.get("/customers/ada?via=dispatcher"));
    }

    @Test
    void pathsTheDirectReadDoesNotTakeAreAnsweredAsBefore() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ada"));

        createCustomer(api, Map.of("externalKey", "ada.lovelace"));
        Response dotted = api.get("/customers/ada.lovelace");
        assertThat(dotted.text("externalKey")).isEqualTo("ada.lovelace");
        assertThat(dotted.header("Content-Disposition")).as("Spring MVC's guard against reflected file downloads").isNotNull();
        Response badShape = api.get("/customers/a%20b");
        assertThat(badShape.status()).isEqualTo(400);
        assertThat(badShape.json().path("param").asString()).isEqualTo("externalKey");
        assertThat(api.get("/customers/search").status()).as("the search endpoint, which needs its query").isEqualTo(400);
        assertThat(api.get("/customers/ada/").status()).isEqualTo(404);
        assertThat(api.get("/customers/").status()).isEqualTo(404);
        assertThat(api.get("/customers/ada;x=1").status()).as("Spring Security's firewall").isEqualTo(400);
        assertThat(api.withKey("sk_test_0000000000000000000000000").get("/customers/ada").status()).isEqualTo(401);
        assertThat(anonymous().get("/customers/ada").status()).isEqualTo(401);
    }

    @Test
    void theDirectReadAnswersWithoutTheRestOfTheChainAndPassesOnWhatItDoesNotTake() throws Exception {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ada"));
        Tenant tenant = new Tenant(api.accountId(), false);

        MockHttpServletResponse answered = new MockHttpServletResponse();
        directReads.doFilter(request(tenant, "/customers/ada", null), answered, (request, response) -> {
            throw new AssertionError("the direct read passed the request on");
        });
        assertThat(answered.getStatus()).isEqualTo(200);
        assertThat(answered.getContentAsString()).contains("\"externalKey\":\"ada\"");

        for (String[] general : new String[][] {{"/customers/ada", "expand=x"}, {"/customers/ada.b", null}, {"/customers/search", null},
                {"/customers/ada/payment-methods", null}, {"/invoices/in_1", null}}) {
            AtomicBoolean passedOn = new AtomicBoolean();
            directReads.doFilter(request(tenant, general[0], general[1]), new MockHttpServletResponse(), (request, response) -> passedOn.set(true));
            assertThat(passedOn).as(String.join("?", general[0], String.valueOf(general[1]))).isTrue();
        }
    }

    @Test
    void directReadsAreCountedUnderTheirMappingInTheRequestMetrics() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ada"));
        double ok = requests("/customers/{externalKey}", 200);
        double missing = requests("/customers/{externalKey}", 404);
        double unknown = requests("UNKNOWN", 200);

        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/customers/ada").status()).isEqualTo(200);
        }
        assertThat(api.get("/customers/nobody").status()).isEqualTo(404);

        assertThat(requests("/customers/{externalKey}", 200)).isEqualTo(ok + 3);
        assertThat(requests("/customers/{externalKey}", 404)).isEqualTo(missing + 1);
        assertThat(requests("UNKNOWN", 200)).isEqualTo(unknown);
    }

    private static MockHttpServletRequest request(Tenant tenant, String path, @Nullable String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        request.setAttribute(Tenant.REQUEST_ATTRIBUTE, tenant);
        return request;
    }

    private static void assertSameAnswer(Response direct, Response general) {
        assertThat(direct.status()).isEqualTo(general.status());
        assertThat(direct.json()).isEqualTo(general.json());
        assertThat(stable(direct)).isEqualTo(stable(general));
        assertThat(direct.header("Request-Id")).startsWith("req_");
    }

    private static Map<String, Object> stable(Response response) {
        Map<String, Object> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!PER_RESPONSE.contains(name.toLowerCase()) && !name.startsWith(":")) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }

    /** The count of GET requests the metrics recorded with this uri and status. */
    private double requests(String uri, int status) {
        String metrics = management().get("/actuator/prometheus").body();
        Matcher line = Pattern.compile("^http_server_requests_seconds_count\\{(.*)} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        double count = 0;
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("method=\"GET\"") && labels.contains("status=\"" + status + "\"") && labels.contains("uri=\"" + uri + "\"")) {
                count += Double.parseDouble(line.group(2));
            }
        }
        return count;
    }
}
