package com.chaching.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the dashboard's browser tests: the whole server as in {@link ApiTest}, driven through Debian's
 * Chromium (headless) by Playwright, one fresh browser context (no cookies) per test, with the dashboard's
 * budget of failed sign-ins as it ships (5 a quarter hour, shared by every browser test: all come from 127.0.0.1). Every page a test
 * reaches through {@link #visit} or {@link #shot} is kept as a screenshot under {@code target/screenshots/}.
 * Without /usr/bin/chromium the tests are skipped, saying what to install; CI sets
 * {@code CHACHING_REQUIRE_BROWSER=1} so that they fail instead.
 */
@TestPropertySource(properties = "chaching.rate-limit.failed-sign-ins-per-quarter-hour=5")
public abstract class BrowserTest extends ApiTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext browserContext;
    protected Page page;
    /** The message of every dialog (alert, confirm…) a page opened; each is dismissed. */
    protected final List<String> dialogs = new ArrayList<>();
    private String shotPrefix;
    private int shots;

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Browser tests need Chromium at " + CHROMIUM + ": apt-get install -y chromium";
            if ("1".equals(System.getenv("CHACHING_REQUIRE_BROWSER"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true));
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browser = null;
        }
    }

    @BeforeEach
    void openBrowserContext(TestInfo test) {
        browserContext = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()));
        page = browserContext.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        shotPrefix = getClass().getSimpleName() + "." + test.getTestMethod().map(method -> method.getName()).orElse("test");
        shots = 0;
    }

    @AfterEach
    void closeBrowserContext() {
        if (browserContext != null) {
            browserContext.close();
        }
    }

    /** Opens a path of the server, as typing it in the address bar would, and keeps a screenshot of where it led. */
    protected Page visit(String path) {
        page.navigate(path);
        shot(path);
        return page;
    }

    /** Keeps a screenshot of the page as it is now. */
    protected void shot(String label) {
        String name = "%s-%02d-%s.png".formatted(shotPrefix, ++shots, label.replaceAll("[^A-Za-z0-9]+", "_"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    /** Fills in and sends the sign-in form, and waits for the page it leads to (home, or the form with a message). */
    protected void signIn(String email, String password) {
        visit("/dashboard/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/dashboard/sign-in"));
        shot("signed-in-or-refused");
    }

    protected void signIn(Owner owner) {
        signIn(owner.email(), owner.password());
    }

    /** Opens a path as the address bar would (keeping a screenshot) and answers the status of its response. */
    protected int statusOf(String path) {
        int status = page.navigate(path).status();
        shot(path.substring(0, Math.min(path.length(), 80)));
        return status;
    }

    /**
     * Each path answers the dashboard's HTML 404 page, which shows nothing of {@code hidden} (another account's
     * data): what a URL naming another account's object, or nothing, must meet.
     */
    protected void assertNotFoundPages(String hidden, List<String> paths) {
        for (String path : paths) {
            com.microsoft.playwright.Response response = page.navigate(path);
            shot(path.substring(0, Math.min(path.length(), 80)));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.headerValue("content-type")).as(path).startsWith("text/html");
            PlaywrightAssertions.assertThat(heading()).hasText("Page not found");
            PlaywrightAssertions.assertThat(page.locator("main")).not().containsText(hidden);
        }
    }

    /**
     * A form POST from the page now open, with the session's CSRF token, as a stale or forged form would send
     * it: the status of the answer. The page stays where it is.
     */
    protected int postForm(String path, Map<String, String> fields) {
        FormData form = FormData.create().set("_csrf", page.locator("meta[name=_csrf]").getAttribute("content"));
        fields.forEach(form::set);
        return page.request().fetch(path, RequestOptions.create().setMethod("POST").setForm(form)).status();
    }

    /** The page's serious and critical accessibility violations, as axe-core finds them: a page must have none. */
    protected List<String> seriousViolations() {
        return new AxeBuilder(page).analyze().getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    /** The page's one level-1 heading. */
    protected Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** The path and query of the page's current address. */
    protected String currentPath() {
        String url = page.url();
        return url.substring(baseUrl().length());
    }
}
