package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.BrowserTest;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Catalog page: products and their prices, and tax rates, with the API's own rules. */
class CatalogBrowserTest extends BrowserTest {

    @Test
    void aProductGetsAMonthlyPriceThatCanBeDeactivated() {
        Owner owner = signUpOwner("Catalog Co");
        signIn(owner);

        visit("/dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Catalog")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/catalog"));
        assertThat(seriousViolations()).isEmpty();

        page.getByLabel("Product name").fill("Pro plan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create product")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/catalog"));
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Product Pro plan created.");
        Locator product = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Pro plan"));
        PlaywrightAssertions.assertThat(product).isVisible();

        product.getByLabel("Amount (such as 19.99)").fill("19.99");
        product.getByLabel("Currency").fill("usd");
        product.getByLabel("Billing").selectOption("month");
        product.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add price to Pro plan")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/catalog"));
        shot("price-added");

        Locator row = product.locator("tbody tr");
        PlaywrightAssertions.assertThat(row).hasCount(1);
        PlaywrightAssertions.assertThat(row).containsText("19.99 USD");
        PlaywrightAssertions.assertThat(row).containsText("every 1 month");
        PlaywrightAssertions.assertThat(row.locator(".price-status")).hasText("Active");
        assertThat(seriousViolations()).isEmpty();
        String priceId = row.getAttribute("id");
        JsonNode price = owner.api().get("/prices/" + priceId).json();
        assertThat(price.get("unitAmount").asLong()).isEqualTo(1999);
        assertThat(price.get("recurring").get("interval").asString()).isEqualTo("month");
        assertThat(price.get("active").asBoolean()).isTrue();

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate " + priceId)).click();
        page.waitForURL(url -> url.endsWith("/dashboard/catalog"));
        shot("price-deactivated");
        PlaywrightAssertions.assertThat(product.locator("tbody tr .price-status")).hasText("Inactive");
        assertThat(owner.api().get("/prices/" + priceId).json().get("active").asBoolean()).isFalse();
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aBlankProductNameShowsTheErrorBesideItsFieldAndCreatesNothing() {
        Owner owner = signUpOwner("Careful Catalog Co");
        signIn(owner);

        visit("/dashboard/catalog");
        page.getByLabel("Product name").fill("   ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create product")).click();
        page.waitForURL(url -> url.endsWith("/dashboard/catalog/products"));
        shot("blank-name");

        PlaywrightAssertions.assertThat(page.locator("#name-error")).isVisible();
        PlaywrightAssertions.assertThat(page.getByLabel("Product name")).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(page.getByLabel("Product name")).hasAttribute("aria-describedby", "name-error");
        assertThat(seriousViolations()).isEmpty();
        assertThat(owner.api().get("/products").json().get("data").size()).isZero();
    }

    @Test
    void aPriceFormSentWithEveryFieldEmptyIsRefusedInPlaceNotAServerError() {
        Owner owner = signUpOwner("Empty Price Co");
        String productId = owner.api().post("/products", Map.of("name", "Plan")).text("id");
        signIn(owner);
        visit("/dashboard/catalog");

        APIResponse refused = page.request().post("/dashboard/catalog/products/" + productId + "/prices", RequestOptions.create()
                .setForm(FormData.create().set("_csrf", page.locator("input[name=_csrf]").first().inputValue())
                        .set("unitAmount", "").set("currency", "").set("billing", "")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("Must be one of: monthly, yearly, one-time.");
        assertThat(owner.api().get("/prices").json().get("data").size()).isZero();
    }

    @Test
    void aTaxRateIsCreatedListedAndDeactivated() {
        Owner owner = signUpOwner("Tax Co");
        signIn(owner);

        visit("/dashboard/catalog");
        page.getByLabel("Display name").fill("VAT");
        page.getByLabel("Percentage").fill("19.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create tax rate")).click();
        page.waitForURL(url -> url.contains("/dashboard/catalog"));
        shot("tax-rate-created");

        Locator rate = page.locator("#tax-rates tbody tr");
        PlaywrightAssertions.assertThat(rate).hasCount(1);
        PlaywrightAssertions.assertThat(rate).containsText("VAT");
        PlaywrightAssertions.assertThat(rate).containsText("19.5 %");
        PlaywrightAssertions.assertThat(rate.locator(".tax-rate-status")).hasText("Active");
        assertThat(seriousViolations()).isEmpty();
        JsonNode rates = owner.api().get("/taxRates").json().get("data");
        assertThat(rates.size()).isEqualTo(1);
        assertThat(rates.get(0).get("percentage").decimalValue()).isEqualByComparingTo("19.5");

        rate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate VAT")).click();
        page.waitForURL(url -> url.contains("/dashboard/catalog"));
        PlaywrightAssertions.assertThat(rate.locator(".tax-rate-status")).hasText("Inactive");
        assertThat(owner.api().get("/taxRates").json().get("data").get(0).get("active").asBoolean()).isFalse();
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void productsAndTaxRatesPageApartWithTheirCursorsInTheAddress() {
        Owner owner = signUpOwner("Big Catalog Co");
        for (int i = 1; i <= CatalogPage.PRODUCTS_SHOWN + 2; i++) {
            owner.api().post("/products", Map.of("name", "Product " + i));
        }
        for (int i = 1; i <= CatalogPage.TAX_RATES_SHOWN + 1; i++) {
            owner.api().post("/taxRates", Map.of("displayName", "Rate " + i, "percentage", i));
        }
        signIn(owner);

        visit("/dashboard/catalog");
        assertThat(page.locator("section.product h3").allTextContents()).hasSize(CatalogPage.PRODUCTS_SHOWN)
                .contains("Product " + (CatalogPage.PRODUCTS_SHOWN + 2)).doesNotContain("Product 1", "Product 2");
        assertThat(page.locator("#tax-rates tbody tr").count()).isEqualTo(CatalogPage.TAX_RATES_SHOWN);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newer products"))).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older products")).click();
        page.waitForURL(url -> url.contains("startingAfter=prod_"));
        shot("older-products");
        assertThat(page.locator("section.product h3").allTextContents()).containsExactly("Product 2", "Product 1");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newer products")).click();
        page.waitForURL(url -> url.contains("endingBefore=prod_"));
        assertThat(page.locator("section.product h3").allTextContents()).hasSize(CatalogPage.PRODUCTS_SHOWN).doesNotContain("Product 1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older tax rates")).click();
        page.waitForURL(url -> url.contains("taxRatesStartingAfter=txr_"));
        shot("older-tax-rates");
        assertThat(page.locator("#tax-rates tbody tr td:first-child").allTextContents()).containsExactly("Rate 1");
        assertThat(seriousViolations()).isEmpty();
    }
}
