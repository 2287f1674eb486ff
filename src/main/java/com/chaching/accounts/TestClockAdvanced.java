package com.chaching.accounts;

import com.chaching.platform.Tenant;
import java.time.Instant;

/**
 * A sandbox account's clock moved from {@code from} to {@code to}. Published inside the advancing
 * transaction, so a listener (the billing engine) can run the work that fell due before the call answers.
 */
public record TestClockAdvanced(Tenant tenant, Instant from, Instant to) {
}
