package com.chaching.payments;

import com.chaching.platform.Money;

/** What became of a refund; as with charges, an {@link Unknown} one is looked up later, never sent again. */
public sealed interface RefundOutcome permits RefundOutcome.Succeeded, RefundOutcome.Failed, RefundOutcome.Unknown {

    record Succeeded(String gatewayRefundId, Money amount) implements RefundOutcome {
    }

    record Failed(String code, String message) implements RefundOutcome {
    }

    record Unknown(String reason) implements RefundOutcome {
    }
}
