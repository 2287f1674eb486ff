package com.chaching.dashboard;

import static com.chaching.dashboard.BillingSetUp.DECLINED_CARD;
import static com.chaching.dashboard.BillingSetUp.GOOD_CARD;
import static com.chaching.dashboard.BillingSetUp.customer;
import static com.chaching.dashboard.BillingSetUp.draft;
import static com.chaching.dashboard.BillingSetUp.invoice;
import static com.chaching.dashboard.BillingSetUp.ok;
import static com.chaching.dashboard.BillingSetUp.open;
import static com.chaching.dashboard.BillingSetUp.paid;
import static com.chaching.dashboard.BillingSetUp.taxRate;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Invoices pages: the list by status, an invoice as its customer reads it, and its actions. */
class InvoicesBrowserTest extends BrowserTest {

    @Test
    void theListFiltersByStatusInTheAddressAndLeadsToTheInvoiceAndItsCustomer() {
        Owner owner = signUpOwner("Listing Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny Rosen", "jenny@example.com", GOOD_CARD);
        String draft = draft(api, "jenny", "Draft work", 1000);
        String open = open(api, "jenny", "Open work", 2000);
        String paid = paid(api, "jenny", "Paid work", 3000).text("id");
        String openNumber = api.get("/invoices/" + open).text("number");
        signIn(owner);

        visit("/dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invoices")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/invoices"));
        shot("all-invoices");
        PlaywrightAssertions.assertThat(rows()).hasCount(3);
        PlaywrightAssertions.assertThat(page.locator("tr[id='" + draft + "']")).containsText("Draft");
        assertThat(seriousViolations()).isEmpty();

        page.getByLabel("Status").selectOption("open");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/invoices?status=open"));
        shot("open-invoices");
        PlaywrightAssertions.assertThat(rows()).hasCount(1);
        Locator row = page.locator("tr[id='" + open + "']");
        PlaywrightAssertions.assertThat(row).containsText(openNumber);
        PlaywrightAssertions.assertThat(row).containsText("jenny");
        PlaywrightAssertions.assertThat(row.locator(".invoice-status")).hasText("open");
        PlaywrightAssertions.assertThat(row).containsText("20.00 USD");
        assertThat(seriousViolations()).isEmpty();

        // The filter is the address: bookmarked, it shows the same list.
        visit("/dashboard/invoices?status=paid");
        PlaywrightAssertions.assertThat(rows()).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("tr[id='" + paid + "']")).isVisible();
        PlaywrightAssertions.assertThat(page.getByLabel("Status")).hasValue("paid");

        visit("/dashboard/invoices?status=open");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(openNumber)).click();
        page.waitForURL(url -> url.endsWith("/dashboard/invoices/" + open));
        PlaywrightAssertions.assertThat(heading()).hasText("Invoice " + openNumber);

        visit("/dashboard/invoices?status=open");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("jenny")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/jenny"));
        PlaywrightAssertions.assertThat(heading()).hasText("Jenny Rosen");

        // A status the API does not have: the message beside the filter, no list.
        com.microsoft.playwright.Response refused = page.navigate("/dashboard/invoices?status=unpaid");
        shot("unknown-status");
        assertThat(refused.status()).isEqualTo(400);
        PlaywrightAssertions.assertThat(page.locator("#status-error")).containsText("draft, open, paid, void, uncollectible");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void olderAndNewerKeepTheStatusFilterInTheAddress() {
        Owner owner = signUpOwner("Many Invoices Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny Rosen", "jenny@example.com", GOOD_CARD);
        for (int i = 1; i <= 11; i++) {
            open(api, "jenny", "Work " + i, 100L * i);
        }
        draft(api, "jenny", "Not open", 999);
        signIn(owner);

        visit("/dashboard/invoices?status=open");
        PlaywrightAssertions.assertThat(rows()).hasCount(10);
        PlaywrightAssertions.assertThat(rows().first()).containsText("11.00 USD");
        pager("Older").click();
        page.waitForURL(url -> url.contains("status=open") && url.contains("startingAfter=in_"));
        shot("older");
        PlaywrightAssertions.assertThat(rows()).hasCount(1);
        PlaywrightAssertions.assertThat(rows()).containsText("1.00 USD");
        PlaywrightAssertions.assertThat(page.getByLabel("Status")).hasValue("open");
        pager("Newer").click();
        page.waitForURL(url -> url.contains("status=open") && url.contains("endingBefore=in_"));
        PlaywrightAssertions.assertThat(rows()).hasCount(10);
        PlaywrightAssertions.assertThat(page.locator("main")).not().containsText("9.99 USD");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void theInvoicePageShowsItsLinesTaxPerRateAndTheTotalsOfTheApisInvoice() {
        Owner owner = signUpOwner("Sheet Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny <b>Rosen</b>", "jenny@example.com", GOOD_CARD);
        String vat = taxRate(api, "VAT", 19);
        String state = taxRate(api, "State tax", new BigDecimal("8.875"));
        String id = invoice(api, "jenny", List.of(
                Map.of("description", "Consulting hours", "unitAmount", 10000, "quantity", 2, "taxRates", List.of(vat)),
                Map.of("description", "Onboarding <session>", "unitAmount", 5000, "taxRates", List.of(vat, state))));
        ok(api.send("PUT", "/invoices/" + id, null, Map.of()), 200);
        JsonNode invoice = api.get("/invoices/" + id).json();
        signIn(owner);

        visit("/dashboard/invoices/" + id);

        PlaywrightAssertions.assertThat(heading()).hasText("Invoice " + invoice.get("number").asString());
        PlaywrightAssertions.assertThat(page.locator(".invoice-account")).hasText("Sheet Co");
        // Escaped: the markup in the customer's name and the line's description is text.
        PlaywrightAssertions.assertThat(page.locator(".invoice-customer")).containsText("Jenny <b>Rosen</b>");
        PlaywrightAssertions.assertThat(page.locator(".invoice-customer")).containsText("jenny@example.com");
        PlaywrightAssertions.assertThat(page.locator(".invoice-status").first()).hasText("paid");

        Locator lines = page.locator("table.invoice-lines tbody tr");
        PlaywrightAssertions.assertThat(lines).hasCount(2);
        PlaywrightAssertions.assertThat(lines.nth(0)).containsText("Consulting hours");
        PlaywrightAssertions.assertThat(lines.nth(0).locator("td").nth(1)).hasText("2");
        PlaywrightAssertions.assertThat(lines.nth(0).locator("td").nth(2)).hasText("100.00 USD");
        PlaywrightAssertions.assertThat(lines.nth(0).locator("td").nth(3)).hasText("200.00 USD");
        PlaywrightAssertions.assertThat(lines.nth(1)).containsText("Onboarding <session>");

        // Tax per rate: 19 % of 200.00 and of 50.00 is 47.50; the state tax is its share of the second line.
        Locator taxes = page.locator("tr.tax-row");
        PlaywrightAssertions.assertThat(taxes).hasCount(2);
        PlaywrightAssertions.assertThat(taxes.nth(0).locator("th")).hasText("VAT (19 %)");
        PlaywrightAssertions.assertThat(taxes.nth(0).locator("td")).hasText("47.50 USD");
        long stateTax = 0;
        for (JsonNode tax : invoice.get("lines").get("data").get(1).get("taxAmounts")) {
            if (tax.get("taxRate").asString().equals(state)) {
                stateTax = tax.get("amount").asLong();
            }
        }
        assertThat(stateTax).isEqualTo(444); // 8.875 % of 50.00, half-up
        PlaywrightAssertions.assertThat(taxes.nth(1).locator("th")).hasText("State tax (8.875 %)");
        PlaywrightAssertions.assertThat(taxes.nth(1).locator("td")).hasText(usd(stateTax));

        // The totals are the API's invoice's, in the currency's units.
        Map<String, String> totals = Map.of("#total-subtotal", "subtotal", "#total-tax", "tax", "#total-total", "total",
                "#total-applied", "appliedBalance", "#total-due", "amountDue", "#total-paid", "amountPaid",
                "#total-remaining", "amountRemaining");
        totals.forEach((cell, field) -> PlaywrightAssertions.assertThat(page.locator(cell)).hasText(usd(invoice.get(field).asLong())));
        PlaywrightAssertions.assertThat(page.locator("#total-total")).hasText("301.94 USD");

        // Its payment: the succeeded charge, linked to its page. A paid invoice offers no action.
        Locator payment = page.locator("table.invoice-payments tbody tr");
        PlaywrightAssertions.assertThat(payment).hasCount(1);
        PlaywrightAssertions.assertThat(payment).containsText("charge");
        PlaywrightAssertions.assertThat(payment).containsText("301.94 USD");
        PlaywrightAssertions.assertThat(payment).containsText("succeeded");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Void"))).hasCount(0);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay with the default card"))).hasCount(0);
        assertThat(seriousViolations()).isEmpty();

        payment.getByRole(AriaRole.LINK).click();
        page.waitForURL(url -> url.contains("/dashboard/payments/txn_"));
        shot("its-charge");
        PlaywrightAssertions.assertThat(page.locator("#transaction-amount")).hasText("301.94 USD");
    }

    @Test
    void aDraftIsFinalizedThenPaidWithTheSandboxCardAndEachStatusOffersOnlyItsActions() {
        Owner owner = signUpOwner("Acting Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny Rosen", "jenny@example.com", GOOD_CARD);
        String id = draft(api, "jenny", "Work", 4200);
        signIn(owner);

        visit("/dashboard/invoices/" + id);
        PlaywrightAssertions.assertThat(heading()).hasText("Invoice (draft)");
        assertThat(actions()).containsExactly("Finalize", "Pay with the default card", "Void");
        assertThat(seriousViolations()).isEmpty();

        button("Finalize").click();
        page.waitForURL(url -> url.endsWith("/dashboard/invoices/" + id));
        shot("finalized");
        PlaywrightAssertions.assertThat(notice()).hasText("Invoice finalized.");
        JsonNode finalized = api.get("/invoices/" + id).json();
        assertThat(finalized.get("status").asString()).isEqualTo("open");
        PlaywrightAssertions.assertThat(heading()).hasText("Invoice " + finalized.get("number").asString());
        assertThat(actions()).containsExactly("Pay with the default card", "Mark uncollectible", "Void");

        button("Pay with the default card").click();
        page.waitForURL(url -> url.endsWith("/dashboard/invoices/" + id));
        shot("paid");
        PlaywrightAssertions.assertThat(notice()).hasText("Invoice paid.");
        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("paid");
        PlaywrightAssertions.assertThat(page.locator("#total-paid")).hasText("42.00 USD");
        PlaywrightAssertions.assertThat(page.locator("#total-remaining")).hasText("0.00 USD");
        PlaywrightAssertions.assertThat(page.locator("table.invoice-payments tbody tr")).containsText("succeeded");
        assertThat(actions()).isEmpty();
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aDraftIsVoidedAndAnOpenInvoiceMarkedUncollectible() {
        Owner owner = signUpOwner("Giving Up Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny Rosen", "jenny@example.com", GOOD_CARD);
        String draft = draft(api, "jenny", "Never sent", 1500);
        String open = open(api, "jenny", "Never paid", 2500);
        signIn(owner);

        visit("/dashboard/invoices/" + draft);
        button("Void").click();
        page.waitForURL(url -> url.endsWith("/dashboard/invoices/" + draft));
        shot("voided");
        PlaywrightAssertions.assertThat(notice()).hasText("Invoice voided.");
        PlaywrightAssertions.assertThat(page.locator(".invoice-status").first()).hasText("void");
        assertThat(api.get("/invoices/" + draft).text("status")).isEqualTo("void");
        assertThat(actions()).isEmpty();

        visit("/dashboard/invoices/" + open);
        button("Mark uncollectible").click();
        page.waitForURL(url -> url.endsWith("/dashboard/invoices/" + open));
        shot("uncollectible");
        PlaywrightAssertions.assertThat(notice()).hasText("Invoice marked uncollectible.");
        assertThat(api.get("/invoices/" + open).text("status")).isEqualTo("uncollectible");
        assertThat(api.get("/events?type=invoice.marked_uncollectible").json().get("data").size()).isEqualTo(1);
        // billing.md: an uncollectible invoice can still be paid, and only that.
        assertThat(actions()).containsExactly("Pay with the default card");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aDeclinedPaymentShowsTheGatewaysCodeAndTheInvoiceStaysOpen() {
        Owner owner = signUpOwner("Declined Co");
        Api api = owner.api();
        customer(api, "broke", "Broke Customer", "broke@example.com", DECLINED_CARD);
        String id = open(api, "broke", "Work", 2500);
        signIn(owner);

        visit("/dashboard/invoices/" + id);
        com.microsoft.playwright.Response response = submit("Pay with the default card");
        shot("declined");
        assertThat(response.status()).isEqualTo(402);
        PlaywrightAssertions.assertThat(page.locator(".refusal")).containsText("card_declined");
        PlaywrightAssertions.assertThat(page.locator(".invoice-status").first()).hasText("open");
        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("open");
        assertThat(api.get("/invoices/" + id).json().get("amountPaid").asLong()).isZero();
        // The failed charge is listed with its code, and the invoice can be tried again.
        Locator payment = page.locator("table.invoice-payments tbody tr");
        PlaywrightAssertions.assertThat(payment).hasCount(1);
        PlaywrightAssertions.assertThat(payment.locator(".failure-code")).hasText("card_declined");
        PlaywrightAssertions.assertThat(button("Pay with the default card")).isVisible();
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void withoutACardOrOnAStalePageTheRefusalShowsInPlaceAndNothingChanges() {
        Owner owner = signUpOwner("Stale Co");
        Api api = owner.api();
        customer(api, "cardless", "No Card", "none@example.com", null);
        String cardless = open(api, "cardless", "Work", 2500);
        String draft = draft(api, "cardless", "Other work", 1000);
        signIn(owner);

        visit("/dashboard/invoices/" + cardless);
        com.microsoft.playwright.Response noCard = submit("Pay with the default card");
        shot("no-payment-method");
        assertThat(noCard.status()).isEqualTo(402);
        PlaywrightAssertions.assertThat(page.locator(".refusal")).containsText("no_payment_method");
        assertThat(api.get("/invoices/" + cardless).text("status")).isEqualTo("open");

        // The draft is voided elsewhere while its page is open: finalizing it is a 409, shown in place.
        visit("/dashboard/invoices/" + draft);
        ok(api.delete("/invoices/" + draft), 200);
        com.microsoft.playwright.Response stale = submit("Finalize");
        shot("stale-finalize");
        assertThat(stale.status()).isEqualTo(409);
        PlaywrightAssertions.assertThat(page.locator(".refusal")).containsText("invalid_state");
        PlaywrightAssertions.assertThat(page.locator(".refusal")).containsText("is void and cannot be finalized");
        PlaywrightAssertions.assertThat(page.locator(".invoice-status").first()).hasText("void");
        assertThat(api.get("/invoices/" + draft).text("status")).isEqualTo("void");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void anotherAccountsInvoiceIsTheNotFoundPageAndItsActionsChangeNothing() {
        Owner other = signUpOwner("Other Co");
        customer(other.api(), "theirs", "Not Yours", "theirs@example.com", GOOD_CARD);
        String theirs = open(other.api(), "theirs", "Their work", 1000);
        signIn(signUpOwner("Nosy Co"));

        assertNotFoundPages("Not Yours", List.of("/dashboard/invoices/" + theirs, "/dashboard/invoices/in_nothing",
                "/dashboard/invoices?startingAfter=" + theirs));
        assertThat(seriousViolations()).isEmpty();

        // A form posted with this session's token at another account's invoice: the 404 page, nothing changed.
        for (String action : List.of("finalize", "pay", "void", "mark-uncollectible")) {
            assertThat(postForm("/dashboard/invoices/" + theirs + "/" + action, Map.of())).as(action).isEqualTo(404);
        }
        assertThat(other.api().get("/invoices/" + theirs).text("status")).isEqualTo("open");
    }

    /** Clicks a form's button and answers the response of the page it posted to. */
    private com.microsoft.playwright.Response submit(String buttonName) {
        com.microsoft.playwright.Response response = page.waitForResponse(
                answer -> "POST".equals(answer.request().method()) && "document".equals(answer.request().resourceType()),
                () -> button(buttonName).click());
        page.waitForLoadState();
        return response;
    }

    private Locator pager(String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator rows() {
        return page.locator("table.list tbody tr");
    }

    private Locator notice() {
        return page.getByRole(AriaRole.STATUS);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The invoice's action buttons, in the order shown. */
    private List<String> actions() {
        return page.locator(".invoice-actions button").allTextContents().stream().map(String::strip).toList();
    }

    private static String usd(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, 2).toPlainString() + " USD";
    }
}
