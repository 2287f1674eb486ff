package com.chaching.accounts;

import com.chaching.platform.BearerTokens;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts", description = "Sign-up and account settings.")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "signUp", summary = "Sign up", description = """
            Creates an account and returns it with its secret API key, shown this once: a sandbox (sk_test_), or with \
            livemode true a live account (sk_live_) that takes real money once it has a payment gateway. When the \
            server's sign-up is closed, send the operator's admin token as Authorization: Bearer <token>. A taken email \
            is a 409.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "sandboxAccount", summary = "A new sandbox account", value = """
                    {"name": "Acme Inc", "email": "owner@acme.test", "password": "correct horse battery staple"}"""))))
    SignUpResponse signUp(@Valid @RequestBody SignUpRequest request,
                          @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return accounts.signUp(request, BearerTokens.token(authorization));
    }

    @GetMapping("/account")
    @Operation(operationId = "retrieveAccount", summary = "Retrieve the account",
            description = "The account the API key belongs to, with its settings.")
    Account get(Tenant tenant) {
        return accounts.get(tenant);
    }

    @PatchMapping("/account")
    @Operation(operationId = "updateAccount", summary = "Update the account's settings", description = """
            Changes only the fields sent. A live account's gateway ({"type": "stripe", "secretKey": "sk_live_…"}) is \
            checked with Stripe first: a key Stripe refuses is a 400 gateway_key_invalid, Stripe out of reach a 502 \
            gateway_unavailable, and either way nothing changes. The key is kept sealed and never shown again; reads \
            show gateway.secretKeyLast4. A sandbox account takes no gateway (400).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "dunningSettings", summary = "Time zone, invoice numbers and retries", value = """
                    {
                      "timeZone": "America/New_York",
                      "invoicePrefix": "ACME",
                      "retrySchedule": [1, 3, 5, 7],
                      "afterRetries": "unpaid",
                      "settlementDays": 2
                    }"""))))
    // Declaring any response stops springdoc adding the 200, so it is declared too.
    @ApiResponse(responseCode = "200", description = "The account, updated.")
    @ApiResponse(responseCode = "502", content = @Content, description = """
            The gateway could not be asked whether the key works (gateway_unavailable); nothing was changed.""")
    Account update(Tenant tenant, @Valid @RequestBody AccountUpdate changes) {
        return accounts.update(tenant, changes);
    }
}
