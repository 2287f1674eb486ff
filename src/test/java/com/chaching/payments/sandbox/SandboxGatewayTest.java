package com.chaching.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chaching.payments.CardBrand;
import com.chaching.payments.CardDetails;
import com.chaching.payments.CardToken;
import com.chaching.payments.ChargeOutcome;
import com.chaching.payments.PaymentGateway;
import com.chaching.payments.RefundOutcome;
import com.chaching.platform.AccountClock;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import com.chaching.testing.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox gateway on its own: behaviour by card number, idempotency by key, fees, refunds and faults. */
class SandboxGatewayTest extends ApiTest {

    private static final CurrencyCode USD = CurrencyCode.of("usd");

    @Autowired
    SandboxGateway gateway;

    @Autowired
    SandboxRepository books;

    @Autowired
    AccountClock clocks;

    private Tenant tenant;

    @BeforeEach
    void newAccount() {
        tenant = new Tenant(signUp().accountId(), false);
    }

    @Test
    void eachTestCardBehavesAsApiMdSays() {
        Map<String, String> declines = Map.of(
                "4000000000000002", "card_declined",
                "4000000000009995", "insufficient_funds",
                "4000000000000069", "expired_card",
                "4000000000000341", "card_declined",
                "4000000000000119", "processing_error");
        for (String number : List.of("4242424242424242", "5555555555554444", "378282246310005")) {
            assertThat(gateway.charge(tenant, token(number), usd(1000), "ok-" + number)).as(number).isInstanceOf(ChargeOutcome.Succeeded.class);
        }
        declines.forEach((number, code) -> {
            ChargeOutcome outcome = gateway.charge(tenant, token(number), usd(1000), "fail-" + number);
            assertThat(outcome).as(number).isInstanceOfSatisfying(ChargeOutcome.Declined.class, declined -> {
                assertThat(declined.code()).isEqualTo(code);
                assertThat(declined.message()).isNotBlank();
            });
        });
    }

    @Test
    void tokensShowTheBrandLastFourAndFunding() {
        CardToken visa = gateway.tokenize(tenant, card("4242424242424242"));
        CardToken debit = gateway.tokenize(tenant, card("4000056655665556"));
        CardToken mastercardDebit = gateway.tokenize(tenant, card("5200828282828210"));
        CardToken amex = gateway.tokenize(tenant, new CardDetails("378282246310005", 1, 2031, "1234"));

        assertThat(visa.brand()).isEqualTo(CardBrand.VISA);
        assertThat(visa.last4()).isEqualTo("4242");
        assertThat(visa.funding()).isEqualTo(CardToken.Funding.CREDIT);
        assertThat(visa.country()).isEqualTo("US");
        assertThat(debit.funding()).isEqualTo(CardToken.Funding.DEBIT);
        assertThat(mastercardDebit.funding()).isEqualTo(CardToken.Funding.DEBIT);
        assertThat(mastercardDebit.brand()).isEqualTo(CardBrand.MASTERCARD);
        assertThat(amex.brand()).isEqualTo(CardBrand.AMEX);
        assertThat(amex.expYear()).isEqualTo(2031);
    }

    @Test
    void theSameKeyNeverChargesTwiceEvenAtOnce() {
        String token = token("4242424242424242");

        List<ChargeOutcome> outcomes = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> gateway.charge(tenant, token, usd(2500), "invoice-1-attempt-1")))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isEqualTo(outcomes.getFirst()));
        assertThat(jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", tenant.accountId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(gateway.charge(tenant, token, usd(2500), "invoice-1-attempt-2")).isNotEqualTo(outcomes.getFirst());
    }

    @Test
    void aKeyReusedForAnotherChargeIsRefused() {
        String token = token("4242424242424242");
        gateway.charge(tenant, token, usd(100), "reused");

        assertThatThrownBy(() -> gateway.charge(tenant, token, usd(200), "reused")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChargeCanBeLookedUpByItsKeyAndSurvivesARestart() {
        ChargeOutcome charged = gateway.charge(tenant, token("4242424242424242"), usd(1000), "look-me-up");
        ChargeOutcome declined = gateway.charge(tenant, token("4000000000000002"), usd(1000), "declined-one");

        SandboxGateway afterRestart = new SandboxGateway(books, clocks, SandboxFaults.none());

        assertThat(afterRestart.findCharge(tenant, "look-me-up")).contains(charged);
        assertThat(afterRestart.findCharge(tenant, "declined-one")).contains(declined);
        assertThat(afterRestart.findCharge(tenant, "never-sent")).isEmpty();
        assertThat(afterRestart.findCharge(new Tenant(signUp().accountId(), false), "look-me-up")).isEmpty();
    }

    @Test
    void theFeeIsTwoPointNinePercentPlusThirtyRoundedHalfUp() {
        assertThat(gateway.fee(usd(1000)).amount()).isEqualTo(59);
        assertThat(gateway.fee(usd(10_000)).amount()).isEqualTo(320);
        assertThat(gateway.fee(usd(50)).amount()).isEqualTo(31);
        assertThat(gateway.fee(usd(0)).amount()).isEqualTo(30);
        ChargeOutcome outcome = gateway.charge(tenant, token("4242424242424242"), usd(1000), "fee");
        assertThat(((ChargeOutcome.Succeeded) outcome).fee()).isEqualTo(usd(59));
    }

    @Test
    void refundsAreIdempotentAndNeverExceedTheCharge() {
        ChargeOutcome.Succeeded charge = (ChargeOutcome.Succeeded) gateway.charge(tenant, token("4242424242424242"), usd(1000), "to-refund");

        RefundOutcome part = gateway.refund(tenant, charge.gatewayChargeId(), usd(400), "refund-1");
        assertThat(gateway.refund(tenant, charge.gatewayChargeId(), usd(400), "refund-1")).isEqualTo(part);
        assertThat(part).isInstanceOf(RefundOutcome.Succeeded.class);
        assertThat(gateway.refund(tenant, charge.gatewayChargeId(), usd(700), "refund-2"))
                .isInstanceOfSatisfying(RefundOutcome.Failed.class, failed -> assertThat(failed.code()).isEqualTo("amount_too_large"));
        assertThat(gateway.refund(tenant, charge.gatewayChargeId(), usd(600), "refund-3")).isInstanceOf(RefundOutcome.Succeeded.class);
        assertThat(gateway.refund(tenant, "ch_missing", usd(1), "refund-4")).isInstanceOf(RefundOutcome.Failed.class);
        assertThat(gateway.findRefund(tenant, "refund-3")).get().isInstanceOf(RefundOutcome.Succeeded.class);
    }

    @Test
    void aTimeoutLosesTheAnswerButNotTheChargeWhichALookUpFinds() {
        SandboxGateway flaky = new SandboxGateway(books, clocks, new SandboxFaults(Duration.ZERO, 1000, 0));

        String token = token("4242424242424242");
        ChargeOutcome answer = flaky.charge(tenant, token, usd(1500), "lost-answer");

        assertThat(answer).isInstanceOf(ChargeOutcome.Unknown.class);
        ChargeOutcome found = gateway.findCharge(tenant, "lost-answer").orElseThrow();
        assertThat(found).isInstanceOf(ChargeOutcome.Succeeded.class);
        assertThat(gateway.charge(tenant, token, usd(1500), "lost-answer")).isEqualTo(found);
        assertThat(jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", tenant.accountId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aShareOfProcessingErrorsCanBeInjected() {
        SandboxGateway failing = new SandboxGateway(books, clocks, new SandboxFaults(Duration.ZERO, 0, 1000));

        ChargeOutcome outcome = failing.charge(tenant, token("4242424242424242"), usd(100), "injected");

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Declined.class, d -> assertThat(d.code()).isEqualTo("processing_error"));
        assertThat(gateway.charge(tenant, token("4242424242424242"), usd(100), "next-attempt")).isInstanceOf(ChargeOutcome.Succeeded.class);
    }

    @Test
    void aBatchOfChargesIsDecidedAsEachChargeAloneWouldBe() {
        List<String> numbers = List.of("4242424242424242", "5555555555554444", "4000000000000002", "4000000000009995",
                "4000000000000069", "4000000000000119");
        List<String> tokens = numbers.stream().map(this::token).toList();
        List<ChargeOutcome> alone = IntStream.range(0, tokens.size())
                .mapToObj(i -> gateway.charge(tenant, tokens.get(i), usd(1000 + i), "alone-" + i)).toList();

        List<ChargeOutcome> together = gateway.chargeAll(tenant, IntStream.range(0, tokens.size())
                .mapToObj(i -> new PaymentGateway.ChargeCall(tokens.get(i), usd(1000 + i), "together-" + i)).toList());

        assertThat(together).hasSameSizeAs(alone);
        for (int i = 0; i < alone.size(); i++) {
            assertThat(comparable(together.get(i))).as(numbers.get(i)).isEqualTo(comparable(alone.get(i)));
        }
        assertThat(gateway.findCharge(tenant, "together-0")).contains(together.get(0));
        assertThat(charges()).isEqualTo(2L * tokens.size());
    }

    @Test
    void aBatchAnswersAKeySeenBeforeWithItsFirstOutcomeAndChargesAKeyOnce() {
        String token = token("4242424242424242");
        ChargeOutcome first = gateway.charge(tenant, token, usd(2500), "invoice-1-attempt-1");

        List<ChargeOutcome> outcomes = gateway.chargeAll(tenant, List.of(
                new PaymentGateway.ChargeCall(token, usd(2500), "invoice-1-attempt-1"),
                new PaymentGateway.ChargeCall(token, usd(3000), "invoice-2-attempt-1"),
                new PaymentGateway.ChargeCall(token, usd(3000), "invoice-2-attempt-1"),
                new PaymentGateway.ChargeCall(token, usd(9999), "invoice-1-attempt-1")));

        assertThat(outcomes.get(0)).isEqualTo(first);
        assertThat(outcomes.get(1)).isInstanceOf(ChargeOutcome.Succeeded.class).isEqualTo(outcomes.get(2));
        assertThat(outcomes.get(3)).as("a key reused for another amount").isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(charges()).isEqualTo(2);
    }

    @Test
    void aBatchWhoseAnswerIsLostStillChargedWhichALookUpFinds() {
        SandboxGateway flaky = new SandboxGateway(books, clocks, new SandboxFaults(Duration.ZERO, 1000, 0));
        String token = token("4242424242424242");

        List<ChargeOutcome> outcomes = flaky.chargeAll(tenant, List.of(new PaymentGateway.ChargeCall(token, usd(1000), "lost-1"),
                new PaymentGateway.ChargeCall(token, usd(2000), "lost-2")));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class));
        assertThat(gateway.findCharge(tenant, "lost-2")).hasValueSatisfying(found ->
                assertThat(found).isInstanceOfSatisfying(ChargeOutcome.Succeeded.class, paid -> assertThat(paid.amount()).isEqualTo(usd(2000))));
        assertThat(charges()).isEqualTo(2);
    }

    /** An outcome without the gateway's charge id, which differs between any two charges. */
    private static Object comparable(ChargeOutcome outcome) {
        return switch (outcome) {
            case ChargeOutcome.Succeeded paid -> List.of("succeeded", paid.amount(), paid.fee());
            case ChargeOutcome.Declined declined -> List.of("declined", declined.code(), declined.message());
            case ChargeOutcome.Unknown unknown -> List.of("unknown", unknown.reason());
        };
    }

    private long charges() {
        return jdbc.sql("select count(*) from sandbox_charges where account_id = :a").param("a", tenant.accountId()).query(Long.class).single();
    }

    private String token(String number) {
        return gateway.tokenize(tenant, card(number)).token();
    }

    private static CardDetails card(String number) {
        return new CardDetails(number, 12, 2040, "123");
    }

    private static Money usd(long amount) {
        return Money.of(amount, USD);
    }
}
