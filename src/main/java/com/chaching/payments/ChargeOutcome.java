package com.chaching.payments;

import com.chaching.platform.Money;

/**
 * What became of a charge. A caller must decide what an {@link Unknown} outcome means (the network failed
 * after the request left): never charge again for it, but look the key up later.
 */
public sealed interface ChargeOutcome permits ChargeOutcome.Succeeded, ChargeOutcome.Declined, ChargeOutcome.Unknown {

    /** The money moved; {@code fee} is what the gateway keeps of it. */
    record Succeeded(String gatewayChargeId, Money amount, Money fee) implements ChargeOutcome {
    }

    /** The card was refused; nothing moved. {@code code} is the stable reason: card_declined, insufficient_funds… */
    record Declined(String code, String message) implements ChargeOutcome {
    }

    /** No answer: the charge may or may not have happened. */
    record Unknown(String reason) implements ChargeOutcome {
    }
}
