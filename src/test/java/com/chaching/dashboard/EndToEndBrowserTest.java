package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole of a business user's first day, in the browser alone: sign in, make a product and its monthly
 * price, a customer with a test card, subscribe them, see the paid invoice, move the test clock a month on,
 * see the renewal and the revenue move, refund part of a charge, void a draft, and roll the API key and use
 * the new one. Each step is checked against what the API then says.
 */
class EndToEndBrowserTest extends BrowserTest {

    /** What Playwright's fill takes for a datetime-local input. */
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void aBusinessUsersFirstMonthFromSignInToARolledKey() {
        Owner owner = signUpOwner("Walkthrough Co");
        Api api = owner.api();
        signIn(owner);
        assertThat(seriousViolations()).isEmpty();

        // A product and its monthly price.
        navigate("Catalog");
        page.getByLabel("Product name").fill("Pro plan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create product")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/catalog"));
        Locator product = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Pro plan"));
        product.getByLabel("Amount (such as 19.99)").fill("19.99");
        product.getByLabel("Currency").fill("usd");
        product.getByLabel("Billing").selectOption("month");
        product.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add price to Pro plan")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/catalog"));
        shot("catalog");
        PlaywrightAssertions.assertThat(product.locator("tbody tr")).containsText("19.99 USD");

        // A customer with a test card.
        navigate("Customers");
        follow(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New customer")));
        page.getByLabel("Name").fill("Jenny Rosen");
        page.getByLabel("Email").fill("jenny@example.com");
        page.getByLabel("External key").fill("jenny");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create customer")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/jenny"));
        follow(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a test card")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add card")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/jenny"));
        PlaywrightAssertions.assertThat(section("Payment methods").locator("tbody tr")).containsText("Default");

        // Subscribe: the first month is invoiced and paid with the card at once.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscribe")).click();
        page.waitForURL(url -> url.contains("/dashboard/subscriptions/new"));
        page.getByLabel("Price").selectOption(new SelectOption().setLabel("Pro plan — 19.99 USD / month"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
        page.waitForURL(url -> url.matches(".*/dashboard/subscriptions/sub_[A-Za-z0-9]+$"));
        shot("subscribed");
        PlaywrightAssertions.assertThat(page.locator(".subscription-status")).hasText("active");
        String subscription = currentPath().substring("/dashboard/subscriptions/".length());
        PlaywrightAssertions.assertThat(section("Latest invoices").locator("tbody tr")).containsText("paid");

        // Home: the subscription is MRR, its first payment revenue, drawn on the chart.
        navigate("Home");
        PlaywrightAssertions.assertThat(page.locator("#mrr-usd .figure-value")).hasText("19.99 USD");
        PlaywrightAssertions.assertThat(page.locator("#revenue-usd .figure-value")).hasText("19.99 USD");
        PlaywrightAssertions.assertThat(page.locator("#revenue-chart")).hasAttribute("data-drawn", "true");
        String chartBefore = page.locator("#revenue-chart").getAttribute("data-chart");

        navigate("Invoices");
        Locator invoices = page.locator("table.list tbody tr");
        PlaywrightAssertions.assertThat(invoices).hasCount(1);
        PlaywrightAssertions.assertThat(invoices.locator(".invoice-status")).hasText("paid");
        PlaywrightAssertions.assertThat(invoices).containsText("19.99 USD");
        assertThat(seriousViolations()).isEmpty();

        // A month and a day on: the renewal is invoiced and charged.
        Instant now = Instant.parse(api.get("/test-clock").text("now"));
        Instant renewed = Instant.parse(api.get("/subscriptions/" + subscription).text("currentPeriodEnd")).plus(1, ChronoUnit.DAYS);
        navigate("Settings");
        page.getByLabel("Advance to (UTC)").fill(LOCAL_INPUT.format(LocalDateTime.ofInstant(renewed, ZoneOffset.UTC)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Advance the clock")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/settings#test-clock"));
        shot("clock-advanced");
        assertThat(Instant.parse(api.get("/test-clock").text("now"))).isAfter(now);

        visit("/dashboard/subscriptions/" + subscription);
        PlaywrightAssertions.assertThat(section("Latest invoices").locator("tbody tr")).hasCount(2);
        navigate("Invoices");
        PlaywrightAssertions.assertThat(invoices).hasCount(2);
        assertThat(invoices.locator(".invoice-status").allTextContents()).containsExactly("paid", "paid");
        JsonNode paid = api.get("/invoices?status=paid").json().get("data");
        assertThat(paid).hasSize(2);

        // Home over 90 days: both payments are revenue, and the chart has a second bar.
        navigate("Home");
        follow(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Revenue window"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("90 days")));
        shot("home-90-days");
        PlaywrightAssertions.assertThat(page.locator("#revenue-usd .figure-value")).hasText("39.98 USD");
        PlaywrightAssertions.assertThat(page.locator("#revenue-chart")).hasAttribute("data-drawn", "true");
        assertThat(page.locator("#revenue-chart").getAttribute("data-chart")).isNotEqualTo(chartBefore);
        PlaywrightAssertions.assertThat(page.locator("#mrr-usd .figure-value")).hasText("19.99 USD");

        // Refund part of the renewal's charge from its page.
        navigate("Payments");
        follow(page.locator("table.transactions tbody tr").first().getByRole(AriaRole.LINK).first());
        String charge = currentPath().substring("/dashboard/payments/".length());
        page.getByLabel("Amount in USD").fill("5.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Refunded 5.00 USD.");
        shot("refunded");
        assertThat(api.get("/transactions/" + charge).json().get("refundedAmount").asLong()).isEqualTo(500);
        visit("/dashboard?days=90");
        PlaywrightAssertions.assertThat(page.locator("#revenue-usd .figure-value")).hasText("34.98 USD");

        // A draft made through the API is voided in the dashboard.
        String draft = api.post("/invoices", Map.of("customer", "jenny", "currency", "usd",
                "lines", List.of(Map.of("description", "Setup", "unitAmount", 5000)))).text("id");
        visit("/dashboard/invoices/" + draft);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Void")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Invoice voided.");
        assertThat(api.get("/invoices/" + draft).text("status")).isEqualTo("void");

        // Roll the API key: the new secret works against the API at once, the old one not at all.
        navigate("Developers");
        follow(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys")));
        Locator key = page.locator("table tbody tr").first();
        key.getByLabel("Old secret works").selectOption("now");
        key.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Roll " + key.locator(".key-name").innerText())).click();
        PlaywrightAssertions.assertThat(page.locator(".new-secret")).containsText("Key rolled.");
        shot("key-rolled");
        String rolled = page.locator(".new-secret .secret").innerText();
        assertThat(api.withKey(rolled).get("/customers/jenny").text("name")).isEqualTo("Jenny Rosen");
        assertThat(api.get("/customers/jenny").status()).isEqualTo(401);
        assertThat(seriousViolations()).isEmpty();
    }

    /** Follows a link of the main navigation, as a user would. */
    private void navigate(String name) {
        follow(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)));
        shot(name);
    }

    /** Clicks a link and waits for the page it leads to. */
    private void follow(Locator link) {
        String href = link.getAttribute("href");
        link.click();
        page.waitForURL(url -> url.endsWith(href));
    }

    private Locator section(String title) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(title));
    }
}
