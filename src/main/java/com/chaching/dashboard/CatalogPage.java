package com.chaching.dashboard;

import com.chaching.catalog.Price;
import com.chaching.catalog.PriceCreate;
import com.chaching.catalog.PriceFilter;
import com.chaching.catalog.PriceService;
import com.chaching.catalog.PriceType;
import com.chaching.catalog.PriceUpdate;
import com.chaching.catalog.Product;
import com.chaching.catalog.ProductCreate;
import com.chaching.catalog.ProductFilter;
import com.chaching.catalog.ProductService;
import com.chaching.catalog.Recurring;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxRate;
import com.chaching.tax.TaxRateCreate;
import com.chaching.tax.TaxRateFilter;
import com.chaching.tax.TaxRateService;
import com.chaching.tax.TaxRateUpdate;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The catalog: products with their prices, and tax rates, with the rules of {@code POST /products},
 * {@code POST /prices/{productId}}, {@code PATCH /prices/{id}/active} and {@code POST}/{@code PATCH /taxRates}
 * (the request records' Bean Validation, then the services' {@link ApiProblem}). A refusal is a 422 with the
 * message beside its field and nothing changed; a change saved redirects back with a notice.
 */
@Controller
class CatalogPage {

    /** Products per page of the catalog (each with its prices), and tax rates per page of theirs. */
    static final int PRODUCTS_SHOWN = PageRequest.DEFAULT_LIMIT;
    static final int TAX_RATES_SHOWN = 20;
    /** Prices shown per product: the API's largest page. */
    static final int PRICES_SHOWN = 100;
    private static final PageRequest FIRST_PRODUCTS = new PageRequest(PRODUCTS_SHOWN, null, null);
    private static final PageRequest FIRST_TAX_RATES = new PageRequest(TAX_RATES_SHOWN, null, null);

    /** The billing choices of the price form: what they send as type and recurring. */
    static final List<String> BILLING = List.of("month", "year", "one_time");

    record ProductForm(String name, Map<String, String> errors) {
    }

    record PriceForm(String productId, String unitAmount, String currency, String billing, Map<String, String> errors) {
    }

    record TaxRateForm(String displayName, String percentage, Map<String, String> errors) {
    }

    /** A product and its prices, as the page lists them. */
    record ProductRow(Product product, List<Price> prices) {
    }

    private final ProductService products;
    private final PriceService prices;
    private final TaxRateService taxRates;
    private final Validator validator;

    CatalogPage(ProductService products, PriceService prices, TaxRateService taxRates, Validator validator) {
        this.products = products;
        this.prices = prices;
        this.taxRates = taxRates;
        this.validator = validator;
    }

    /** Products and tax rates page apart, each with its own cursors in the address. */
    @GetMapping("/dashboard/catalog")
    String catalog(@AuthenticationPrincipal DashboardUser user,
                   @RequestParam(required = false) @Size(max = 255) @Nullable String startingAfter,
                   @RequestParam(required = false) @Size(max = 255) @Nullable String endingBefore,
                   @RequestParam(required = false) @Size(max = 255) @Nullable String taxRatesStartingAfter,
                   @RequestParam(required = false) @Size(max = 255) @Nullable String taxRatesEndingBefore, Model model) {
        return page(model, user.tenant(), new PageRequest(PRODUCTS_SHOWN, startingAfter, endingBefore),
                new PageRequest(TAX_RATES_SHOWN, taxRatesStartingAfter, taxRatesEndingBefore), null, null, null);
    }

    @PostMapping("/dashboard/catalog/products")
    String createProduct(@AuthenticationPrincipal DashboardUser user, @RequestParam(defaultValue = "") String name,
                         Model model, HttpServletResponse response, RedirectAttributes flash) {
        ProductCreate request = new ProductCreate(name, null, null, null, null, null);
        Map<String, String> errors = errors(request);
        if (errors.isEmpty()) {
            try {
                Product created = products.create(user.tenant(), request);
                flash.addFlashAttribute("notice", "Product " + created.name() + " created.");
                return "redirect:/dashboard/catalog";
            } catch (ApiProblem problem) {
                refused(problem, errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, user.tenant(), FIRST_PRODUCTS, FIRST_TAX_RATES, new ProductForm(name, errors), null, null);
    }

    @PostMapping("/dashboard/catalog/products/{productId}/prices")
    String createPrice(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String productId,
                       @RequestParam(defaultValue = "") String unitAmount, @RequestParam(defaultValue = "") String currency,
                       @RequestParam(defaultValue = "") String billing,
                       Model model, HttpServletResponse response, RedirectAttributes flash) {
        products.get(user.tenant(), productId); // another account's or a missing product is the 404 page, not a form
        Map<String, String> errors = new LinkedHashMap<>();
        String code = currency.strip().toLowerCase(Locale.ROOT);
        Long minorUnits = null;
        CurrencyCode parsed = CurrencyCode.parse(code).orElse(null);
        if (parsed != null) {
            minorUnits = AmountInput.minorUnits(unitAmount, parsed);
            if (minorUnits == null) {
                errors.put("unitAmount", "Must be an amount such as 19.99, with at most " + parsed.exponent()
                        + " decimals for " + code.toUpperCase(Locale.ROOT) + ".");
            }
        }
        PriceType type = null;
        Recurring recurring = null;
        switch (billing) {
            case "month" -> { type = PriceType.RECURRING; recurring = new Recurring(Recurring.Interval.MONTH, 1); }
            case "year" -> { type = PriceType.RECURRING; recurring = new Recurring(Recurring.Interval.YEAR, 1); }
            case "one_time" -> type = PriceType.ONE_TIME;
            default -> errors.put("billing", "Must be one of: monthly, yearly, one-time.");
        }
        PriceCreate request = new PriceCreate(code, minorUnits, type, recurring, null, null, null, null, null, null);
        errors(request).forEach(errors::putIfAbsent);
        if (errors.containsKey("type")) {
            errors.putIfAbsent("billing", errors.remove("type"));
        }
        if (errors.isEmpty()) {
            try {
                Price created = prices.create(user.tenant(), productId, request);
                flash.addFlashAttribute("notice", "Price " + created.id() + " added.");
                return "redirect:/dashboard/catalog";
            } catch (ApiProblem problem) {
                refused(problem, errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, user.tenant(), FIRST_PRODUCTS, FIRST_TAX_RATES, null, new PriceForm(productId, unitAmount, currency, billing, errors), null);
    }

    /** The same service call as {@code PATCH /prices/{id}/active} with {@code active: false}. */
    @PostMapping("/dashboard/catalog/prices/{priceId}/deactivate")
    String deactivatePrice(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String priceId,
                           Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            prices.updateActive(user.tenant(), priceId,
                    new PriceUpdate(null, null, null, null, null, null, null, null, null, false, null));
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", problem.detail());
            return page(model, user.tenant(), FIRST_PRODUCTS, FIRST_TAX_RATES, null, null, null);
        }
        flash.addFlashAttribute("notice", "Price " + priceId + " deactivated.");
        return "redirect:/dashboard/catalog";
    }

    @PostMapping("/dashboard/catalog/taxRates")
    String createTaxRate(@AuthenticationPrincipal DashboardUser user, @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(defaultValue = "") String percentage,
                         Model model, HttpServletResponse response, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal rate = null;
        if (percentage.strip().matches("[0-9]{1,3}(\\.[0-9]{1,20})?")) {
            rate = new BigDecimal(percentage.strip());
        } else {
            errors.put("percentage", "Must be a number such as 19 or 8.875.");
        }
        TaxRateCreate request = new TaxRateCreate(displayName, null, rate, null, null, null, null, null);
        errors(request).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                taxRates.create(user.tenant(), request);
                flash.addFlashAttribute("notice", "Tax rate " + displayName.strip() + " created.");
                return "redirect:/dashboard/catalog#tax-rates";
            } catch (ApiProblem problem) {
                refused(problem, errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, user.tenant(), FIRST_PRODUCTS, FIRST_TAX_RATES, null, null, new TaxRateForm(displayName, percentage, errors));
    }

    /** The same service call as {@code PATCH /taxRates/{id}} with {@code active: false}. */
    @PostMapping("/dashboard/catalog/taxRates/{taxRateId}/deactivate")
    String deactivateTaxRate(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String taxRateId,
                             RedirectAttributes flash) {
        taxRates.update(user.tenant(), taxRateId, new TaxRateUpdate(null, null, null, null, null, null, false, null));
        flash.addFlashAttribute("notice", "Tax rate deactivated.");
        return "redirect:/dashboard/catalog#tax-rates";
    }

    private String page(Model model, Tenant tenant, PageRequest productPage, PageRequest taxRatePage,
                        @Nullable ProductForm productForm, @Nullable PriceForm priceForm, @Nullable TaxRateForm taxRateForm) {
        // The same service calls as GET /products, GET /prices?product= and GET /taxRates.
        Page<Product> listed = products.list(tenant, new ProductFilter(null, null), productPage);
        PageRequest pricesShown = new PageRequest(PRICES_SHOWN, null, null);
        List<ProductRow> rows = listed.data().stream()
                .map(product -> new ProductRow(product,
                        prices.list(tenant, new PriceFilter(product.id(), null, null, null, null), pricesShown).data()))
                .toList();
        Page<TaxRate> rates = taxRates.list(tenant, new TaxRateFilter(null), taxRatePage);
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/dashboard/catalog");
        model.addAttribute("products", rows);
        model.addAttribute("productPager", ListPager.of(listed, productPage, Product::id, address));
        model.addAttribute("taxRates", rates.data());
        model.addAttribute("taxRatePager", ListPager.of(rates, taxRatePage, TaxRate::id, address.cloneBuilder().fragment("tax-rates"), "taxRates"));
        model.addAttribute("productForm", productForm != null ? productForm : new ProductForm("", Map.of()));
        model.addAttribute("priceForm", priceForm != null ? priceForm : new PriceForm("", "", "usd", "month", Map.of()));
        model.addAttribute("taxRateForm", taxRateForm != null ? taxRateForm : new TaxRateForm("", "", Map.of()));
        model.addAttribute("billingChoices", BILLING);
        return "dashboard/catalog";
    }

    /** The request record's own Bean Validation, a sentence per failing field. */
    private Map<String, String> errors(Object request) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.byField(validator.validate(request)).forEach((field, message) -> errors.put(field, sentence(message)));
        return errors;
    }

    private static void refused(ApiProblem problem, Map<String, String> errors) {
        if (problem.status() == HttpStatus.NOT_FOUND) {
            throw problem;
        }
        errors.put(problem.param() == null ? "form" : problem.param(), problem.detail());
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
