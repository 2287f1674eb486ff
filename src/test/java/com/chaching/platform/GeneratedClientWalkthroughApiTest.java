package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.client.ApiClient;
import com.chaching.client.api.AccountsApi;
import com.chaching.client.api.CustomersApi;
import com.chaching.client.api.InvoicesApi;
import com.chaching.client.api.PaymentMethodsApi;
import com.chaching.client.api.PricesApi;
import com.chaching.client.api.ProductsApi;
import com.chaching.client.api.SubscriptionsApi;
import com.chaching.client.api.TestClockApi;
import com.chaching.client.model.AdvanceRequest;
import com.chaching.client.model.AttachRequest;
import com.chaching.client.model.CardInput;
import com.chaching.client.model.Customer;
import com.chaching.client.model.CustomerCreate;
import com.chaching.client.model.CustomerUpdate;
import com.chaching.client.model.Invoice;
import com.chaching.client.model.ItemInput;
import com.chaching.client.model.PaymentMethodCreate;
import com.chaching.client.model.PriceCreate;
import com.chaching.client.model.ProductCreate;
import com.chaching.client.model.Recurring;
import com.chaching.client.model.SignUpRequest;
import com.chaching.client.model.Subscription;
import com.chaching.client.model.SubscriptionCreate;
import com.chaching.testing.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, driven through the Java client OpenAPI Generator makes with default options
 * from docs/openapi.json (the served description): if the description lied about a field, a type, a
 * nullable or a status, this client would fail to read the answer.
 */
class GeneratedClientWalkthroughApiTest extends ApiTest {

    @Test
    void monthlyBillingFromSignUpToTheFirstRenewalThroughTheGeneratedClient() throws Exception {
        ApiClient client = new ApiClient().setBasePath(baseUrl());
        String key = new AccountsApi(client).signUp(new SignUpRequest().name("Acme Inc")
                .email("owner-" + System.nanoTime() + "@acme.example").password("correct horse battery staple")).getApiKey();
        client.setBearerToken(key);

        Customer customer = new CustomersApi(client).createCustomer(new CustomerCreate()
                .externalKey("user-42").name("Jenny Rosen").email("jenny@example.com"), null);
        String product = new ProductsApi(client).createProduct(new ProductCreate().name("Pro plan"), null).getId();
        String price = new PricesApi(client).createPrice(product, new PriceCreate().currency("usd").unitAmount(1500L)
                .type(PriceCreate.TypeEnum.RECURRING).recurring(new Recurring().interval(Recurring.IntervalEnum.MONTH)), null).getId();
        PaymentMethodsApi paymentMethods = new PaymentMethodsApi(client);
        String card = paymentMethods.createPaymentMethod(new PaymentMethodCreate().type(PaymentMethodCreate.TypeEnum.CARD)
                .card(new CardInput().number("4242 4242 4242 4242").expMonth(12).expYear(2030).cvc("123")), null).getId();
        paymentMethods.attachPaymentMethod(card, new AttachRequest().customer("user-42"), null);
        Customer withCard = new CustomersApi(client).updateCustomer("user-42", new CustomerUpdate().defaultPaymentMethod(card), null);

        Subscription subscription = new SubscriptionsApi(client).createSubscription(new SubscriptionCreate()
                .customer("user-42").items(List.of(new ItemInput().price(price))), null);
        InvoicesApi invoices = new InvoicesApi(client);
        Invoice first = invoices.retrieveInvoice(subscription.getLatestInvoice());
        new TestClockApi(client).advanceTestClock(new AdvanceRequest().to(subscription.getCurrentPeriodEnd()), null);
        List<Invoice> all = invoices.listInvoices("user-42", null, null, null, null, null, null, null).getData();
        Subscription renewed = new SubscriptionsApi(client).retrieveSubscription(subscription.getId());

        assertThat(customer.getPhone()).isNull();
        assertThat(withCard.getDefaultPaymentMethod()).isEqualTo(card);
        assertThat(subscription.getStatus()).isEqualTo(Subscription.StatusEnum.ACTIVE);
        assertThat(first.getStatus()).isEqualTo(Invoice.StatusEnum.PAID);
        assertThat(first.getTotal()).isEqualTo(1500L);
        assertThat(all).hasSize(2);
        assertThat(all.getFirst().getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(all.getFirst().getStatus()).isEqualTo(Invoice.StatusEnum.PAID);
        assertThat(all.getFirst().getAmountPaid()).isEqualTo(1500L);
        assertThat(renewed.getCurrentPeriodStart()).isEqualTo(subscription.getCurrentPeriodEnd());
        assertThat(renewed.getStatus()).isEqualTo(Subscription.StatusEnum.ACTIVE);
    }
}
