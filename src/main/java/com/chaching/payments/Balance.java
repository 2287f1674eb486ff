package com.chaching.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The account's money at its gateway, per currency (billing.md "Transactions and balance"). */
@Schema(name = "Balance")
public record Balance(
        @Schema(allowableValues = "balance") String object,
        @Schema(description = "Settled: the net of charges past their settlement date, minus refunds.") List<Amount> available,
        @Schema(description = "Not yet settled: the net of succeeded charges before their settlement date.") List<Amount> pending) {

    /** An amount of one currency. */
    @Schema(name = "BalanceAmount")
    public record Amount(long amount, @Schema(example = "usd") String currency) {
    }

    /** One currency's sums, as the repository adds them up. */
    record Amounts(String currency, long available, long pending) {
    }

    static Balance of(List<Amounts> sums) {
        return new Balance("balance",
                sums.stream().map(sum -> new Amount(sum.available(), sum.currency())).toList(),
                sums.stream().map(sum -> new Amount(sum.pending(), sum.currency())).toList());
    }
}
