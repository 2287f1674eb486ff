package com.chaching.payments;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payment methods", description = "Cards customers pay with, tokenised by the account's gateway.")
class PaymentMethodController {

    private final PaymentMethodService paymentMethods;

    PaymentMethodController(PaymentMethodService paymentMethods) {
        this.paymentMethods = paymentMethods;
    }

    @PostMapping("/payment-methods")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPaymentMethod", summary = "Create a card payment method", description = """
            A sandbox account sends the card (its number and cvc go to the sandbox gateway and are never stored or \
            logged; a bad Luhn check, a past expiry or a malformed cvc is a 400 naming the field). A live account \
            sends gatewayToken, the id of the PaymentMethod Stripe.js made in the buyer's browser, and Stripe is \
            asked for the card's brand, last4, expiry, funding and country; a raw card is 400 \
            raw_card_data_unsupported, a token Stripe does not know 400 gateway_token_invalid. Nothing is stored \
            when the answer is not 201. The sandbox's test cards and going live are in docs/payments.md.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "sandboxVisa", summary = "The sandbox's Visa that always succeeds", value = """
                            {
                              "type": "card",
                              "card": {"number": "4242424242424242", "expMonth": 12, "expYear": 2030, "cvc": "123"},
                              "billingDetails": {"name": "Jenny Rosen", "email": "jenny.rosen@example.com"},
                              "metadata": {"source": "checkout"}
                            }"""),
                    @ExampleObject(name = "liveStripeCard", summary = "A live account's card, made by Stripe.js", value = """
                            {"type": "card", "gatewayToken": "pm_1QxYzAbCdEfGhIjK"}""")})))
    // Declaring any response stops springdoc adding the 201, so it is declared too.
    @ApiResponse(responseCode = "201", description = "The payment method, not attached to any customer yet.")
    @ApiResponse(responseCode = "402", content = @Content, description = """
            Live accounts: no gateway configured (gateway_not_configured), or Stripe refused the account's key \
            (gateway_key_refused).""")
    @ApiResponse(responseCode = "502", content = @Content, description = """
            Live accounts: Stripe could not be reached or did not answer (gateway_unavailable); nothing was stored.""")
    PaymentMethod create(Tenant tenant, @Valid @RequestBody PaymentMethodCreate request) {
        return paymentMethods.create(tenant, request);
    }

    @GetMapping("/payment-methods")
    @Operation(operationId = "listPaymentMethods", summary = "List payment methods", description = "Newest first, keyset-paginated.")
    Page<PaymentMethod> list(Tenant tenant, @Valid @ParameterObject PaymentMethodFilter filter, @Valid @ParameterObject PageRequest page) {
        return paymentMethods.list(tenant, filter, page);
    }

    @GetMapping("/payment-methods/{id}")
    @Operation(operationId = "retrievePaymentMethod", summary = "Retrieve a payment method")
    PaymentMethod get(Tenant tenant, @PathVariable String id) {
        return paymentMethods.get(tenant, id);
    }

    @PostMapping("/payment-methods/{id}/attach")
    @Operation(operationId = "attachPaymentMethod", summary = "Attach a payment method to a customer", description = """
            Attaching to the customer it is already on returns it unchanged; to another customer is a 409. An unknown \
            customer is a 404. In a live account the card is first attached at Stripe to a Stripe Customer that \
            mirrors this one (made the first time), so that it can be charged with nobody present; Stripe refusing \
            that is a 409, a card Stripe's check declines a 402 with its code.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "toCustomer", summary = "To the customer with externalKey user-42", value = """
                    {"customer": "user-42"}"""))))
    @ApiResponse(responseCode = "200", description = "The payment method, attached.")
    @ApiResponse(responseCode = "402", content = @Content, description = """
            Live accounts: the card's check at Stripe failed (card_declined, expired_card …), no gateway is \
            configured (gateway_not_configured) or Stripe refused the account's key (gateway_key_refused).""")
    @ApiResponse(responseCode = "502", content = @Content, description = """
            Live accounts: Stripe could not be reached or did not answer (gateway_unavailable); nothing changed.""")
    PaymentMethod attach(Tenant tenant, @PathVariable String id, @Valid @RequestBody AttachRequest request) {
        return paymentMethods.attach(tenant, id, request);
    }

    @PostMapping("/payment-methods/{id}/detach")
    @Operation(operationId = "detachPaymentMethod", summary = "Detach a payment method from its customer", description = """
            A 409 when it is not attached. When it was the customer's default payment method, the customer no longer \
            has one.""")
    PaymentMethod detach(Tenant tenant, @PathVariable String id) {
        return paymentMethods.detach(tenant, id);
    }

    @GetMapping("/customers/{externalKey}/payment-methods")
    @Operation(operationId = "listCustomerPaymentMethods", summary = "List a customer's payment methods",
            description = "Newest first, keyset-paginated.")
    Page<PaymentMethod> listForCustomer(Tenant tenant, @PathVariable String externalKey,
                                        @Parameter(description = "Only this type; card is the only one.")
                                        @RequestParam(required = false) @Pattern(regexp = "card", message = "must be card") @Nullable String type,
                                        @Valid @ParameterObject PageRequest page) {
        return paymentMethods.listForCustomer(tenant, externalKey, type, page);
    }

    @GetMapping("/customers/{externalKey}/payment-methods/{id}")
    @Operation(operationId = "retrieveCustomerPaymentMethod", summary = "Retrieve one of a customer's payment methods",
            description = "A 404 also when it belongs to another customer.")
    PaymentMethod getForCustomer(Tenant tenant, @PathVariable String externalKey, @PathVariable String id) {
        return paymentMethods.getForCustomer(tenant, externalKey, id);
    }
}
