package com.chaching.events;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due attempts, in every running copy of the service: claims them per account (a short
 * transaction), sends them concurrently with no transaction open, and records each outcome (another short
 * one). A copy that dies between sending and recording leaves its claim to run out, and the attempt is made
 * again: at least once, never lost.
 */
@Component
class WebhookWorker {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final int ACCOUNTS_PER_ROUND = 50;
    private static final int ATTEMPTS_PER_ACCOUNT = 50;

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;

    WebhookWorker(WebhookDeliveries deliveries, WebhookSender sender) {
        this.deliveries = deliveries;
        this.sender = sender;
    }

    @Scheduled(initialDelayString = "${chaching.webhooks.delivery-interval:PT1S}",
            fixedDelayString = "${chaching.webhooks.delivery-interval:PT1S}")
    void deliverOnSchedule() {
        int delivered = deliverDue();
        if (delivered > 0) {
            log.debug("made {} webhook delivery attempts", delivered);
        }
    }

    /** Makes every attempt due now; returns how many were made. */
    int deliverDue() {
        AtomicInteger made = new AtomicInteger();
        try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String account : deliveries.accountsWithDueAttempts(ACCOUNTS_PER_ROUND)) {
                List<Future<?>> inFlight = deliveries.claim(account, ATTEMPTS_PER_ACCOUNT).stream()
                        .<Future<?>>map(attempt -> sending.submit(() -> {
                            WebhookDeliveryRepository.Claimed claim = attempt.claim();
                            WebhookSender.Outcome outcome = claim.endpointEnabled()
                                    ? sender.send(claim.url(), claim.livemode(), claim.eventId(), attempt.body(), claim.secrets())
                                    : deliveries.skipped();
                            deliveries.record(claim, outcome);
                            made.incrementAndGet();
                        }))
                        .toList();
                for (Future<?> attempt : inFlight) {
                    try {
                        attempt.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        log.error("a webhook delivery attempt failed to be recorded; its claim runs out and it is made again", e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return made.get();
                    }
                }
            }
        }
        return made.get();
    }
}
