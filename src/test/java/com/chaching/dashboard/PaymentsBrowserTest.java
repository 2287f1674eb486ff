package com.chaching.dashboard;

import static com.chaching.dashboard.BillingSetUp.DECLINED_CARD;
import static com.chaching.dashboard.BillingSetUp.GOOD_CARD;
import static com.chaching.dashboard.BillingSetUp.customer;
import static com.chaching.dashboard.BillingSetUp.open;
import static com.chaching.dashboard.BillingSetUp.paid;
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

/** The Payments pages: the balance, transactions with filters, a charge's page and refunding it. */
class PaymentsBrowserTest extends BrowserTest {

    @Test
    void theListFiltersInTheAddressAndThePageShowsTheBalanceOfTheApi() {
        Owner owner = signUpOwner("Payments Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny Rosen", "jenny@example.com", GOOD_CARD);
        customer(api, "broke", "Broke Customer", "broke@example.com", DECLINED_CARD);
        paid(api, "jenny", "Work", 2000);
        String unpaid = open(api, "broke", "Work", 3000);
        assertThat(api.send("PUT", "/invoices/" + unpaid, null, Map.of()).status()).isEqualTo(402);
        signIn(owner);

        visit("/dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payments")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/payments"));
        shot("payments");

        JsonNode balance = api.get("/balance").json();
        Locator usd = page.locator("#balance-usd");
        PlaywrightAssertions.assertThat(usd.locator(".balance-pending")).hasText(usd(balance.get("pending").get(0).get("amount").asLong()));
        PlaywrightAssertions.assertThat(usd.locator(".balance-available")).hasText(usd(balance.get("available").get(0).get("amount").asLong()));
        PlaywrightAssertions.assertThat(rows()).hasCount(2);
        assertThat(seriousViolations()).isEmpty();

        page.getByLabel("Status").selectOption("failed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        page.waitForURL(url -> url.contains("status=failed"));
        shot("failed");
        PlaywrightAssertions.assertThat(rows()).hasCount(1);
        PlaywrightAssertions.assertThat(rows().locator(".transaction-status")).hasText("failed (card_declined)");
        PlaywrightAssertions.assertThat(rows()).containsText("30.00 USD");
        PlaywrightAssertions.assertThat(rows()).containsText("broke");
        assertThat(seriousViolations()).isEmpty();

        // Each filter is in the address, so a view can be bookmarked.
        visit("/dashboard/payments?type=charge&status=succeeded");
        PlaywrightAssertions.assertThat(rows()).hasCount(1);
        PlaywrightAssertions.assertThat(rows()).containsText("jenny");
        PlaywrightAssertions.assertThat(page.getByLabel("Type")).hasValue("charge");
        visit("/dashboard/payments?customer=broke");
        PlaywrightAssertions.assertThat(rows()).hasCount(1);
        visit("/dashboard/payments?type=refund");
        PlaywrightAssertions.assertThat(rows()).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("No transaction matches these filters.");

        com.microsoft.playwright.Response refused = page.navigate("/dashboard/payments?type=payout");
        shot("unknown-type");
        assertThat(refused.status()).isEqualTo(400);
        PlaywrightAssertions.assertThat(page.locator("#type-error")).hasText("Must be one of: charge, refund, adjustment.");
        PlaywrightAssertions.assertThat(page.getByLabel("Type")).hasAttribute("aria-invalid", "true");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void olderAndNewerKeepTheFiltersInTheAddress() {
        Owner owner = signUpOwner("Many Payments Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny Rosen", "jenny@example.com", GOOD_CARD);
        for (int i = 1; i <= 11; i++) {
            paid(api, "jenny", "Work " + i, 100L * i);
        }
        String charge = chargeOf(api, paid(api, "jenny", "Refunded work", 999).text("id"));
        BillingSetUp.ok(api.post("/transactions/" + charge + "/refunds", Map.of()), 201);
        signIn(owner);

        visit("/dashboard/payments?type=charge&status=succeeded");
        PlaywrightAssertions.assertThat(rows()).hasCount(10);
        pager("Older").click();
        page.waitForURL(url -> url.contains("type=charge") && url.contains("status=succeeded") && url.contains("startingAfter=txn_"));
        shot("older");
        PlaywrightAssertions.assertThat(rows()).hasCount(2);
        PlaywrightAssertions.assertThat(page.getByLabel("Type")).hasValue("charge");
        PlaywrightAssertions.assertThat(page.locator("table.transactions")).not().containsText("refund");
        pager("Newer").click();
        page.waitForURL(url -> url.contains("type=charge") && url.contains("endingBefore=txn_"));
        PlaywrightAssertions.assertThat(rows()).hasCount(10);
        PlaywrightAssertions.assertThat(rows().first()).containsText("9.99 USD");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aChargeIsRefundedInPartThenTheRemainderInFull() {
        Owner owner = signUpOwner("Refunding Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny Rosen", "jenny@example.com", GOOD_CARD);
        String invoice = paid(api, "jenny", "Work", 2000).text("id");
        String charge = chargeOf(api, invoice);
        JsonNode before = api.get("/transactions/" + charge).json();
        signIn(owner);

        visit("/dashboard/payments");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(charge)).click();
        page.waitForURL(url -> url.endsWith("/dashboard/payments/" + charge));
        shot("charge");
        PlaywrightAssertions.assertThat(page.locator(".transaction-type")).hasText("charge");
        PlaywrightAssertions.assertThat(page.locator(".transaction-status")).hasText("succeeded");
        PlaywrightAssertions.assertThat(page.locator("#transaction-amount")).hasText("20.00 USD");
        PlaywrightAssertions.assertThat(page.locator("#transaction-fee")).hasText(usd(before.get("fee").asLong()));
        PlaywrightAssertions.assertThat(page.locator("#transaction-net")).hasText(usd(before.get("net").asLong()));
        PlaywrightAssertions.assertThat(page.locator(".payment-method")).containsText("•••• 4242");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("jenny"))).isVisible();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(invoice))).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#refundable-amount")).hasText("20.00 USD");
        assertThat(seriousViolations()).isEmpty();

        amount().fill("5.00");
        page.getByLabel("Reason").selectOption("duplicate");
        refund();
        shot("partly-refunded");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Refunded 5.00 USD.");
        PlaywrightAssertions.assertThat(page.locator("#refunded-amount")).hasText("5.00 USD");
        PlaywrightAssertions.assertThat(page.locator("#refundable-amount")).hasText("15.00 USD");
        Locator refunds = page.locator("table.refunds tbody tr");
        PlaywrightAssertions.assertThat(refunds).hasCount(1);
        PlaywrightAssertions.assertThat(refunds).containsText("5.00 USD");
        PlaywrightAssertions.assertThat(refunds).containsText("duplicate");
        assertThat(api.get("/transactions/" + charge).json().get("refundedAmount").asLong()).isEqualTo(500);
        assertThat(seriousViolations()).isEmpty();

        // Empty is all that is left.
        refund();
        shot("fully-refunded");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Refunded 15.00 USD.");
        PlaywrightAssertions.assertThat(page.locator("#refundable-amount")).hasText("0.00 USD");
        PlaywrightAssertions.assertThat(page.locator("table.refunds tbody tr")).hasCount(2);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund"))).hasCount(0);
        JsonNode after = api.get("/transactions/" + charge).json();
        assertThat(after.get("refundedAmount").asLong()).isEqualTo(2000);
        JsonNode refundList = api.get("/transactions?type=refund").json().get("data");
        assertThat(refundList.size()).isEqualTo(2);
        assertThat(refundList.get(0).get("amount").asLong()).isEqualTo(1500);
        assertThat(refundList.get(0).get("reason").asString()).isEqualTo("requested_by_customer");

        // The refunds are in the list and the balance, as the API counts them.
        visit("/dashboard/payments?type=refund");
        PlaywrightAssertions.assertThat(rows()).hasCount(2);
        JsonNode balance = api.get("/balance").json();
        PlaywrightAssertions.assertThat(page.locator("#balance-usd .balance-available"))
                .hasText(usd(balance.get("available").get(0).get("amount").asLong()));
        PlaywrightAssertions.assertThat(page.locator("#balance-usd .balance-pending"))
                .hasText(usd(balance.get("pending").get(0).get("amount").asLong()));
    }

    @Test
    void badAmountsAreRefusedBesideTheFieldWithWhatWasTypedAndNothingIsRefunded() {
        Owner owner = signUpOwner("Careful Refunds Co");
        Api api = owner.api();
        customer(api, "jenny", "Jenny Rosen", "jenny@example.com", GOOD_CARD);
        String charge = chargeOf(api, paid(api, "jenny", "Work", 2000).text("id"));
        signIn(owner);

        Map<String, String> refusals = Map.of(
                "abc", "Must be an amount such as 5.00, with at most 2 decimals for USD.",
                "0", "Must be more than 0.",
                "20.01", "Must be at most 20.00 USD, what is left to refund.",
                "1.234", "Must be an amount such as 5.00, with at most 2 decimals for USD.",
                "-1", "Must be an amount such as 5.00, with at most 2 decimals for USD.");
        refusals.forEach((typed, message) -> {
            visit("/dashboard/payments/" + charge);
            amount().fill(typed);
            com.microsoft.playwright.Response response = refund();
            shot("refused-" + typed);
            assertThat(response.status()).as(typed).isEqualTo(422);
            PlaywrightAssertions.assertThat(page.locator("#amount-error")).hasText(message);
            PlaywrightAssertions.assertThat(amount()).hasValue(typed);
            PlaywrightAssertions.assertThat(amount()).hasAttribute("aria-invalid", "true");
            PlaywrightAssertions.assertThat(amount()).hasAttribute("aria-describedby", "amount-error");
            PlaywrightAssertions.assertThat(page.locator("#refundable-amount")).hasText("20.00 USD");
        });
        assertThat(seriousViolations()).isEmpty();
        assertThat(api.get("/transactions/" + charge).json().get("refundedAmount").asLong()).isZero();
        assertThat(api.get("/transactions?type=refund").json().get("data").size()).isZero();
        assertThat(api.get("/events?type=refund.created").json().get("data").size()).isZero();
    }

    @Test
    void anotherAccountsTransactionIsTheNotFoundPageAndCannotBeRefunded() {
        Owner other = signUpOwner("Other Co");
        customer(other.api(), "theirs", "Not Yours", "theirs@example.com", GOOD_CARD);
        String theirs = chargeOf(other.api(), paid(other.api(), "theirs", "Their work", 1000).text("id"));
        signIn(signUpOwner("Nosy Co"));

        assertNotFoundPages("theirs", List.of("/dashboard/payments/" + theirs, "/dashboard/payments/txn_nothing",
                "/dashboard/payments?startingAfter=" + theirs));
        assertThat(seriousViolations()).isEmpty();

        assertThat(postForm("/dashboard/payments/" + theirs + "/refunds", Map.of("amount", "1.00"))).isEqualTo(404);
        assertThat(other.api().get("/transactions/" + theirs).json().get("refundedAmount").asLong()).isZero();
    }

    /** The invoice's one charge. */
    private static String chargeOf(Api api, String invoice) {
        JsonNode charges = api.get("/transactions?type=charge&invoice=" + invoice).json().get("data");
        assertThat(charges.size()).isEqualTo(1);
        return charges.get(0).get("id").asString();
    }

    private Locator amount() {
        return page.getByLabel("Amount in USD");
    }

    /** Sends the refund form and answers the response of the page it posted to. */
    private com.microsoft.playwright.Response refund() {
        com.microsoft.playwright.Response response = page.waitForResponse(
                answer -> "POST".equals(answer.request().method()) && "document".equals(answer.request().resourceType()),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund").setExact(true)).click());
        page.waitForLoadState();
        return response;
    }

    private Locator pager(String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator rows() {
        return page.locator("table.transactions tbody tr");
    }

    private static String usd(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, 2).toPlainString() + " USD";
    }
}
