package com.chaching.payments.sandbox;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the sandbox does with each test card number (api.md "Payments in a sandbox account"). */
final class SandboxCards {

    /** How a card behaves on a charge; stored with its token instead of its number. */
    enum Behavior {
        SUCCEEDS(null, null),
        DECLINED("card_declined", "Your card was declined."),
        INSUFFICIENT_FUNDS("insufficient_funds", "Your card has insufficient funds."),
        EXPIRED("expired_card", "Your card has expired."),
        /** Attaches like any card, then every charge is declined. */
        ATTACHES_THEN_DECLINES("card_declined", "Your card was declined."),
        PROCESSING_ERROR("processing_error", "An error occurred while processing your card. Try again in a little bit.");

        final @Nullable String failureCode;
        final @Nullable String failureMessage;

        Behavior(@Nullable String failureCode, @Nullable String failureMessage) {
            this.failureCode = failureCode;
            this.failureMessage = failureMessage;
        }
    }

    private static final Map<String, Behavior> TEST_CARDS = Map.of(
            "4000000000000002", Behavior.DECLINED,
            "4000000000009995", Behavior.INSUFFICIENT_FUNDS,
            "4000000000000069", Behavior.EXPIRED,
            "4000000000000341", Behavior.ATTACHES_THEN_DECLINES,
            "4000000000000119", Behavior.PROCESSING_ERROR);

    /** Stripe's test debit cards; every other card is credit. */
    private static final Set<String> DEBIT = Set.of("4000056655665556", "5200828282828210");

    private SandboxCards() {
    }

    /** Every number not in api.md's table of failing cards succeeds, 4242 4242 4242 4242 first among them. */
    static Behavior behaviorOf(String number) {
        return TEST_CARDS.getOrDefault(number, Behavior.SUCCEEDS);
    }

    /** The message a customer sees for a failure code. */
    static String messageOf(String failureCode) {
        for (Behavior behavior : Behavior.values()) {
            if (failureCode.equals(behavior.failureCode) && behavior.failureMessage != null) {
                return behavior.failureMessage;
            }
        }
        return switch (failureCode) {
            case "charge_missing" -> "No succeeded charge with that id.";
            case "currency_mismatch" -> "A refund is in the currency of its charge.";
            case "amount_too_large" -> "Refunds would exceed the amount charged.";
            default -> "The payment failed.";
        };
    }

    static boolean isDebit(String number) {
        return DEBIT.contains(number);
    }
}
