package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.BrowserTest;
import com.chaching.testing.Response;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The home page: MRR, revenue (a chart and its table), what needs attention, and the week's renewals. */
class HomeBrowserTest extends BrowserTest {

    private static final String GOOD_CARD = "4242424242424242";
    private static final String DECLINED_CARD = "4000000000000002";

    @Test
    void homeShowsMrrRevenueWhatNeedsAttentionAndTheWeeksRenewals() {
        Owner owner = signUpOwner("Home Co");
        Api api = owner.api();
        Instant start = Instant.parse(api.get("/test-clock").text("now"));
        customer(api, "jenny", "Jenny Rosen", GOOD_CARD);
        customer(api, "declines", "Dee Klein", DECLINED_CARD);
        subscribe(api, "jenny", price(api, 1999, "month"), 2, 0);      // charged 39.98 now; MRR 3998
        String weekly = subscribe(api, "jenny", price(api, 500, "week"), 1, 0);  // charged 5.00 now; MRR 500 × 52 / 12 = 2166.67 → 2167
        String pastDue = subscribe(api, "declines", price(api, 1000, "month"), 1, 1);  // MRR 1000 once past due
        // The trial ends and its charge is declined: past due, with a failed payment.
        Response advanced = api.post("/test-clock/advance", Map.of("to", start.plus(Duration.ofDays(1)).plusSeconds(60).toString()));
        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        assertThat(api.get("/subscriptions/" + pastDue).text("status")).isEqualTo("past_due");
        String failed = api.get("/transactions?type=charge&status=failed").json().get("data").get(0).get("id").asString();
        // The chart must not trip the Content-Security-Policy, and its scripts must load (the browser's own
        // /favicon.ico request is the API's 401, not the page's).
        List<String> consoleErrors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                consoleErrors.add(message.text());
            }
        });
        List<String> failedLoads = new ArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                failedLoads.add(response.status() + " " + response.url());
            }
        });

        signIn(owner);
        assertThat(currentPath()).isEqualTo("/dashboard");
        PlaywrightAssertions.assertThat(page.locator("#revenue-chart")).hasAttribute("data-drawn", "true");
        shot("home");

        // 3998 + 2167 + 1000 = 7165.
        PlaywrightAssertions.assertThat(page.locator("#mrr-usd .figure-value")).hasText("71.65 USD");
        PlaywrightAssertions.assertThat(page.locator("#mrr-usd .active-count")).hasText("3 active subscriptions (1 past due)");
        // 39.98 + 5.00 charged; the declined charge is not revenue.
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Revenue, last 30 days"))).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#revenue-usd .figure-value")).hasText("44.98 USD");
        assertThat(page.locator("#revenue-chart").boundingBox().height).isGreaterThan(100);

        Locator failedRow = page.locator("#failed-payments tbody tr");
        PlaywrightAssertions.assertThat(failedRow).hasCount(1);
        PlaywrightAssertions.assertThat(failedRow).containsText("declines");
        PlaywrightAssertions.assertThat(failedRow).containsText("10.00 USD");
        PlaywrightAssertions.assertThat(failedRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(failed)))
                .hasAttribute("href", "/dashboard/payments/" + failed);
        PlaywrightAssertions.assertThat(page.locator("#past-due tbody tr").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(pastDue))).hasAttribute("href", "/dashboard/subscriptions/" + pastDue);

        // The weekly subscription's period ends 6 days from now; the monthly ones are outside the week.
        Locator renewal = page.locator("#renewals tbody tr");
        PlaywrightAssertions.assertThat(renewal).hasCount(1);
        PlaywrightAssertions.assertThat(renewal).containsText("Jenny Rosen");
        PlaywrightAssertions.assertThat(renewal).containsText("5.00 USD");
        PlaywrightAssertions.assertThat(renewal).containsText("Renews");
        PlaywrightAssertions.assertThat(renewal).containsText(weekly);
        assertThat(seriousViolations()).isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("90 days")).click();
        page.waitForURL(url -> url.endsWith("/dashboard?days=90"));
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Revenue, last 90 days"))).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#revenue-chart")).hasAttribute("data-drawn", "true");
        PlaywrightAssertions.assertThat(page.locator("#revenue-days tbody tr")).hasCount(90);
        shot("home-90-days");
        assertThat(seriousViolations()).isEmpty();
        assertThat(consoleErrors).isEmpty();
        assertThat(failedLoads).isEmpty();
    }

    @Test
    void withJavaScriptOffTheRevenueIsReadableAsTotalsAndATableOfDays() {
        Owner owner = signUpOwner("No Script Co");
        customer(owner.api(), "jenny", "Jenny Rosen", GOOD_CARD);
        subscribe(owner.api(), "jenny", price(owner.api(), 1250, "month"), 1, 0);
        browserContext.close();
        browserContext = browserContext.browser().newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()).setJavaScriptEnabled(false));
        page = browserContext.newPage();

        signIn(owner);
        page.locator("#revenue-days").locator("xpath=ancestor::details").locator("summary").click();
        shot("no-javascript");

        PlaywrightAssertions.assertThat(page.locator("#revenue-usd .figure-value")).hasText("12.50 USD");
        PlaywrightAssertions.assertThat(page.locator("#revenue-days tbody tr")).hasCount(30);
        PlaywrightAssertions.assertThat(page.locator("#revenue-days tbody tr").last()).containsText("12.50 USD");
        PlaywrightAssertions.assertThat(page.locator("#revenue-chart")).not().hasAttribute("data-drawn", "true");
    }

    @Test
    void anEmptyAccountSaysSoPlainlyWithoutAChart() {
        Owner owner = signUpOwner("Empty Co");
        signIn(owner);
        shot("empty-home");

        PlaywrightAssertions.assertThat(page.locator("#mrr-empty")).hasText("No active subscriptions yet, so no recurring revenue.");
        PlaywrightAssertions.assertThat(page.locator("#revenue-empty"))
                .hasText("No revenue in the last 30 days: no charge succeeded and nothing was refunded.");
        PlaywrightAssertions.assertThat(page.locator("#attention-empty")).containsText("Nothing needs your attention");
        PlaywrightAssertions.assertThat(page.locator("#renewals-empty")).hasText("No active subscription renews in the next 7 days.");
        PlaywrightAssertions.assertThat(page.locator("canvas")).hasCount(0);
        assertThat(seriousViolations()).isEmpty();
    }

    private static void customer(Api api, String key, String name, String card) {
        assertThat(api.post("/customers", Map.of("externalKey", key, "name", name)).status()).isEqualTo(201);
        String pm = api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", card, "expMonth", 12, "expYear", 2045, "cvc", "123"))).text("id");
        assertThat(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", key)).status()).isEqualTo(200);
        api.patch("/customers/" + key, Map.of("defaultPaymentMethod", pm));
    }

    private static String price(Api api, long amount, String interval) {
        String product = api.post("/products", Map.of("name", "Plan " + System.nanoTime())).text("id");
        return api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", amount, "type", "recurring",
                "recurring", Map.of("interval", interval))).text("id");
    }

    private static String subscribe(Api api, String customer, String price, long quantity, int trialDays) {
        Map<String, Object> body = trialDays == 0
                ? Map.of("customer", customer, "items", List.of(Map.of("price", price, "quantity", quantity)))
                : Map.of("customer", customer, "items", List.of(Map.of("price", price, "quantity", quantity)), "trialPeriodDays", trialDays);
        Response created = api.post("/subscriptions", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }
}
