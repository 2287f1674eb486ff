package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.BrowserTest;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After 5 failed sign-ins for one email or from one client address, sign-in is refused there until a failure
 * comes back (one every 3 minutes; all 5 in 15). Every browser test connects from the same loopback address,
 * so each test here starts and ends by moving the server clock far enough for every budget to be whole.
 */
class SignInThrottleBrowserTest extends BrowserTest {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final String REFUSED = "Too many failed sign-ins. Wait a few minutes, then try again.";

    @BeforeEach
    @AfterEach
    void forgetEarlierFailures() {
        serverClock.advance(QUARTER_HOUR);
    }

    @Test
    void theSixthAttemptAfterFiveFailuresIsRefusedEvenWithTheRightPasswordUntilThreeMinutesPass() {
        Owner owner = signUpOwner("Guessed Co");
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(owner.email(), "guess number " + attempt);
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong email or password.");
        }

        signIn(owner);

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasText(REFUSED);
        visit("/dashboard");
        assertThat(currentPath()).isEqualTo("/dashboard/sign-in");

        serverClock.advance(Duration.ofMinutes(3).minusSeconds(1));
        signIn(owner);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasText(REFUSED);

        serverClock.advance(Duration.ofSeconds(1));
        signIn(owner);
        // Home, with ?continue: Spring Security's mark of a page saved before sign-in (the refused visit above).
        assertThat(currentPath()).startsWith("/dashboard");
        PlaywrightAssertions.assertThat(heading()).hasText("Home");
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesRefuseNothing() {
        Owner owner = signUpOwner("Forgetful Co");
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(owner.email(), "guess number " + attempt);
        }
        serverClock.advance(QUARTER_HOUR);
        signIn(owner.email(), "guess number 5");

        signIn(owner);

        assertThat(currentPath()).isEqualTo("/dashboard");
    }

    @Test
    void fiveFailuresFromOneAddressRefuseEveryEmailFromItWithTheSameMessage() {
        Owner owner = signUpOwner("Neighbour Co");
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn("someone-" + attempt + "-" + System.nanoTime() + "@example.test", "guess");
        }

        signIn(owner);

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasText(REFUSED);
    }
}
