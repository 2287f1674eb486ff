package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A sandbox account's clock. */
@Schema(name = "TestClock")
public record TestClock(
        @Schema(allowableValues = "test_clock") String object,
        @Schema(description = "The account's current time: what every new timestamp of the account is.") Instant now) {

    public static TestClock at(Instant now) {
        return new TestClock("test_clock", now);
    }
}
