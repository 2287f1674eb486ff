package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An account's owner signs in to the dashboard with the email and password of sign-up, and out again. */
class SignInBrowserTest extends BrowserTest {

    private static final String WRONG_CREDENTIALS = "Wrong email or password.";

    @Test
    void theOwnerSignsInAndSeesHomeWithTheAccountNameAndTheSandboxMarker() {
        Owner owner = signUpOwner("Acme Widgets");

        signIn(owner);

        assertThat(currentPath()).isEqualTo("/dashboard");
        PlaywrightAssertions.assertThat(heading()).hasText("Home");
        PlaywrightAssertions.assertThat(page.locator("header .account-name")).hasText("Acme Widgets");
        PlaywrightAssertions.assertThat(page.locator("header .sandbox-marker")).hasText("Sandbox");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Acme Widgets");
        for (String section : List.of("Home", "Customers", "Catalog", "Subscriptions", "Invoices", "Payments", "Developers", "Settings")) {
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName(section).setExact(true))).isVisible();
        }
    }

    @Test
    void anEmailInAnotherCaseSignsInAllTheSame() {
        Owner owner = signUpOwner("Case Co");

        signIn(owner.email().toUpperCase(java.util.Locale.ROOT), owner.password());

        assertThat(currentPath()).isEqualTo("/dashboard");
    }

    @Test
    void aWrongPasswordShowsTheMessageAndSignsNobodyIn() {
        Owner owner = signUpOwner("Wrong Password Co");

        signIn(owner.email(), "not the password at all");

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasText(WRONG_CREDENTIALS);
        visit("/dashboard");
        assertThat(currentPath()).isEqualTo("/dashboard/sign-in");
        PlaywrightAssertions.assertThat(page.locator("header .account-name")).hasCount(0);
    }

    @Test
    void anUnknownEmailGetsTheVeryMessageOfAWrongPassword() {
        Owner owner = signUpOwner("Known Co");
        signIn(owner.email(), "not the password at all");
        String wrongPassword = page.getByRole(AriaRole.ALERT).innerText();
        String wrongPasswordPage = currentPath();

        signIn("nobody-" + System.nanoTime() + "@example.test", owner.password());

        assertThat(page.getByRole(AriaRole.ALERT).innerText()).isEqualTo(wrongPassword).isEqualTo(WRONG_CREDENTIALS);
        assertThat(currentPath()).isEqualTo(wrongPasswordPage);
    }

    @Test
    void signingOutEndsTheSession() {
        Owner owner = signUpOwner("Sign Out Co");
        signIn(owner);

        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(Pattern.compile(".*/dashboard/sign-in\\?signed-out$"));
        shot("signed-out");

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        visit("/dashboard");
        assertThat(currentPath()).isEqualTo("/dashboard/sign-in");
    }

    @Test
    void aBrowserOpeningTheServersAddressIsSentToTheDashboardsSignIn() {
        visit("/");

        assertThat(currentPath()).isEqualTo("/dashboard/sign-in");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING)).hasText("Sign in to Chaching");
    }

    @Test
    void signingInUsingAndSigningOutWorkWithTheKeyboardAlone() {
        Owner owner = signUpOwner("Keyboard Co");
        visit("/dashboard/sign-in");

        // The email field has the focus from the start; Tab goes to the password, Enter sends the form.
        page.keyboard().type(owner.email());
        page.keyboard().press("Tab");
        assertThat(focusedLabel()).isEqualTo("Password");
        page.keyboard().type(owner.password());
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.endsWith("/dashboard"));
        shot("home-by-keyboard");

        List<String> reached = new ArrayList<>();
        for (int press = 0; press < 12; press++) {
            page.keyboard().press("Tab");
            reached.add(focusedLabel());
        }
        assertThat(reached).contains("Skip to content", "Sign out", "Home", "Customers", "Catalog", "Subscriptions", "Invoices",
                "Payments", "Developers", "Settings");

        page.reload();
        for (int press = 0; press < 12 && !focusedLabel().equals("Sign out"); press++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/dashboard/sign-in\\?signed-out$"));
        shot("signed-out-by-keyboard");
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
}
