package com.chaching.payments.stripe;

import com.chaching.payments.ChargeOutcome;
import com.chaching.payments.RefundOutcome;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What Stripe's answers mean in Chaching's terms (docs/payments.md "Stripe's answers, in Chaching's terms"):
 * a PaymentIntent or a Refund as an outcome, and Stripe's decline codes as the five Chaching names.
 */
final class StripeOutcomes {

    private StripeOutcomes() {
    }

    /**
     * The PaymentIntent's outcome. Succeeded needs the fee from its charge's balance transaction; a charge
     * Stripe has not booked yet is Unknown, and asked about again later by its id.
     */
    static ChargeOutcome ofPaymentIntent(PaymentIntent intent) {
        return switch (Objects.requireNonNullElse(intent.getStatus(), "")) {
            case "succeeded" -> succeeded(intent);
            case "requires_payment_method" -> intent.getLastPaymentError() == null
                    ? new ChargeOutcome.Unknown("Stripe has the PaymentIntent but it was never confirmed.")
                    : declined(intent.getLastPaymentError());
            case "requires_action" -> new ChargeOutcome.Declined("authentication_required",
                    "The card's bank asks the customer to confirm this payment, and they are not here to do it.");
            case "canceled" -> new ChargeOutcome.Declined("card_declined", "The payment was canceled at Stripe.");
            default -> new ChargeOutcome.Unknown("Stripe's PaymentIntent is " + intent.getStatus() + ".");
        };
    }

    private static ChargeOutcome succeeded(PaymentIntent intent) {
        CurrencyCode currency = CurrencyCode.of(intent.getCurrency());
        Money amount = Money.of(intent.getAmount(), currency);
        Charge charge = intent.getLatestChargeObject();
        BalanceTransaction booked = charge == null ? null : charge.getBalanceTransactionObject();
        if (booked == null) {
            return new ChargeOutcome.Unknown("Stripe has not booked the charge's balance transaction yet.");
        }
        return new ChargeOutcome.Succeeded(intent.getId(), amount, Money.of(feeInChargeCurrency(booked, intent), currency));
    }

    /**
     * Stripe books the fee in the account's settlement currency. When that is not the charge's, the fee is
     * taken back into the charge's currency at the rate Stripe converted the charge with, half up.
     */
    static long feeInChargeCurrency(BalanceTransaction booked, PaymentIntent intent) {
        long fee = booked.getFee();
        if (booked.getCurrency().equalsIgnoreCase(intent.getCurrency()) || booked.getExchangeRate() == null) {
            return fee;
        }
        return BigDecimal.valueOf(fee).divide(booked.getExchangeRate(), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A card refusal, by the most precise of Stripe's two codes that Chaching names. */
    static ChargeOutcome.Declined declined(StripeError error) {
        return new ChargeOutcome.Declined(declineCode(error.getCode(), error.getDeclineCode()),
                Objects.requireNonNullElse(error.getMessage(), "The card was declined."));
    }

    static String declineCode(@Nullable String code, @Nullable String declineCode) {
        if ("authentication_required".equals(code) || "authentication_required".equals(declineCode)) {
            return "authentication_required";
        }
        if ("insufficient_funds".equals(declineCode)) {
            return "insufficient_funds";
        }
        if ("expired_card".equals(code) || "expired_card".equals(declineCode)) {
            return "expired_card";
        }
        if ("processing_error".equals(code) || "processing_error".equals(declineCode)) {
            return "processing_error";
        }
        return "card_declined";
    }

    static RefundOutcome ofRefund(Refund refund) {
        return switch (Objects.requireNonNullElse(refund.getStatus(), "")) {
            case "succeeded" -> new RefundOutcome.Succeeded(refund.getId(),
                    Money.of(refund.getAmount(), CurrencyCode.of(refund.getCurrency())));
            case "failed", "canceled" -> new RefundOutcome.Failed(Objects.requireNonNullElse(refund.getFailureReason(), "refund_failed"),
                    "Stripe could not return the money to the card.");
            default -> new RefundOutcome.Unknown("Stripe's refund is " + refund.getStatus() + ".");
        };
    }

    /** Stripe's refusals of a refund request, in the codes the sandbox uses for the same reasons. */
    static String refundRefusal(@Nullable String code) {
        if ("charge_already_refunded".equals(code) || "amount_too_large".equals(code)) {
            return "amount_too_large";
        }
        return code == null ? "refund_failed" : code;
    }
}
