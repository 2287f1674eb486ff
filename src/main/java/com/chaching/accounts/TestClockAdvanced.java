package com.chaching.accounts;

import com.chaching.platform.Tenant;
import java.time.Instant;

/**
 * A sandbox account's clock is moving from {@code from} to {@code to}. Published outside any transaction,
 * before the clock reaches {@code to}: a listener (the billing engine) runs the work that falls due up to
 * {@code to}, in time order, moving the clock to each piece of work's instant, before the call answers. A
 * listener may refuse the advance, before doing any work, by throwing a 400 problem: the clock then stays.
 */
public record TestClockAdvanced(Tenant tenant, Instant from, Instant to) {
}
