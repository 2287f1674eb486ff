package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.BrowserTest;
import com.chaching.testing.Response;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The Settings page: the account's settings with PATCH /account's rules, and the sandbox test clock. */
class SettingsBrowserTest extends BrowserTest {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"); // what Playwright's fill takes for datetime-local

    @Test
    void theNameAndTimeZoneChangeAndTheHeaderShowsTheNewName() {
        Owner owner = signUpOwner("Settings Co");
        signIn(owner);

        visit("/dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/settings"));
        PlaywrightAssertions.assertThat(page.getByLabel("Name")).hasValue("Settings Co");
        PlaywrightAssertions.assertThat(page.getByLabel("Time zone")).hasValue("UTC");
        assertThat(seriousViolations()).isEmpty();

        page.getByLabel("Name").fill("Renamed Co");
        page.getByLabel("Time zone").fill("Europe/Berlin");
        page.getByLabel("After the last retry fails").selectOption("unpaid");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/settings"));
        shot("saved");

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
        PlaywrightAssertions.assertThat(page.locator(".account-name")).hasText("Renamed Co");
        PlaywrightAssertions.assertThat(page.getByLabel("Time zone")).hasValue("Europe/Berlin");
        assertThat(seriousViolations()).isEmpty();
        Response account = owner.api().get("/account");
        assertThat(account.text("name")).isEqualTo("Renamed Co");
        assertThat(account.text("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(account.text("afterRetries")).isEqualTo("unpaid");
    }

    @Test
    void anInvalidTimeZoneShowsTheErrorBesideItsFieldAndChangesNothing() {
        Owner owner = signUpOwner("Careful Settings Co");
        signIn(owner);

        visit("/dashboard/settings");
        page.getByLabel("Name").fill("Should Not Stick");
        page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/settings"));
        shot("invalid-time-zone");

        PlaywrightAssertions.assertThat(page.locator("#timeZone-error")).hasText("Must be an IANA time zone id such as America/New_York.");
        PlaywrightAssertions.assertThat(page.getByLabel("Time zone")).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(page.getByLabel("Time zone")).hasAttribute("aria-describedby", "timeZone-error");
        PlaywrightAssertions.assertThat(page.getByLabel("Time zone")).hasValue("Mars/Olympus_Mons");
        PlaywrightAssertions.assertThat(page.getByLabel("Name")).hasValue("Should Not Stick");
        PlaywrightAssertions.assertThat(page.locator("#name-error")).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator(".account-name")).hasText("Careful Settings Co");
        assertThat(seriousViolations()).isEmpty();
        Response account = owner.api().get("/account");
        assertThat(account.text("name")).isEqualTo("Careful Settings Co");
        assertThat(account.text("timeZone")).isEqualTo("UTC");

        // The other fields' rules are the API's too, each beside its field.
        page.getByLabel("Time zone").fill("UTC");
        page.getByLabel("Retry schedule").fill("7, 3");
        page.getByLabel("Settlement days").fill("two");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/settings"));
        shot("invalid-retries-and-settlement");
        PlaywrightAssertions.assertThat(page.locator("#retrySchedule-error")).hasText("Must list days in strictly increasing order.");
        PlaywrightAssertions.assertThat(page.locator("#settlementDays-error")).hasText("Must be a whole number of days.");
        PlaywrightAssertions.assertThat(page.locator("#timeZone-error")).hasCount(0);
        assertThat(owner.api().get("/account").json().get("retrySchedule").toString()).isEqualTo("[1,3,5,7]");

        // The refusal is a 422, so a script can tell nothing was saved.
        int status = page.request().fetch("/dashboard/settings", RequestOptions.create().setMethod("POST").setForm(FormData.create()
                .set("_csrf", page.locator("input[name=_csrf]").first().inputValue())
                .set("name", "X").set("timeZone", "Nope/Nope").set("invoicePrefix", "ABC")
                .set("retrySchedule", "1, 3").set("afterRetries", "cancel").set("settlementDays", "2"))).status();
        assertThat(status).isEqualTo(422);
        assertThat(owner.api().get("/account").text("name")).isEqualTo("Careful Settings Co");
    }

    @Test
    void theTestClockAdvancesToTheTimeGivenInUtcAndRefusesThePast() {
        Owner owner = signUpOwner("Clock Co");
        signIn(owner);
        Instant before = Instant.parse(owner.api().get("/test-clock").text("now"));

        visit("/dashboard/settings");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Test clock"))).isVisible();
        PlaywrightAssertions.assertThat(page.getByText("The time below is in UTC.")).isVisible();
        assertThat(seriousViolations()).isEmpty();

        Instant target = before.plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        page.getByLabel("Advance to (UTC)").fill(LOCAL_INPUT.format(LocalDateTime.ofInstant(target, ZoneOffset.UTC)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Advance the clock")).click();
        page.waitForURL(url -> url.contains("/dashboard/settings"));
        shot("clock-advanced");

        Instant moved = Instant.parse(owner.api().get("/test-clock").text("now"));
        assertThat(moved).isBetween(target, target.plusSeconds(60));
        PlaywrightAssertions.assertThat(page.locator("#test-clock [role=status]")).containsText("The test clock is now");
        assertThat(seriousViolations()).isEmpty();

        Instant past = target.minus(Duration.ofDays(1));
        page.getByLabel("Advance to (UTC)").fill(LOCAL_INPUT.format(LocalDateTime.ofInstant(past, ZoneOffset.UTC)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Advance the clock")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/settings/test-clock"));
        shot("clock-refused");

        PlaywrightAssertions.assertThat(page.locator("#to-error")).containsText("only moves forward");
        PlaywrightAssertions.assertThat(page.getByLabel("Advance to (UTC)")).hasAttribute("aria-invalid", "true");
        assertThat(seriousViolations()).isEmpty();
        assertThat(Instant.parse(owner.api().get("/test-clock").text("now"))).isBetween(target, target.plusSeconds(60));
    }

    @Test
    void aLiveAccountsPageHasNoTestClock() {
        signIn(liveOwner());

        visit("/dashboard/settings");
        PlaywrightAssertions.assertThat(page.getByLabel("Name")).hasValue("Live Co");
        PlaywrightAssertions.assertThat(page.locator("#test-clock")).hasCount(0);
        PlaywrightAssertions.assertThat(page.getByLabel("Advance to (UTC)")).hasCount(0);
        assertThat(seriousViolations()).isEmpty();

        int status = page.request().fetch("/dashboard/settings/test-clock", RequestOptions.create().setMethod("POST")
                .setForm(FormData.create().set("_csrf", page.locator("input[name=_csrf]").first().inputValue())
                        .set("to", "2099-01-01T00:00"))).status();
        assertThat(status).isEqualTo(404);
    }

}
