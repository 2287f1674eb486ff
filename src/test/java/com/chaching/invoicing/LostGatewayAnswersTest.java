package com.chaching.invoicing;

import com.chaching.payments.TransactionReconciler;
import com.chaching.payments.TransactionService;
import com.chaching.payments.sandbox.WatchedSandboxGateway;
import com.chaching.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Set-up of the tests where the gateway loses every answer, so that each payment is left pending for the
 * reconciler; its scheduled passes are pushed an hour out so that the tests' own passes do the work.
 */
@Import(WatchedSandboxGateway.InPlaceOfTheSandbox.class)
@TestPropertySource(properties = {"chaching.sandbox.timeout-per-mille=1000", "chaching.reconciler.interval=PT1H"})
abstract class LostGatewayAnswersTest extends ApiTest {

    @Autowired
    WatchedSandboxGateway gateway;

    @Autowired
    TransactionReconciler reconciler;

    @Autowired
    InvoiceService invoices;

    @Autowired
    TransactionService transactions;

    @Autowired
    TransactionTemplate inTransaction;
}
