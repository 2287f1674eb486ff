package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
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
        assertThat(postForm("/dashboard/customers/theirs/cards", Map.of("number", "4242424242424242",
                "expMonth", "12", "expYear", "2040", "cvc", "123", "makeDefault", "true"))).isEqualTo(404);
        assertThat(other.api().get("/customers/theirs/payment-methods").json().get("data")).isEmpty();
    }

    @Test
    void aLiveAccountIsOfferedNoCardFormAndItsPostTakesNoCard() {
        Owner live = liveOwner();
        createCustomer(live.api(), Map.of("externalKey", "real", "name", "Real Customer"));
        signIn(live);

        visit("/dashboard/customers/real");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a test card"))).hasCount(0);
        visit("/dashboard/customers/real/cards/new");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("A live account takes no card numbers here");
        PlaywrightAssertions.assertThat(page.getByLabel("Card number")).hasCount(0);

        // A forged post meets the service's own refusal of raw card data, beside the number.
        assertThat(postForm("/dashboard/customers/real/cards", Map.of("number", "4242424242424242",
                "expMonth", "12", "expYear", "2040", "cvc", "123"))).isEqualTo(422);
        assertThat(live.api().get("/customers/real/payment-methods").json().get("data")).isEmpty();
    }
}
