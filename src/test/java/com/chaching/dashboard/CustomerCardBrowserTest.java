package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.BrowserTest;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Adding a sandbox test card to a customer from the customer's page: through the API's own rules, once. */
class CustomerCardBrowserTest extends BrowserTest {

    @Test
    void aTestCardAddedFromTheCustomersPageIsAttachedAndBecomesTheDefault() {
        Owner owner = signUpOwner("Card Co");
        createCustomer(owner.api(), Map.of("externalKey", "carded", "name", "Carla Card"));
        signIn(owner);

        visit("/dashboard/customers/carded");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a test card")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/carded/cards/new"));
        shot("card-form");
        assertThat(seriousViolations()).isEmpty();
        PlaywrightAssertions.assertThat(page.getByLabel("Card number")).hasValue("4242 4242 4242 4242");
        page.getByLabel("Card number").fill("5555 5555 5555 4444");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add card")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/carded"));
        shot("card-added");

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("mastercard •••• 4444 added.");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Payment methods"))
                .locator("tbody tr")).containsText("Default");
        JsonNode cards = owner.api().get("/customers/carded/payment-methods").json().get("data");
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).get("card").get("last4").asText()).isEqualTo("4444");
        assertThat(owner.api().get("/customers/carded").text("defaultPaymentMethod")).isEqualTo(cards.get(0).get("id").asText());
    }

    @Test
    void aBadCardIsRefusedBesideItsFieldsAndNothingIsSaved() {
        Owner owner = signUpOwner("Bad Card Co");
        createCustomer(owner.api(), Map.of("externalKey", "carded", "name", "Carla Card"));
        signIn(owner);

        visit("/dashboard/customers/carded/cards/new");
        page.getByLabel("Card number").fill("4242 4242 4242 4241");
        page.getByLabel("Expiry month (1–12)").fill("13");
        page.getByLabel("Expiry year").fill("next year");
        page.getByLabel("Security code").fill("");
        Response refused = page.waitForResponse(
                response -> response.url().endsWith("/dashboard/customers/carded/cards"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add card")).click());
        shot("card-refused");

        assertThat(refused.status()).isEqualTo(422);
        PlaywrightAssertions.assertThat(page.locator("#expYear-error")).hasText("Must be a number.");
        PlaywrightAssertions.assertThat(page.locator("#cvc-error")).isVisible();
        PlaywrightAssertions.assertThat(page.getByLabel("Card number")).hasValue("4242 4242 4242 4241");
        assertThat(seriousViolations()).isEmpty();

        page.getByLabel("Expiry year").fill("2040");
        page.getByLabel("Security code").fill("123");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add card")).click();
        shot("card-refused-by-the-service");
        // The service's own checks, beside their fields: a number failing the Luhn check, a month past 12.
        PlaywrightAssertions.assertThat(page.locator("#number-error")).hasText("The card number is not a valid card number.");
        PlaywrightAssertions.assertThat(page.locator("#expMonth-error")).hasText("card.expMonth must be 1 to 12.");
        assertThat(owner.api().get("/customers/carded/payment-methods").json().get("data")).isEmpty();
        assertThat(owner.api().get("/payment-methods").json().get("data")).isEmpty();
    }

    @Test
    void anotherAccountsCustomerHasNoCardFormAndTakesNoCard() {
        Owner other = signUpOwner("Other Card Co");
        createCustomer(other.api(), Map.of("externalKey", "theirs", "name", "Not Yours"));
        signIn(signUpOwner("Nosy Card Co"));

        Response form = page.navigate("/dashboard/customers/theirs/cards/new");
        assertThat(form.status()).isEqualTo(404);
        PlaywrightAssertions.assertThat(heading()).hasText("Page not found");

        // A forged post (with this session's own CSRF token) meets the same 404 and attaches nothing.
        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        APIResponse posted = page.request().post("/dashboard/customers/theirs/cards",
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf).set("number", "4242424242424242")
                                .set("expMonth", "12").set("expYear", "2040").set("cvc", "123").set("makeDefault", "true")));
        assertThat(posted.status()).isEqualTo(404);
        assertThat(other.api().get("/customers/theirs/payment-methods").json().get("data")).isEmpty();
    }
}
