package modulefixture.tax;

import modulefixture.customers.CustomerService;
import modulefixture.platform.Money;

/** Uses platform, which tax may, and CustomerService, which tax may not: the violation under test. */
public class TaxCalculator {

    private final CustomerService customers;

    public TaxCalculator(CustomerService customers) {
        this.customers = customers;
    }

    public Money tax(String customer, Money amount) {
        long percent = customers.country(customer).equals("DE") ? 19 : 0;
        return new Money(amount.amount() * percent / 100, amount.currency());
    }
}
