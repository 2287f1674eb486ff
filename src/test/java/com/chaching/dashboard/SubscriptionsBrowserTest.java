package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.BrowserTest;
import com.chaching.testing.Response;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Subscriptions pages: the list by status, a subscription's page with its history, its actions, and subscribing. */
class SubscriptionsBrowserTest extends BrowserTest {

    private static final String GOOD_CARD = "4242424242424242";
    private static final String DECLINED_CARD = "4000000000000002";

    @Test
    void theListShowsEachStatusAloneWhenFilteredAndPagesOlderAndNewer() {
        Owner owner = signUpOwner("Statuses Co");
        Api api = owner.api();
        String price = monthlyPrice(api, "Pro plan", 1999);
        customerWithCard(api, "active-one", GOOD_CARD);
        customerWithCard(api, "paused-one", GOOD_CARD);
        customerWithCard(api, "canceled-one", GOOD_CARD);
        String active = subscribe(api, "active-one", price, 2);
        String paused = subscribe(api, "paused-one", price, 1);
        String canceled = subscribe(api, "canceled-one", price, 1);
        ok(api.post("/subscriptions/" + paused + "/pause", Map.of()), 200);
        ok(api.delete("/subscriptions/" + canceled), 200);
        signIn(owner);

        visit("/dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscriptions")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions"));
        shot("all");
        PlaywrightAssertions.assertThat(page.locator("table.subscriptions tbody tr")).hasCount(3);
        Locator activeRow = page.locator("tr#" + active);
        PlaywrightAssertions.assertThat(activeRow).containsText("Pro plan (19.99 USD / month) × 2");
        PlaywrightAssertions.assertThat(activeRow.locator("td.amount")).hasText("39.98 USD");
        PlaywrightAssertions.assertThat(activeRow.locator(".subscription-status")).hasText("active");
        assertThat(seriousViolations()).isEmpty();

        page.getByLabel("Status").selectOption("paused");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions?status=paused"));
        shot("paused");
        PlaywrightAssertions.assertThat(page.locator("table.subscriptions tbody tr")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("tr#" + paused + " .subscription-status")).hasText("paused");

        visit("/dashboard/subscriptions?status=canceled");
        PlaywrightAssertions.assertThat(page.locator("table.subscriptions tbody tr")).hasCount(1);
        page.locator("tr#" + canceled).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("canceled-one")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/customers/canceled-one"));

        visit("/dashboard/subscriptions?status=past_due");
        PlaywrightAssertions.assertThat(page.getByText("No subscription is past_due.")).isVisible();

        // Eleven active in all: ten on the first page, the oldest behind Older, and Newer leads back.
        for (int i = 0; i < 10; i++) {
            subscribe(api, "active-one", monthlyPrice(api, "Seat " + i, 500), 1);
        }
        visit("/dashboard/subscriptions?status=active");
        PlaywrightAssertions.assertThat(page.locator("table.subscriptions tbody tr")).hasCount(10);
        PlaywrightAssertions.assertThat(page.locator("tr#" + active)).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older")).click();
        page.waitForURL(url -> url.contains("status=active&startingAfter="));
        shot("older");
        PlaywrightAssertions.assertThat(page.locator("table.subscriptions tbody tr")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("tr#" + active)).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newer")).click();
        page.waitForURL(url -> url.contains("status=active&endingBefore="));
        PlaywrightAssertions.assertThat(page.locator("table.subscriptions tbody tr")).hasCount(10);
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aCustomerWithACardIsSubscribedFromTheirPageAndADeclinedCardLeavesItIncomplete() {
        Owner owner = signUpOwner("Subscribe Co");
        Api api = owner.api();
        String price = monthlyPrice(api, "Team plan", 1500);
        customerWithCard(api, "jenny", GOOD_CARD);
        customerWithCard(api, "declined", DECLINED_CARD);
        signIn(owner);

        visit("/dashboard/customers/jenny");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscribe")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions/new?customer=jenny"));
        shot("form");
        assertThat(seriousViolations()).isEmpty();

        // Bad input first: the message beside the field, what was typed kept, nothing created.
        page.getByLabel("Price").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Team plan — 15.00 USD / month"));
        page.getByLabel("Quantity").fill("abc");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
        page.waitForLoadState();
        shot("bad-quantity");
        PlaywrightAssertions.assertThat(page.locator("#quantity-error")).hasText("Must be a whole number such as 3.");
        PlaywrightAssertions.assertThat(page.getByLabel("Quantity")).hasValue("abc");
        PlaywrightAssertions.assertThat(page.getByLabel("Price")).hasValue(price);
        assertThat(seriousViolations()).isEmpty();
        assertThat(api.get("/subscriptions?customer=jenny").json().get("data").size()).isZero();
        assertThat(postStatus("/dashboard/subscriptions/new?customer=jenny", Map.of("price", price, "quantity", "0"))).isEqualTo(422);
        assertThat(postStatus("/dashboard/subscriptions/new?customer=jenny", Map.of("price", "", "quantity", "1"))).isEqualTo(422);
        assertThat(api.get("/subscriptions?customer=jenny").json().get("data").size()).isZero();

        page.getByLabel("Quantity").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
        page.waitForURL(url -> url.contains("/dashboard/subscriptions/sub_"));
        shot("subscribed");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Subscription created: active.");
        PlaywrightAssertions.assertThat(page.locator("dd.subscription-status")).hasText("active");
        PlaywrightAssertions.assertThat(page.locator("dd.period-amount")).hasText("30.00 USD");
        PlaywrightAssertions.assertThat(page.locator("dd.payment-method")).hasText("visa •••• 4242 (the customer's default)");
        String id = currentPath().substring("/dashboard/subscriptions/".length());
        JsonNode created = api.get("/subscriptions/" + id).json();
        assertThat(created.get("items").get("data").get(0).get("quantity").asLong()).isEqualTo(2);
        String invoice = created.get("latestInvoice").asString();
        Locator invoiceLink = page.locator("a[href='/dashboard/invoices/" + invoice + "']");
        PlaywrightAssertions.assertThat(invoiceLink.locator("xpath=../..")).containsText("paid");
        PlaywrightAssertions.assertThat(invoiceLink.locator("xpath=../..")).containsText("30.00 USD");
        assertThat(seriousViolations()).isEmpty();

        visit("/dashboard/subscriptions/new?customer=declined");
        page.getByLabel("Price").selectOption(price);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
        page.waitForURL(url -> url.contains("/dashboard/subscriptions/sub_"));
        shot("declined");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("its first payment failed");
        PlaywrightAssertions.assertThat(page.locator("dd.subscription-status")).hasText("incomplete");
    }

    @Test
    void pausingAndResumingShowInTheStatusHistoryNewestFirst() {
        Owner owner = signUpOwner("Pause Co");
        Api api = owner.api();
        customerWithCard(api, "c", GOOD_CARD);
        String id = subscribe(api, "c", monthlyPrice(api, "Basic", 1000), 1);
        String periodEnd = api.get("/subscriptions/" + id).text("currentPeriodEnd");
        signIn(owner);
        visit("/dashboard/subscriptions/" + id);
        assertThat(seriousViolations()).isEmpty();

        // A day in the past is refused beside its field, and nothing changes.
        page.getByLabel("Resume on (optional)").fill("2020-01-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause")).click();
        page.waitForLoadState();
        shot("pause-in-the-past");
        PlaywrightAssertions.assertThat(page.locator("#resumesOn-error")).hasText("resumesAt must be in the future.");
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("active");
        assertThat(seriousViolations()).isEmpty();

        visit("/dashboard/subscriptions/" + id);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions/" + id));
        shot("paused");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Subscription paused until resumed.");
        PlaywrightAssertions.assertThat(page.locator("dd.subscription-status")).hasText("paused");
        PlaywrightAssertions.assertThat(page.locator("dd.pause")).containsText("until resumed");
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("paused");

        // A day of pause moves the period's end by a day.
        Instant now = Instant.parse(api.get("/test-clock").text("now"));
        ok(api.post("/test-clock/advance", Map.of("to", now.plus(Duration.ofDays(1)).toString())), 200);
        visit("/dashboard/subscriptions/" + id);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions/" + id));
        shot("resumed");
        String movedEnd = Instant.parse(periodEnd).plus(Duration.ofDays(1)).toString();
        assertThat(api.get("/subscriptions/" + id).text("currentPeriodEnd")).isEqualTo(movedEnd);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("Subscription resumed: active");
        PlaywrightAssertions.assertThat(page.locator("dd.subscription-status")).hasText("active");

        Locator history = page.locator("table.history tbody tr");
        List<String> changes = history.locator(".status-change").allTextContents().stream().filter(text -> !text.isBlank()).toList();
        assertThat(changes).containsExactly("paused → active", "active → paused", "incomplete → active", "incomplete");
        PlaywrightAssertions.assertThat(history.first()).containsText("subscription.");
        assertThat(history.allTextContents()).anySatisfy(row -> assertThat(row).contains("subscription.paused"));
        assertThat(history.allTextContents()).anySatisfy(row -> assertThat(row).contains("subscription.resumed"));
        assertThat(history.last()).isNotNull();
        PlaywrightAssertions.assertThat(history.last()).containsText("subscription.created");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aCancelAtPeriodEndIsTakenBackThenTheSubscriptionIsCanceledNow() {
        Owner owner = signUpOwner("Cancel Co");
        Api api = owner.api();
        customerWithCard(api, "c", GOOD_CARD);
        String id = subscribe(api, "c", monthlyPrice(api, "Basic", 1000), 1);
        signIn(owner);
        visit("/dashboard/subscriptions/" + id);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel at period end")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions/" + id));
        shot("cancel-at-period-end");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("will be canceled at the period's end");
        PlaywrightAssertions.assertThat(page.locator("dd.cancel-at-period-end")).containsText("Yes");
        JsonNode scheduled = api.get("/subscriptions/" + id).json();
        assertThat(scheduled.get("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(scheduled.get("status").asString()).isEqualTo("active");
        assertThat(seriousViolations()).isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep renewing")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions/" + id));
        PlaywrightAssertions.assertThat(page.locator("dd.cancel-at-period-end")).hasText("No");
        assertThat(api.get("/subscriptions/" + id).json().get("cancelAtPeriodEnd").asBoolean()).isFalse();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel at period end")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions/" + id));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel now")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions/" + id));
        shot("canceled");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Subscription canceled.");
        PlaywrightAssertions.assertThat(page.locator("dd.subscription-status")).hasText("canceled");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel now"))).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("table.history tbody tr").first()).containsText("subscription.canceled");
        assertThat(page.locator("table.history .status-change").allTextContents().stream().filter(text -> !text.isBlank()).findFirst())
                .hasValue("active → canceled");
        assertThat(api.get("/subscriptions/" + id).text("status")).isEqualTo("canceled");
        assertThat(seriousViolations()).isEmpty();

        // Canceling again, from a page left open, is the service's 409 shown in place.
        int again = postStatus("/dashboard/subscriptions/" + id + "/cancel", Map.of("when", "now"));
        assertThat(again).isEqualTo(409);
    }

    @Test
    void aQuantityChangesPreviewIsExactlyWhatTheNextInvoiceCharges() {
        Owner owner = signUpOwner("Seats Co");
        Api api = owner.api();
        ok(api.post("/test-clock/advance", Map.of("to", "2030-05-01T00:00:00Z")), 200);
        customerWithCard(api, "c", GOOD_CARD);
        // 31.00 a month from May 1: after 10 of May's 31 days, 21/31 of the period is left.
        String id = subscribe(api, "c", monthlyPrice(api, "Seat", 3100), 1);
        ok(api.post("/test-clock/advance", Map.of("to", "2030-05-11T00:00:00Z")), 200);
        String item = api.get("/subscriptions/" + id).json().get("items").get("data").get(0).get("id").asString();
        signIn(owner);
        visit("/dashboard/subscriptions/" + id);

        page.getByLabel("New quantity of Seat").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview change of Seat")).click();
        page.waitForURL(url -> url.contains("/dashboard/subscriptions/" + id + "/quantity?item=" + item + "&quantity=3"));
        shot("preview");
        Locator lines = page.locator("tr.preview-line");
        PlaywrightAssertions.assertThat(lines).hasCount(2);
        PlaywrightAssertions.assertThat(lines.nth(0)).containsText("Unused time on 1 × Seat");
        PlaywrightAssertions.assertThat(lines.nth(0).locator(".amount")).hasText("-21.00 USD");
        PlaywrightAssertions.assertThat(lines.nth(1)).containsText("Remaining time on 3 × Seat");
        PlaywrightAssertions.assertThat(lines.nth(1).locator(".amount")).hasText("63.00 USD");
        PlaywrightAssertions.assertThat(page.locator(".preview-net")).hasText("42.00 USD");
        List<String> previewed = lines.locator(".amount").allTextContents();
        // The preview changed nothing.
        assertThat(api.get("/subscriptions/" + id).json().get("items").get("data").get(0).get("quantity").asLong()).isEqualTo(1);
        assertThat(seriousViolations()).isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm quantity change")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/subscriptions/" + id));
        shot("changed");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("Quantity changed to 3.");
        PlaywrightAssertions.assertThat(page.locator("td.quantity")).hasText("3");
        PlaywrightAssertions.assertThat(page.locator("dd.period-amount")).hasText("93.00 USD");

        // The renewal invoice carries the proration lines: the very amounts the preview showed.
        ok(api.post("/test-clock/advance", Map.of("to", "2030-06-01T00:00:00Z")), 200);
        JsonNode renewal = api.get("/invoices/" + api.get("/subscriptions/" + id).text("latestInvoice")).json();
        List<Long> prorations = renewal.get("lines").get("data").valueStream()
                .filter(line -> line.get("proration").asBoolean()).map(line -> line.get("amount").asLong()).toList();
        assertThat(prorations).containsExactly(-2100L, 6300L);
        assertThat(previewed).containsExactly("-21.00 USD", "63.00 USD");
        assertThat(renewal.get("status").asString()).isEqualTo("paid");
        assertThat(renewal.get("total").asLong()).isEqualTo(4200 + 9300);
    }

    @Test
    void aBadQuantityIsRefusedBesideItsFieldAndAPausedSubscriptionsChangeInPlaceAndNothingChanges() {
        Owner owner = signUpOwner("Careful Seats Co");
        Api api = owner.api();
        customerWithCard(api, "c", GOOD_CARD);
        String id = subscribe(api, "c", monthlyPrice(api, "Seat", 1000), 2);
        JsonNode before = api.get("/subscriptions/" + id).json();
        String item = before.get("items").get("data").get(0).get("id").asString();
        signIn(owner);
        visit("/dashboard/subscriptions/" + id);

        for (String bad : List.of("0", "abc")) {
            page.getByLabel("New quantity of Seat").fill(bad);
            com.microsoft.playwright.Response answer = page.waitForResponse(response -> response.url().contains("/quantity?"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview change of Seat")).click());
            page.waitForLoadState();
            shot("bad-" + bad);
            assertThat(answer.status()).isEqualTo(422);
            PlaywrightAssertions.assertThat(page.locator("#quantity-" + item + "-error"))
                    .hasText(bad.equals("0") ? "Must be greater than or equal to 1." : "Must be a whole number such as 3.");
            PlaywrightAssertions.assertThat(page.getByLabel("New quantity of Seat")).hasValue(bad);
            PlaywrightAssertions.assertThat(page.getByLabel("New quantity of Seat")).hasAttribute("aria-invalid", "true");
            PlaywrightAssertions.assertThat(page.locator("tr.preview-line")).hasCount(0);
            assertThat(seriousViolations()).isEmpty();
        }
        // The confirm step refuses them alike.
        assertThat(postStatus("/dashboard/subscriptions/" + id + "/quantity", Map.of("item", item, "quantity", "0"))).isEqualTo(422);
        assertThat(postStatus("/dashboard/subscriptions/" + id + "/quantity", Map.of("item", item, "quantity", "abc"))).isEqualTo(422);
        assertThat(postStatus("/dashboard/subscriptions/" + id + "/quantity", Map.of("item", "si_nope", "quantity", "3"))).isEqualTo(422);

        // Paused meanwhile (the page still offers the change): the service's 409, in place.
        ok(api.post("/subscriptions/" + id + "/pause", Map.of()), 200);
        page.getByLabel("New quantity of Seat").fill("5");
        com.microsoft.playwright.Response refused = page.waitForResponse(response -> response.url().contains("/quantity?"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview change of Seat")).click());
        page.waitForLoadState();
        shot("paused-refusal");
        assertThat(refused.status()).isEqualTo(409);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).containsText("is paused");
        assertThat(postStatus("/dashboard/subscriptions/" + id + "/quantity", Map.of("item", item, "quantity", "5"))).isEqualTo(409);

        JsonNode after = api.get("/subscriptions/" + id).json();
        assertThat(after.get("items").get("data").get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(after.get("updatedAt")).isEqualTo(api.get("/subscriptions/" + id).json().get("updatedAt"));
        assertThat(api.get("/invoices?subscription=" + id).json().get("data").size()).isEqualTo(1);
        assertThat(api.get("/events?type=subscription.updated").json().get("data").valueStream()
                .filter(event -> event.get("data").get("previousAttributes").has("items")).toList()).isEmpty();
    }

    @Test
    void anotherAccountsSubscriptionIsTheNotFoundPageForEveryPathAndAction() {
        Owner other = signUpOwner("Their Co");
        customerWithCard(other.api(), "theirs", GOOD_CARD);
        String theirs = subscribe(other.api(), "theirs", monthlyPrice(other.api(), "Theirs", 1000), 1);
        String theirItem = other.api().get("/subscriptions/" + theirs).json().get("items").get("data").get(0).get("id").asString();
        signIn(signUpOwner("Nosy Co"));

        assertThat(status("/dashboard/subscriptions/" + theirs)).isEqualTo(404);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING)).hasText("Page not found");
        assertThat(seriousViolations()).isEmpty();
        assertThat(status("/dashboard/subscriptions/" + theirs + "/quantity?item=" + theirItem + "&quantity=3")).isEqualTo(404);
        assertThat(status("/dashboard/subscriptions/new?customer=theirs")).isEqualTo(404);
        assertThat(status("/dashboard/subscriptions/sub_%3Cscript%3E")).isEqualTo(404);
        assertThat(status("/dashboard/subscriptions?startingAfter=" + theirs)).isEqualTo(404);
        assertThat(status("/dashboard/subscriptions?status=nope")).isEqualTo(400);

        page.navigate("/dashboard/subscriptions");
        for (String action : List.of("cancel", "keep", "pause", "resume", "quantity")) {
            assertThat(postStatus("/dashboard/subscriptions/" + theirs + "/" + action, Map.of("item", theirItem, "quantity", "3")))
                    .as(action).isEqualTo(404);
        }
        assertThat(postStatus("/dashboard/subscriptions/new?customer=theirs", Map.of("price", "price_x", "quantity", "1"))).isEqualTo(404);
        JsonNode untouched = other.api().get("/subscriptions/" + theirs).json();
        assertThat(untouched.get("status").asString()).isEqualTo("active");
        assertThat(untouched.get("items").get("data").get(0).get("quantity").asLong()).isEqualTo(1);
    }

    /** A form POST from the signed-in page, with its CSRF token, as a stale or forged form would send it. */
    private int postStatus(String path, Map<String, String> fields) {
        FormData form = FormData.create().set("_csrf", page.locator("meta[name=_csrf]").getAttribute("content"));
        fields.forEach(form::set);
        return page.request().fetch(path, RequestOptions.create().setMethod("POST").setForm(form)).status();
    }

    private int status(String path) {
        com.microsoft.playwright.Response response = page.navigate(path);
        shot(path.substring(0, Math.min(path.length(), 80)));
        return response.status();
    }



    private static Response ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static void customerWithCard(Api api, String key, String number) {
        ok(api.post("/customers", Map.of("externalKey", key, "name", "Customer " + key)), 201);
        String pm = ok(api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", number, "expMonth", 12, "expYear", 2045, "cvc", "123"))), 201).text("id");
        ok(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", key)), 200);
        ok(api.patch("/customers/" + key, Map.of("defaultPaymentMethod", pm)), 200);
    }

    private static String monthlyPrice(Api api, String product, long amount) {
        String productId = ok(api.post("/products", Map.of("name", product)), 201).text("id");
        return ok(api.post("/prices/" + productId, Map.of("currency", "usd", "unitAmount", amount, "type", "recurring",
                "recurring", Map.of("interval", "month"))), 201).text("id");
    }

    private static String subscribe(Api api, String customer, String price, long quantity) {
        return ok(api.post("/subscriptions", Map.of("customer", customer, "items", List.of(Map.of("price", price, "quantity", quantity)))), 201)
                .text("id");
    }
}
