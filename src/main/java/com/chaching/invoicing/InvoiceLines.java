package com.chaching.invoicing;

import com.chaching.catalog.Price;
import com.chaching.catalog.PriceService;
import com.chaching.catalog.ProductService;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Ids;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxBehavior;
import com.chaching.tax.TaxCalculator;
import com.chaching.tax.TaxRate;
import com.chaching.tax.TaxRateService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns the lines of a request into invoice lines: amounts from prices, tax from the TaxCalculator. */
@Component
class InvoiceLines {

    private final PriceService prices;
    private final ProductService products;
    private final TaxRateService taxRates;

    InvoiceLines(PriceService prices, ProductService products, TaxRateService taxRates) {
        this.prices = prices;
        this.products = products;
        this.taxRates = taxRates;
    }

    List<InvoiceLine> of(Tenant tenant, CurrencyCode currency, List<InvoiceCreate.LineInput> inputs) {
        List<InvoiceLine> lines = new ArrayList<>(inputs.size());
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String at = "lines[" + i + "]";
            try {
                lines.add(line(tenant, currency, inputs.get(i), at));
            } catch (ApiProblem problem) {
                problems.addAll(problem.errors().isEmpty()
                        ? List.of(new ApiProblem.FieldProblem(at, problem.code(), problem.detail())) : problem.errors());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
        return lines;
    }

    private InvoiceLine line(Tenant tenant, CurrencyCode currency, InvoiceCreate.LineInput input, String at) {
        long quantity = input.quantity() == null ? 1 : input.quantity();
        String description;
        long unitAmount;
        TaxBehavior behavior;
        if (input.price() != null) {
            if (input.unitAmount() != null || input.taxBehavior() != null) {
                throw ApiProblem.invalid(at + (input.unitAmount() != null ? ".unitAmount" : ".taxBehavior"),
                        "A line with a price takes its amount and tax behavior from the price.");
            }
            Price price = priceOf(tenant, input.price(), at + ".price");
            if (!price.active()) {
                throw ApiProblem.invalid(at + ".price", "Price " + price.id() + " is inactive.");
            }
            if (!price.currency().equals(currency)) {
                throw ApiProblem.invalid(at + ".price", "Price " + price.id() + " is in " + price.currency() + ", the invoice in " + currency + ".");
            }
            description = price.description() != null ? price.description() : products.get(tenant, price.product()).name();
            unitAmount = price.unitAmount();
            behavior = price.taxBehavior();
        } else {
            if (input.description() == null || input.description().isBlank()) {
                throw ApiProblem.missing(at + ".description");
            }
            if (input.unitAmount() == null) {
                throw ApiProblem.missing(at + ".unitAmount");
            }
            description = input.description().strip();
            unitAmount = input.unitAmount();
            behavior = input.taxBehavior() == null ? TaxBehavior.EXCLUSIVE : input.taxBehavior();
        }
        if (input.periodStart() != null && input.periodEnd() != null && input.periodEnd().isBefore(input.periodStart())) {
            throw ApiProblem.invalid(at + ".periodEnd", "periodEnd must not be before periodStart.");
        }
        Money amount;
        try {
            amount = Money.of(unitAmount, currency).times(quantity);
        } catch (ArithmeticException tooLarge) {
            throw ApiProblem.invalid(at + ".quantity", "unitAmount × quantity is too large.");
        }
        List<TaxRate> rates = taxRates.activeRates(tenant, input.taxRates() == null ? List.of() : input.taxRates(), at + ".taxRates");
        TaxCalculator.LineTax tax = TaxCalculator.calculate(amount, behavior,
                rates.stream().map(rate -> new TaxCalculator.Rate(rate.id(), rate.percentage())).toList());
        return new InvoiceLine(Ids.newId("il"), "line_item", description, input.price(), quantity, unitAmount, amount.amount(), behavior,
                taxAmounts(tax), new InvoiceLine.Period(input.periodStart(), input.periodEnd()), false);
    }

    /** A subscription's lines, taxed with the subscription's rates (which were active when put on it). */
    List<InvoiceLine> ofSubscription(Tenant tenant, CurrencyCode currency, List<SubscriptionInvoice.Line> specs, List<String> taxRateIds) {
        return ofSubscription(tenant, currency, specs, taxRateIds, new HashMap<>());
    }

    /** The same, with the rates read so far ({@code known}, by id): a batch of invoices reads each rate once. */
    List<InvoiceLine> ofSubscription(Tenant tenant, CurrencyCode currency, List<SubscriptionInvoice.Line> specs, List<String> taxRateIds,
                                     Map<String, TaxCalculator.Rate> known) {
        List<TaxCalculator.Rate> rates = taxRateIds.stream().map(id -> known.computeIfAbsent(id, unknown -> {
            TaxRate rate = taxRates.get(tenant, unknown);
            return new TaxCalculator.Rate(rate.id(), rate.percentage());
        })).toList();
        List<InvoiceLine> lines = new ArrayList<>(specs.size());
        for (SubscriptionInvoice.Line spec : specs) {
            Money amount = Money.of(spec.unitAmount(), currency).times(spec.quantity());
            TaxCalculator.LineTax tax = TaxCalculator.calculate(amount, spec.taxBehavior(), rates);
            lines.add(new InvoiceLine(Ids.newId("il"), "line_item", spec.description(), spec.price(), spec.quantity(), spec.unitAmount(),
                    amount.amount(), spec.taxBehavior(), taxAmounts(tax),
                    new InvoiceLine.Period(spec.periodStart(), spec.periodEnd()), spec.proration()));
        }
        return lines;
    }

    /** A line stores its tax amounts in minor units: the invoice holds the currency. */
    private static List<InvoiceLine.TaxAmount> taxAmounts(TaxCalculator.LineTax tax) {
        return tax.amounts().stream()
                .map(part -> new InvoiceLine.TaxAmount(part.taxRateId(), part.amount().amount(), part.inclusive())).toList();
    }

    private Price priceOf(Tenant tenant, String id, String param) {
        try {
            return prices.get(tenant, id);
        } catch (ApiProblem missing) {
            throw ApiProblem.badRequest("resource_missing", param, "No such price: '" + id + "'.");
        }
    }
}
