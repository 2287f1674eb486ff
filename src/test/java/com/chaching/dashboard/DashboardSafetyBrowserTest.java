package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.BrowserTest;
import com.chaching.testing.Response;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * design/dashboard.md "Sign-in and safety": the session and the API key each open their own door only,
 * forms need their CSRF token, data shows as text, and the pages pass axe-core's accessibility rules.
 */
class DashboardSafetyBrowserTest extends BrowserTest {

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Owner owner = signUpOwner("Forged Co");
        signIn(owner);

        APIResponse forged = browserContext.request().post("/dashboard/sign-out");

        assertThat(forged.status()).isEqualTo(403);
        visit("/dashboard");
        assertThat(currentPath()).isEqualTo("/dashboard");
        PlaywrightAssertions.assertThat(page.locator("header .account-name")).hasText("Forged Co");
    }

    @Test
    void anApiKeyDoesNotOpenTheDashboard() {
        Owner owner = signUpOwner("Key Co");

        Response response = owner.api().send("GET", "/dashboard", null, Map.of("Accept", "text/html"));

        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/dashboard/sign-in");
        assertThat(response.body()).doesNotContain("Key Co");
    }

    @Test
    void theSessionCookieDoesNotAuthenticateTheApi() {
        Owner owner = signUpOwner("Cookie Co");
        signIn(owner);
        Cookie session = sessionCookie();

        Response response = anonymous().send("GET", "/customers", null, Map.of("Cookie", session.name + "=" + session.value));

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anApiClientAskingForTheServersAddressStillGetsJson() {
        Response links = anonymous().send("GET", "/", null, Map.of("Accept", "application/json"));

        assertThat(links.status()).isEqualTo(200);
        assertThat(links.text("object")).isEqualTo("service");
    }

    @Test
    void aScriptInTheAccountNameShowsAsTextAndRunsNothing() {
        Owner owner = signUpOwner("<script>alert(1)</script>");

        signIn(owner);

        PlaywrightAssertions.assertThat(page.locator("header .account-name")).hasText("<script>alert(1)</script>");
        assertThat(page.locator("body").innerText()).contains("<script>alert(1)</script>");
        assertThat(dialogs).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndScopedToTheDashboard() {
        Owner owner = signUpOwner("Cookie Flags Co");

        signIn(owner);

        Cookie session = sessionCookie();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(session.path).isEqualTo("/dashboard");
        // Secure only with CHACHING_DASHBOARD_SECURE_COOKIE=true: this test server speaks plain http.
        assertThat(session.secure).isFalse();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnTheSignInAndHomePages() {
        Owner owner = signUpOwner("Accessible Co");

        visit("/dashboard/sign-in");
        assertThat(seriousViolations()).isEmpty();

        signIn(owner);
        PlaywrightAssertions.assertThat(heading()).hasText("Home");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aPageThatDoesNotExistYetIsANotFoundNotAFailure() {
        signIn(signUpOwner("Curious Co"));

        // A path no page has (the Subscriptions page, once used here, exists now).
        com.microsoft.playwright.Response notYet = page.navigate("/dashboard/no-such-page");
        shot("no-such-page");

        assertThat(notYet.status()).isEqualTo(404);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1))).hasText("Page not found");
    }

    @Test
    void theScriptsComeFromThisServerAtVersionlessPaths() {
        Response htmx = anonymous().send("GET", "/webjars/htmx.org/dist/htmx.min.js", null, Map.of());
        Response chart = anonymous().send("GET", "/webjars/chart.js/dist/chart.umd.js", null, Map.of());

        assertThat(htmx.status()).isEqualTo(200);
        assertThat(chart.status()).isEqualTo(200);
        visit("/dashboard/sign-in");
        assertThat(page.evaluate("() => typeof htmx")).isEqualTo("object");
    }

    private Cookie sessionCookie() {
        List<Cookie> cookies = browserContext.cookies();
        return cookies.stream().filter(cookie -> cookie.name.equals("JSESSIONID")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie among " + cookies.stream().map(c -> c.name).toList()));
    }

}
