package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Developers pages: an owner manages API keys and webhook endpoints and reads the event log, all in the browser. */
class DevelopersBrowserTest extends BrowserTest {

    private static final String SCRIPT_NAME = "<script>alert(1)</script>";

    @Test
    void theLandingLinksTheThreePagesFromTheHeader() {
        signIn(signUpOwner("Landing Co"));

        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Developers")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/developers"));
        shot("developers");

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Developers");
        for (String link : List.of("API keys", "Webhook endpoints", "Event log")) {
            PlaywrightAssertions.assertThat(main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(link))).isVisible();
        }
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aKeyIsCreatedShownOnceRolledAndRevokedAndTheLastKeyStays() {
        Owner owner = signUpOwner("Keys Co");
        signIn(owner);
        visit("/dashboard/developers/api-keys");
        assertThat(seriousViolations()).isEmpty();

        page.getByLabel("Name").fill("Billing worker");
        button("Create key").click();
        page.waitForURL(url -> url.endsWith("/dashboard/developers/api-keys"));
        shot("key-created");
        String secret = page.locator(".new-secret .secret").innerText();
        PlaywrightAssertions.assertThat(page.locator(".new-secret")).containsText("it will not be shown again");
        assertThat(secret).startsWith("sk_test_");
        assertThat(owner.api().withKey(secret).get("/account").status()).isEqualTo(200);
        PlaywrightAssertions.assertThat(keyRow("Billing worker")).containsText("sk_test_…" + secret.substring(secret.length() - 4));
        assertThat(seriousViolations()).isEmpty();

        page.reload();
        shot("keys-reloaded");
        PlaywrightAssertions.assertThat(page.locator(".new-secret")).hasCount(0);
        assertThat(page.content()).doesNotContain(secret);

        keyRow("Billing worker").getByLabel("Old secret works").selectOption("now");
        keyRow("Billing worker").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Roll Billing worker")).click();
        PlaywrightAssertions.assertThat(page.locator(".new-secret")).containsText("Key rolled.");
        shot("key-rolled");
        String rolled = page.locator(".new-secret .secret").innerText();
        assertThat(rolled).startsWith("sk_test_").isNotEqualTo(secret);
        assertThat(owner.api().withKey(secret).get("/account").status()).isEqualTo(401);
        assertThat(owner.api().withKey(rolled).get("/account").status()).isEqualTo(200);

        revoke("Billing worker");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("The key is revoked");
        PlaywrightAssertions.assertThat(keyRow("Billing worker")).hasCount(0);
        assertThat(owner.api().withKey(rolled).get("/account").status()).isEqualTo(401);

        // Only the sign-up key is left: the service refuses, the page says why, and the key still works.
        revoke("Secret key");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).containsText("last working key");
        shot("last-key-refused");
        PlaywrightAssertions.assertThat(keyRow("Secret key")).hasCount(1);
        assertThat(owner.api().get("/account").status()).isEqualTo(200);
    }

    @Test
    void aBlankOrTooLongKeyNameShowsTheFieldErrorAndCreatesNothing() {
        Owner owner = signUpOwner("Careless Co");
        signIn(owner);
        visit("/dashboard/developers/api-keys");

        button("Create key").click();
        PlaywrightAssertions.assertThat(page.locator("#name-error")).containsText("must not be blank");
        shot("blank-name");
        assertThat(seriousViolations()).isEmpty();

        page.getByLabel("Name").fill("x".repeat(101));
        button("Create key").click();
        PlaywrightAssertions.assertThat(page.locator("#name-error")).containsText("between 0 and 100");
        PlaywrightAssertions.assertThat(page.getByLabel("Name")).hasAttribute("aria-invalid", "true");

        assertThat(owner.api().get("/api-keys").json().path("data").size()).isEqualTo(1);
        PlaywrightAssertions.assertThat(page.locator(".new-secret")).hasCount(0);
    }

    @Test
    void aWebhookEndpointIsAddedItsSecretShownOnceAndItsPageListsDeliveries() {
        Owner owner = signUpOwner("Hooks Co");
        signIn(owner);
        visit("/dashboard/developers/webhooks");
        assertThat(seriousViolations()).isEmpty();

        // A private address is refused by the service's URL rules; the page shows why, beside the field.
        page.getByLabel("URL").fill("http://127.0.0.1/hooks");
        page.getByLabel("Events to send").fill("customer.*");
        button("Add endpoint").click();
        PlaywrightAssertions.assertThat(page.locator("#url-error")).containsText("public addresses only");
        shot("private-url-refused");
        assertThat(owner.api().get("/webhook-endpoints").json().path("data").size()).isZero();

        page.getByLabel("URL").fill("https://93.184.215.14/hooks");
        page.getByLabel("Events to send").fill("customer.created,\ninvoice.*");
        button("Add endpoint").click();
        page.waitForURL(Pattern.compile(".*/dashboard/developers/webhooks/we_[^/]+$"));
        shot("endpoint-added");
        PlaywrightAssertions.assertThat(page.locator(".new-secret")).containsText("it will not be shown again");
        assertThat(page.locator(".new-secret .secret").innerText()).startsWith("whsec_");
        PlaywrightAssertions.assertThat(main()).containsText("customer.created, invoice.*");

        createCustomer(owner.api(), Map.of("name", "Ada Lovelace", "email", "ada@example.test"));
        String eventId = owner.api().get("/events?type=customer.created").json().path("data").get(0).path("id").asString();
        page.reload();
        shot("endpoint-with-delivery");
        PlaywrightAssertions.assertThat(page.locator(".new-secret")).hasCount(0);
        Locator delivery = page.locator("tr.delivery", new Page.LocatorOptions().setHasText(eventId));
        PlaywrightAssertions.assertThat(delivery).hasCount(1);
        PlaywrightAssertions.assertThat(delivery.locator("td").nth(1)).hasText(Pattern.compile("pending|failed|succeeded"));
        assertThat(seriousViolations()).isEmpty();

        visit("/dashboard/developers/webhooks");
        PlaywrightAssertions.assertThat(main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("https://93.184.215.14/hooks")))
                .isVisible();
    }

    @Test
    void theEventLogListsFiltersPagesAndShowsAnEventsDataAsText() {
        Owner owner = signUpOwner("Events Co");
        createCustomer(owner.api(), Map.of("name", SCRIPT_NAME));
        signIn(owner);

        visit("/dashboard/developers/events");
        assertThat(seriousViolations()).isEmpty();
        Locator created = page.locator("tr.event", new Page.LocatorOptions().setHasText("customer.created"));
        PlaywrightAssertions.assertThat(created).hasCount(1);

        page.getByLabel("Type").fill("customer.*");
        button("Filter").click();
        page.waitForURL(url -> url.contains("type=customer."));
        shot("filtered");
        assertThat(page.locator("tr.event td:first-child").allInnerTexts()).isNotEmpty().allMatch(type -> type.startsWith("customer."));
        visit("/dashboard/developers/events?type=invoice.*");
        PlaywrightAssertions.assertThat(page.locator("tr.event")).hasCount(0);

        visit("/dashboard/developers/events?type=customer.created");
        page.locator("tr.event a").first().click();
        page.waitForURL(Pattern.compile(".*/dashboard/developers/events/evt_[^/]+$"));
        shot("event");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("customer.created");
        assertThat(page.locator("pre.event-data").innerText()).contains("\"name\" : \"" + SCRIPT_NAME + "\"");
        assertThat(dialogs).isEmpty();
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void olderEventsAreAPageFurtherWithTheCursorInTheUrl() {
        Owner owner = signUpOwner("Busy Co");
        for (int customer = 0; customer < 55; customer++) {
            createCustomer(owner.api(), Map.of("name", "Customer " + customer));
        }
        signIn(owner);
        visit("/dashboard/developers/events?type=customer.*");
        List<String> newest = page.locator("tr.event a").allInnerTexts();
        assertThat(newest).hasSize(50);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older")).click();
        page.waitForURL(url -> url.contains("startingAfter=" + newest.getLast()));
        shot("older");

        List<String> older = page.locator("tr.event a").allInnerTexts();
        assertThat(older).hasSize(5).doesNotContainAnyElementsOf(newest);
        assertThat(currentPath()).contains("type=customer.");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older"))).hasCount(0);
    }

    @Test
    void anotherAccountsKeyEndpointAndEventAreNotFoundAndHostileInputIsRefusedPlainly() {
        Owner other = signUpOwner("Other Co");
        createCustomer(other.api(), Map.of("name", "Theirs"));
        String theirEvent = other.api().get("/events").json().path("data").get(0).path("id").asString();
        String theirKey = other.api().get("/api-keys").json().path("data").get(0).path("id").asString();
        String theirEndpoint = other.api().post("/webhook-endpoints",
                Map.of("url", "https://93.184.215.14/theirs", "enabledEvents", List.of("*"))).text("id");
        signIn(signUpOwner("Nosy Co"));

        assertThat(status("/dashboard/developers/events/" + theirEvent)).isEqualTo(404);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING)).hasText("Page not found");
        assertThat(status("/dashboard/developers/webhooks/" + theirEndpoint)).isEqualTo(404);
        assertThat(status("/dashboard/developers/api-keys/" + theirKey + "/revoke")).isEqualTo(404);
        assertThat(status("/dashboard/developers/events/%3Cscript%3E")).isEqualTo(404);
        assertThat(status("/dashboard/developers/events/evt_%00")).isBetween(400, 404);
        assertThat(status("/dashboard/developers/webhooks/we_%FF%FE")).isBetween(400, 404);
        assertThat(status("/dashboard/developers/events/" + "x".repeat(2000))).isEqualTo(404);
        assertThat(status("/dashboard/developers/events?startingAfter=" + theirEvent)).isEqualTo(404);
        assertThat(status("/dashboard/developers/events?type=%27%3B%20drop%20table%20events")).isEqualTo(400);
        PlaywrightAssertions.assertThat(page.locator("#type-error")).containsText("must be a type");

        // Their key still works: a POST from this account cannot revoke it.
        page.navigate("/dashboard/developers/api-keys");
        Object revoked = page.evaluate("""
                async ([id, token]) => (await fetch('/dashboard/developers/api-keys/' + id + '/revoke',
                    {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                     body: '_csrf=' + encodeURIComponent(token)})).status""",
                List.of(theirKey, page.locator("meta[name=_csrf]").getAttribute("content")));
        assertThat(revoked).isEqualTo(404);
        assertThat(other.api().get("/account").status()).isEqualTo(200);
    }

    @Test
    void aKeyIsCreatedAndRevokedWithTheKeyboardAlone() {
        Owner owner = signUpOwner("Keyboard Keys Co");
        signIn(owner);
        visit("/dashboard/developers/api-keys");

        tabTo("Name");
        page.keyboard().type("Keyboard key");
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator(".new-secret")).containsText("Keyboard key");
        shot("created-by-keyboard");

        tabTo("Revoke Keyboard key");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.endsWith("/revoke"));
        tabTo("Revoke the key");
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("The key is revoked");
        shot("revoked-by-keyboard");
        assertThat(owner.api().get("/api-keys").json().path("data").size()).isEqualTo(1);
    }

    /** Presses Tab until the element named so has the focus, as a keyboard user would; fails if it never does. */
    private void tabTo(String name) {
        for (int press = 0; press < 40; press++) {
            page.keyboard().press("Tab");
            if (name.equals(focusedName())) {
                return;
            }
        }
        throw new AssertionError(name + " is not reachable with Tab");
    }

    /** What the focused element is called: its aria-label, an input's label, or a link's or button's text. */
    private String focusedName() {
        return (String) page.evaluate("""
                () => {
                  const element = document.activeElement;
                  if (element.getAttribute('aria-label')) return element.getAttribute('aria-label');
                  if (element.labels && element.labels.length > 0) return element.labels[0].textContent.trim();
                  return element.textContent.trim();
                }""");
    }

    private int status(String path) {
        com.microsoft.playwright.Response response = page.navigate(path);
        // The screenshot's name comes from the path: a hostile one can be longer than a file name may be.
        shot(path.substring(0, Math.min(path.length(), 80)));
        return response.status();
    }

    private void revoke(String keyName) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revoke " + keyName)).click();
        page.waitForURL(url -> url.endsWith("/revoke"));
        shot("confirm-revoke");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Revoke " + keyName + "?");
        assertThat(seriousViolations()).isEmpty();
        button("Revoke the key").click();
        page.waitForURL(url -> url.endsWith("/dashboard/developers/api-keys"));
        shot("after-revoke");
    }

    private Locator keyRow(String name) {
        return page.locator("tbody tr:has(td.key-name:text-is(\"" + name + "\"))");
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator main() {
        return page.locator("main");
    }

}
