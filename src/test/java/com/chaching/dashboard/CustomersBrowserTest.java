package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.BrowserTest;
import com.chaching.testing.Response;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Customers pages: an owner lists, searches, creates and edits customers, and reads one customer's page. */
class CustomersBrowserTest extends BrowserTest {

    @Test
    void aCustomerCreatedThroughTheFormShowsOnItsPageAndInTheListAndCanBeEditedAndFound() {
        Owner owner = signUpOwner("Form Co");
        signIn(owner);

        visit("/dashboard/customers");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New customer")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/new"));
        assertThat(seriousViolations()).isEmpty();
        page.getByLabel("Name").fill("Jenny Rosen");
        page.getByLabel("Email").fill("jenny@example.com");
        page.getByLabel("Phone").fill("+1 415 555 0100");
        page.getByLabel("External key").fill("jenny-1");
        shot("new-customer-filled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create customer")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/jenny-1"));
        shot("created");

        PlaywrightAssertions.assertThat(heading()).hasText("Jenny Rosen");
        PlaywrightAssertions.assertThat(page.locator(".customer-email")).hasText("jenny@example.com");
        PlaywrightAssertions.assertThat(page.locator(".credit-balance")).hasText("None");
        assertThat(seriousViolations()).isEmpty();
        assertThat(owner.api().get("/customers/jenny-1").text("phone")).isEqualTo("+1 415 555 0100");

        visit("/dashboard/customers");
        PlaywrightAssertions.assertThat(row("jenny-1")).containsText("Jenny Rosen");
        PlaywrightAssertions.assertThat(row("jenny-1")).containsText("jenny@example.com");
        assertThat(seriousViolations()).isEmpty();

        visit("/dashboard/customers/jenny-1");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit customer")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/jenny-1/edit"));
        PlaywrightAssertions.assertThat(page.getByLabel("Email")).hasValue("jenny@example.com");
        page.getByLabel("Email").fill("jenny@rosen.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/jenny-1"));
        shot("edited");
        PlaywrightAssertions.assertThat(page.locator(".customer-email")).hasText("jenny@rosen.example");
        assertThat(owner.api().get("/customers/jenny-1").text("email")).isEqualTo("jenny@rosen.example");

        // Emptying a field clears it, as "" does in the API's PATCH.
        visit("/dashboard/customers/jenny-1/edit");
        page.getByLabel("Phone").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/jenny-1"));
        assertThat(owner.api().get("/customers/jenny-1").json().get("phone").isNull()).isTrue();

        createCustomer(owner.api(), Map.of("externalKey", "other-1", "name", "Someone Else", "email", "else@example.com"));
        visit("/dashboard/customers");
        page.getByLabel("Search by name or email").fill("ROSEN.example");
        page.getByLabel("Search by name or email").press("Enter");
        page.waitForURL(url -> url.contains("query="));
        shot("searched");
        assertThat(currentPath()).isEqualTo("/dashboard/customers?query=ROSEN.example");
        PlaywrightAssertions.assertThat(row("jenny-1")).isVisible();
        PlaywrightAssertions.assertThat(row("other-1")).hasCount(0);
    }

    @Test
    void theListAndTheFormWorkWithTheKeyboardAlone() {
        signIn(signUpOwner("Keys Co"));
        visit("/dashboard/customers");

        List<String> reached = new java.util.ArrayList<>();
        for (int press = 0; press < 16 && !reached.contains("New customer"); press++) {
            page.keyboard().press("Tab");
            reached.add(focusedLabel());
        }
        assertThat(reached).contains("Customers", "New customer");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.endsWith("/dashboard/customers/new"));

        page.getByLabel("Name").focus();
        page.keyboard().type("Typed Only");
        page.keyboard().press("Tab");
        assertThat(focusedLabel()).isEqualTo("Email");
        page.keyboard().press("Tab");
        assertThat(focusedLabel()).isEqualTo("Phone");
        page.keyboard().press("Tab");
        assertThat(focusedLabel()).startsWith("External key");
        page.keyboard().type("typed-only");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.endsWith("/dashboard/customers/typed-only"));
        PlaywrightAssertions.assertThat(heading()).hasText("Typed Only");
    }

    @Test
    void aNameThatLooksLikeAScriptShowsAsTextOnTheListAndItsPage() {
        Owner owner = signUpOwner("Escape Co");
        createCustomer(owner.api(), Map.of("externalKey", "hostile", "name", "<script>alert(1)</script>"));
        signIn(owner);

        visit("/dashboard/customers");
        PlaywrightAssertions.assertThat(row("hostile").getByRole(AriaRole.LINK)).hasText("<script>alert(1)</script>");
        visit("/dashboard/customers/hostile");
        PlaywrightAssertions.assertThat(heading()).hasText("<script>alert(1)</script>");

        assertThat(dialogs).isEmpty();
    }

    @Test
    void badInputShowsTheErrorBesideItsFieldKeepsWhatWasTypedAndChangesNothing() {
        Owner owner = signUpOwner("Careful Co");
        createCustomer(owner.api(), Map.of("externalKey", "taken", "name", "Ada", "email", "ada@example.com"));
        signIn(owner);

        visit("/dashboard/customers/taken/edit");
        page.getByLabel("Name").fill("Ada Lovelace");
        page.getByLabel("Email").fill("not an email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/taken/edit"));
        shot("invalid-email");

        PlaywrightAssertions.assertThat(page.locator("#email-error")).hasText("Must be a well-formed email address.");
        PlaywrightAssertions.assertThat(page.getByLabel("Email")).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(page.getByLabel("Email")).hasValue("not an email");
        PlaywrightAssertions.assertThat(page.getByLabel("Name")).hasValue("Ada Lovelace");
        assertThat(seriousViolations()).isEmpty();
        Response unchanged = owner.api().get("/customers/taken");
        assertThat(unchanged.text("email")).isEqualTo("ada@example.com");
        assertThat(unchanged.text("name")).isEqualTo("Ada");

        page.getByLabel("Email").fill("ada@example.com");
        page.getByLabel("Name").fill("A".repeat(257));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/taken/edit"));
        PlaywrightAssertions.assertThat(page.locator("#name-error")).hasText("Size must be between 0 and 256.");
        PlaywrightAssertions.assertThat(page.locator("#email-error")).hasCount(0);
        assertThat(owner.api().get("/customers/taken").text("name")).isEqualTo("Ada");

        visit("/dashboard/customers/new");
        page.getByLabel("Name").fill("Second Ada");
        page.getByLabel("External key").fill("taken");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create customer")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/new"));
        shot("taken-key");

        PlaywrightAssertions.assertThat(page.locator("#externalKey-error")).containsText("already exists");
        PlaywrightAssertions.assertThat(page.getByLabel("Name")).hasValue("Second Ada");
        assertThat(owner.api().get("/customers?limit=100").json().get("data")).hasSize(1);
    }

    @Test
    void olderShowsTheRestOfTheListAndItsAddressCanBeBookmarked() {
        Owner owner = signUpOwner("Many Co");
        for (int n = 1; n <= 12; n++) {
            createCustomer(owner.api(), Map.of("externalKey", "c-" + n, "name", "Customer " + n));
        }
        signIn(owner);

        visit("/dashboard/customers");
        assertThat(page.locator("table.list tbody tr").count()).isEqualTo(CustomersPage.PAGE_SIZE);
        PlaywrightAssertions.assertThat(row("c-12")).isVisible();
        PlaywrightAssertions.assertThat(pager("Newer")).hasCount(0);
        pager("Older").click();
        page.waitForURL(url -> url.contains("startingAfter="));
        shot("older");
        String bookmark = currentPath();

        assertThat(page.locator("table.list tbody tr").count()).isEqualTo(2);
        PlaywrightAssertions.assertThat(row("c-2")).isVisible();
        PlaywrightAssertions.assertThat(row("c-1")).isVisible();
        PlaywrightAssertions.assertThat(pager("Older")).hasCount(0);

        page.navigate("about:blank");
        visit(bookmark);
        assertThat(page.locator("table.list tbody tr").count()).isEqualTo(2);
        pager("Newer").click();
        page.waitForURL(url -> url.contains("endingBefore="));
        assertThat(page.locator("table.list tbody tr").count()).isEqualTo(CustomersPage.PAGE_SIZE);
        PlaywrightAssertions.assertThat(row("c-12")).isVisible();
        PlaywrightAssertions.assertThat(pager("Newer")).hasCount(0);
    }

    @Test
    void anotherAccountsCustomerAMalformedKeyAndAnUnknownPathAreTheNotFoundPage() {
        Owner other = signUpOwner("Other Co");
        createCustomer(other.api(), Map.of("externalKey", "theirs", "name", "Not Yours"));
        signIn(signUpOwner("Nosy Co"));

        assertNotFoundPages("Not Yours", List.of("/dashboard/customers/theirs", "/dashboard/customers/theirs/edit",
                "/dashboard/customers/%3Cscript%3E", "/dashboard/customers?startingAfter=cus_nope", "/dashboard/nope"));
        assertThat(seriousViolations()).isEmpty();

        // Signed out, an asset path that names nothing is the page too, without the header's account.
        Response asset = anonymous().send("GET", "/dashboard/assets/nope.css", null, Map.of("Accept", "text/html"));
        assertThat(asset.status()).isEqualTo(404);
        assertThat(asset.header("Content-Type")).startsWith("text/html");
        assertThat(asset.body()).contains("Page not found");

        // The API's own 404 stays a problem+json.
        Response api = other.api().get("/nope");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aCustomersPageShowsItsCardAndItsPaidInvoiceWithMoneyInTheCurrencysUnits() {
        Owner owner = signUpOwner("Paying Co");
        Api api = owner.api();
        createCustomer(api, Map.of("externalKey", "payer", "name", "Paying Customer"));
        createCustomer(api, Map.of("externalKey", "someone-else", "name", "Someone Else"));
        api.post("/products", Map.of("name", "Not a customer's event"));
        String card = api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", "4242424242424242", "expMonth", 3, "expYear", 2040, "cvc", "123"))).text("id");
        assertThat(api.post("/payment-methods/" + card + "/attach", Map.of("customer", "payer")).status()).isEqualTo(200);
        assertThat(api.patch("/customers/payer", Map.of("defaultPaymentMethod", card)).status()).isEqualTo(200);
        Response invoice = api.post("/invoices", Map.of("customer", "payer", "currency", "usd",
                "lines", List.of(Map.of("description", "Service", "unitAmount", 1999))));
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        Response paid = api.send("PUT", "/invoices/" + invoice.text("id"), null, Map.of());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        signIn(owner);

        visit("/dashboard/customers/payer");

        Locator cardRow = section("Payment methods").locator("tbody tr");
        PlaywrightAssertions.assertThat(cardRow).containsText("visa");
        PlaywrightAssertions.assertThat(cardRow).containsText("•••• 4242");
        PlaywrightAssertions.assertThat(cardRow).containsText("03/2040");
        PlaywrightAssertions.assertThat(cardRow).containsText("Default");
        Locator invoiceRow = section("Invoices").locator("tbody tr");
        PlaywrightAssertions.assertThat(invoiceRow).containsText(paid.text("number"));
        PlaywrightAssertions.assertThat(invoiceRow).containsText("paid");
        PlaywrightAssertions.assertThat(invoiceRow).containsText("19.99 USD");
        PlaywrightAssertions.assertThat(section("Transactions").locator("tbody tr")).containsText("charge");
        PlaywrightAssertions.assertThat(section("Transactions").locator("tbody tr")).containsText("19.99 USD");
        // Its own events, newest first, and none of another customer's.
        Locator events = section("Recent events").locator("tbody tr td:first-child");
        assertThat(events.allTextContents()).startsWith("invoice.paid").contains("customer.created", "payment_method.attached")
                .doesNotContain("product.created");
        assertThat(events.allTextContents()).filteredOn("customer.created"::equals).hasSize(1);
        assertThat(seriousViolations()).isEmpty();
    }

    /** What the focused element says: an input's label, a link's or button's text. */
    private String focusedLabel() {
        return (String) page.evaluate("""
                () => {
                  const element = document.activeElement;
                  if (element.labels && element.labels.length > 0) return element.labels[0].textContent.trim();
                  return element.textContent.trim();
                }""");
    }


    /** The list's row of the customer with this external key. */
    private Locator row(String externalKey) {
        return page.locator("table.list tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(externalKey).setExact(true))));
    }

    private Locator pager(String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator section(String title) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(title));
    }

}
