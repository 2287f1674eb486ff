package modulefixture.customers;

/** The customers module's public face, which the tax module must not use. */
public class CustomerService {

    public String country(String customer) {
        return "DE";
    }
}
