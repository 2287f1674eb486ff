package com.chaching.payments.stripe;

import com.chaching.accounts.AccountService;
import com.chaching.customers.Customer;
import com.chaching.payments.CardBrand;
import com.chaching.payments.CardDetails;
import com.chaching.payments.CardToken;
import com.chaching.payments.ChargeOutcome;
import com.chaching.payments.PaymentGateway;
import com.chaching.payments.PaymentGateways;
import com.chaching.payments.RefundOutcome;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The gateway of live accounts: Stripe, through stripe-java, with the account's own key (docs/payments.md
 * "The Stripe gateway"). Charges are PaymentIntents confirmed off-session, refunds go through the Refunds
 * API, each with our key as Stripe's {@code Idempotency-Key}. Every charge and refund is written in
 * {@link StripeBooks} before it is sent, so a lost answer is settled by Stripe's id once known, or by sending
 * the identical request with the same key while Stripe still remembers the key, and never by a new request.
 * No database transaction is open while Stripe is asked (decisions.md (ac)).
 */
@Component
public class StripeGateway implements PaymentGateway {

    /** Stripe keeps an idempotency key's answer for 24 hours; a replay is sent only well inside them. */
    static final Duration REPLAY_WITHIN = Duration.ofHours(23);
    static final String KEY_METADATA = "chaching_key";
    private static final String FEE_EXPANSION = "latest_charge.balance_transaction";

    private final StripeSettings settings;
    private final StripeBooks books;
    private final AccountService accounts;
    private final Clock serverClock;

    StripeGateway(StripeSettings settings, StripeBooks books, AccountService accounts, Clock serverClock) {
        this.settings = settings;
        this.books = books;
        this.accounts = accounts;
        this.serverClock = serverClock;
    }

    /** Never reached: {@code PaymentMethodService} refuses raw card numbers from a live account before any gateway. */
    @Override
    public CardToken tokenize(Tenant tenant, CardDetails card) {
        throw new IllegalStateException("live accounts never send raw card numbers to Stripe");
    }

    @Override
    public CardToken adopt(Tenant tenant, String gatewayToken) {
        PaymentMethod method;
        try {
            method = stripe(tenant).v1().paymentMethods().retrieve(gatewayToken);
        } catch (RateLimitException busy) {
            throw unavailable();
        } catch (InvalidRequestException missing) {
            throw ApiProblem.badRequest("gateway_token_invalid", "gatewayToken",
                    "Stripe has no PaymentMethod " + gatewayToken + " that this account's key can see.");
        } catch (StripeException e) {
            throw refusal(e);
        }
        PaymentMethod.Card card = method.getCard();
        if (!"card".equals(method.getType()) || card == null) {
            throw ApiProblem.badRequest("gateway_token_invalid", "gatewayToken", "Stripe's PaymentMethod " + gatewayToken + " is not a card.");
        }
        return new CardToken(method.getId(), brand(card.getBrand()), card.getLast4(), Math.toIntExact(card.getExpMonth()),
                Math.toIntExact(card.getExpYear()), funding(card.getFunding()), card.getCountry());
    }

    /** Attaches the PaymentMethod to the Stripe Customer that mirrors ours, made the first time it is needed. */
    @Override
    public void attach(Tenant tenant, String token, Customer customer) {
        StripeClient stripe = stripe(tenant);
        String holder = mirrorOf(stripe, tenant, customer);
        try {
            stripe.v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder().setCustomer(holder).build(),
                    idempotent("attach-" + token + "-" + holder));
        } catch (CardException declined) {
            throw new ApiProblem(HttpStatus.PAYMENT_REQUIRED, StripeOutcomes.declineCode(declined.getCode(), declined.getDeclineCode()),
                    "Stripe refused to keep this card for the customer: " + stripeMessage(declined), null, List.of());
        } catch (RateLimitException busy) {
            throw unavailable();
        } catch (InvalidRequestException refused) {
            throw ApiProblem.conflict("invalid_state", "Stripe will not attach this card to the customer: " + stripeMessage(refused));
        } catch (StripeException e) {
            throw refusal(e);
        }
        books.recordAttachment(tenant, token, holder);
    }

    private String mirrorOf(StripeClient stripe, Tenant tenant, Customer customer) {
        Optional<String> known = books.stripeCustomer(tenant, customer.id());
        if (known.isPresent()) {
            return known.get();
        }
        CustomerCreateParams.Builder mirror = CustomerCreateParams.builder().putMetadata("chaching_customer", customer.id());
        if (customer.name() != null) {
            mirror.setName(customer.name());
        }
        if (customer.email() != null) {
            mirror.setEmail(customer.email());
        }
        try {
            // Two first attaches at once send the same key: Stripe makes one Customer, and the books keep it.
            String made = stripe.v1().customers().create(mirror.build(), idempotent("customer-" + customer.id())).getId();
            return books.recordStripeCustomer(tenant, customer.id(), made, serverClock.instant());
        } catch (StripeException e) {
            throw refusal(e);
        }
    }

    @Override
    public ChargeOutcome charge(Tenant tenant, String token, Money amount, String idempotencyKey) {
        requirePositive(amount);
        Optional<StripeBooks.SentCharge> earlier = books.findCharge(tenant, idempotencyKey);
        if (earlier.isPresent()) {
            StripeBooks.SentCharge sent = earlier.get();
            if (!sent.paymentMethod().equals(token) || sent.amount() != amount.amount() || !sent.currency().equals(amount.currency().code())) {
                throw new IllegalStateException("idempotency key reused for a different charge");
            }
            return lookUp(tenant, idempotencyKey, sent).orElse(new ChargeOutcome.Unknown("Stripe has no record of the charge."));
        }
        Optional<String> holder = books.holderOf(tenant, token);
        if (holder.isEmpty()) {
            return new ChargeOutcome.Declined("card_declined", "This card is not kept for the customer at Stripe; attach it to the customer again.");
        }
        StripeBooks.SentCharge sent = books.recordCharge(tenant, idempotencyKey, new StripeBooks.SentCharge(token, holder.get(),
                amount.amount(), amount.currency().code(), null, serverClock.instant()));
        return send(tenant, idempotencyKey, sent, false);
    }

    @Override
    public Optional<ChargeOutcome> findCharge(Tenant tenant, String idempotencyKey) {
        return books.findCharge(tenant, idempotencyKey).flatMap(sent -> lookUp(tenant, idempotencyKey, sent));
    }

    /**
     * What became of a charge on record: Stripe's PaymentIntent once its id is known; before that, the identical
     * request again with the same key, which Stripe answers with the first result (or, if the first never
     * arrived, makes now: still one charge); past Stripe's memory of the key, a search by our key in the
     * metadata. Empty when even that finds nothing, a day after sending: the request never arrived.
     */
    private Optional<ChargeOutcome> lookUp(Tenant tenant, String key, StripeBooks.SentCharge sent) {
        if (sent.paymentIntentId() != null) {
            try {
                return Optional.of(StripeOutcomes.ofPaymentIntent(stripe(tenant).v1().paymentIntents()
                        .retrieve(sent.paymentIntentId(), PaymentIntentRetrieveParams.builder().addExpand(FEE_EXPANSION).build())));
            } catch (StripeException e) {
                return Optional.of(new ChargeOutcome.Unknown("Stripe could not be asked: " + stripeMessage(e)));
            }
        }
        if (sent.sentAt().isAfter(serverClock.instant().minus(REPLAY_WITHIN))) {
            return Optional.of(send(tenant, key, sent, true));
        }
        try {
            List<PaymentIntent> found = stripe(tenant).v1().paymentIntents().search(PaymentIntentSearchParams.builder()
                    .setQuery("metadata['" + KEY_METADATA + "']:'" + key + "'").addExpand("data." + FEE_EXPANSION).build()).getData();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            books.recordPaymentIntent(tenant, key, found.getFirst().getId());
            return Optional.of(StripeOutcomes.ofPaymentIntent(found.getFirst()));
        } catch (StripeException e) {
            return Optional.of(new ChargeOutcome.Unknown("Stripe could not be asked: " + stripeMessage(e)));
        }
    }

    /**
     * Sends the charge on record. Only Stripe's own answer settles it: a card refusal, or a request Stripe
     * refused before moving money. A refused key settles a first request as failed, but not a replay, whose
     * first sending may have charged before the key was revoked.
     */
    private ChargeOutcome send(Tenant tenant, String key, StripeBooks.SentCharge sent, boolean replay) {
        PaymentIntentCreateParams intent = PaymentIntentCreateParams.builder()
                .setAmount(sent.amount())
                .setCurrency(sent.currency())
                .setCustomer(sent.stripeCustomerId())
                .setPaymentMethod(sent.paymentMethod())
                .addPaymentMethodType("card")
                .setConfirm(true)
                .setOffSession(true)
                .putMetadata(KEY_METADATA, key)
                .addExpand(FEE_EXPANSION)
                .build();
        try {
            PaymentIntent created = stripe(tenant).v1().paymentIntents().create(intent, idempotent(key));
            books.recordPaymentIntent(tenant, key, created.getId());
            return StripeOutcomes.ofPaymentIntent(created);
        } catch (CardException declined) {
            PaymentIntent failed = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
            if (failed != null && failed.getId() != null) {
                books.recordPaymentIntent(tenant, key, failed.getId());
            }
            return new ChargeOutcome.Declined(StripeOutcomes.declineCode(declined.getCode(), declined.getDeclineCode()), stripeMessage(declined));
        } catch (IdempotencyException conflict) {
            return new ChargeOutcome.Unknown(stillRunning(conflict, "charge"));
        } catch (AuthenticationException refused) {
            return replay ? new ChargeOutcome.Unknown("Stripe refused the account's key.")
                    : new ChargeOutcome.Declined("gateway_key_refused",
                            "Stripe refused this account's key, so nothing was charged; set a working key with PATCH /account.");
        } catch (RateLimitException busy) {
            return new ChargeOutcome.Unknown("Stripe asked us to slow down.");
        } catch (InvalidRequestException refused) {
            return new ChargeOutcome.Declined(Objects.requireNonNullElse(refused.getCode(), "invalid_request"), stripeMessage(refused));
        } catch (ApiConnectionException | ApiException unanswered) {
            return new ChargeOutcome.Unknown("Stripe did not answer: " + stripeMessage(unanswered));
        } catch (StripeException other) {
            return new ChargeOutcome.Unknown("Stripe answered in a way we do not know: " + stripeMessage(other));
        }
    }

    @Override
    public RefundOutcome refund(Tenant tenant, String gatewayChargeId, Money amount, String idempotencyKey) {
        requirePositive(amount);
        Optional<StripeBooks.SentRefund> earlier = books.findRefund(tenant, idempotencyKey);
        if (earlier.isPresent()) {
            StripeBooks.SentRefund sent = earlier.get();
            if (!sent.paymentIntentId().equals(gatewayChargeId) || sent.amount() != amount.amount()) {
                throw new IllegalStateException("idempotency key reused for a different refund");
            }
            return lookUpRefund(tenant, idempotencyKey, sent).orElse(new RefundOutcome.Unknown("Stripe has no record of the refund."));
        }
        StripeBooks.SentRefund sent = books.recordRefund(tenant, idempotencyKey, new StripeBooks.SentRefund(gatewayChargeId,
                amount.amount(), amount.currency().code(), null, serverClock.instant()));
        return sendRefund(tenant, idempotencyKey, sent, false);
    }

    @Override
    public Optional<RefundOutcome> findRefund(Tenant tenant, String idempotencyKey) {
        return books.findRefund(tenant, idempotencyKey).flatMap(sent -> lookUpRefund(tenant, idempotencyKey, sent));
    }

    /** As {@link #lookUp} for charges; refunds have no search, so past the key's life the charge's refunds are listed. */
    private Optional<RefundOutcome> lookUpRefund(Tenant tenant, String key, StripeBooks.SentRefund sent) {
        try {
            if (sent.refundId() != null) {
                return Optional.of(StripeOutcomes.ofRefund(stripe(tenant).v1().refunds().retrieve(sent.refundId())));
            }
            if (sent.sentAt().isAfter(serverClock.instant().minus(REPLAY_WITHIN))) {
                return Optional.of(sendRefund(tenant, key, sent, true));
            }
            for (Refund refund : stripe(tenant).v1().refunds().list(RefundListParams.builder()
                    .setPaymentIntent(sent.paymentIntentId()).setLimit(100L).build()).autoPagingIterable()) {
                if (key.equals(refund.getMetadata() == null ? null : refund.getMetadata().get(KEY_METADATA))) {
                    books.recordRefundId(tenant, key, refund.getId());
                    return Optional.of(StripeOutcomes.ofRefund(refund));
                }
            }
            return Optional.empty();
        } catch (StripeException e) {
            return Optional.of(new RefundOutcome.Unknown("Stripe could not be asked: " + stripeMessage(e)));
        }
    }

    private RefundOutcome sendRefund(Tenant tenant, String key, StripeBooks.SentRefund sent, boolean replay) {
        RefundCreateParams refund = RefundCreateParams.builder()
                .setPaymentIntent(sent.paymentIntentId())
                .setAmount(sent.amount())
                .putMetadata(KEY_METADATA, key)
                .build();
        try {
            Refund created = stripe(tenant).v1().refunds().create(refund, idempotent(key));
            books.recordRefundId(tenant, key, created.getId());
            return StripeOutcomes.ofRefund(created);
        } catch (IdempotencyException conflict) {
            return new RefundOutcome.Unknown(stillRunning(conflict, "refund"));
        } catch (AuthenticationException refused) {
            return replay ? new RefundOutcome.Unknown("Stripe refused the account's key.")
                    : new RefundOutcome.Failed("gateway_key_refused",
                            "Stripe refused this account's key, so nothing was refunded; set a working key with PATCH /account.");
        } catch (RateLimitException busy) {
            return new RefundOutcome.Unknown("Stripe asked us to slow down.");
        } catch (InvalidRequestException refused) {
            return new RefundOutcome.Failed(StripeOutcomes.refundRefusal(refused.getCode()), stripeMessage(refused));
        } catch (StripeException unanswered) {
            return new RefundOutcome.Unknown("Stripe did not answer: " + stripeMessage(unanswered));
        }
    }

    /**
     * Stripe answers 409 to a request whose key is still being worked on (an outcome still to come), and 400
     * to a key sent with other parameters: our bug, never a reason to send anything new.
     */
    private static String stillRunning(IdempotencyException conflict, String what) {
        if (Integer.valueOf(409).equals(conflict.getStatusCode())) {
            return "Stripe is still working on the " + what + " with this key.";
        }
        throw new IllegalStateException("idempotency key reused for a different " + what, conflict);
    }

    private StripeClient stripe(Tenant tenant) {
        return settings.client(accounts.gatewaySecret(tenant).orElseThrow(PaymentGateways::notConfigured));
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** Stripe's own message, without the request id and codes stripe-java appends. */
    private static String stripeMessage(StripeException e) {
        return e.getStripeError() != null && e.getStripeError().getMessage() != null ? e.getStripeError().getMessage() : e.getClass().getSimpleName();
    }

    /** An answer about the account's key (refused) or about Stripe (out of reach), for a call made on a user's request. */
    private static ApiProblem refusal(StripeException e) {
        if (e instanceof AuthenticationException) {
            return new ApiProblem(HttpStatus.PAYMENT_REQUIRED, "gateway_key_refused",
                    "Stripe refused this account's key; set a working one with PATCH /account.", null, List.of());
        }
        return unavailable();
    }

    private static ApiProblem unavailable() {
        return new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway_unavailable",
                "Stripe could not be reached or did not answer; nothing was changed, try again.", null, List.of());
    }

    /** Stripe names more brands than Chaching (cartes_bancaires, eftpos_au…): those read as unknown. */
    private static CardBrand brand(@Nullable String brand) {
        return Arrays.stream(CardBrand.values()).filter(known -> known.value().equals(brand)).findFirst().orElse(CardBrand.UNKNOWN);
    }

    private static CardToken.Funding funding(@Nullable String funding) {
        return switch (Objects.requireNonNullElse(funding, "unknown")) {
            case "credit" -> CardToken.Funding.CREDIT;
            case "debit" -> CardToken.Funding.DEBIT;
            case "prepaid" -> CardToken.Funding.PREPAID;
            default -> CardToken.Funding.UNKNOWN;
        };
    }

    private static void requirePositive(Money amount) {
        if (amount.amount() <= 0) {
            throw new IllegalArgumentException("a charge or refund moves a positive amount");
        }
    }
}
