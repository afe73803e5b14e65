package com.rms.pos.application;

import com.rms.payment.application.Payments;
import com.rms.payment.application.TenderRecord;
import com.rms.payment.domain.PaymentMethod;
import com.rms.payment.provider.CardCharge;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.idempotency.IdempotentCalls;
import com.rms.platform.idempotency.Keyed;
import com.rms.platform.idempotency.Replay;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.CallerContext;
import com.rms.platform.validation.Validation;
import com.rms.pos.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Settling orders at the point of sale: paying, completing at a zero balance and re-opening (the quick
 * sale is {@link QuickSales}, refunds {@link Refunds}), and the same under a key for the POS screens.
 * Each call is as few transactions as its flow allows, with its Idempotency-Key claimed and answered
 * inside them ({@link IdempotencyKeys}): cash is one transaction (the key, the tender, the stock hold,
 * the completion's outbox rows and the stored answer commit once); a card is two, with the provider
 * called between them and no transaction open — the first writes the payment PENDING (with the
 * provider's idempotency key, and the stock hold when it settles the order) and keeps the key in
 * flight, the second books the provider's answer, completes the order with its outbox rows and stores
 * the answer. A provider that cannot be reached costs a third, which forgets the PENDING payment and
 * releases the key.
 */
@ApplicationScoped
public class Settlement {

    private static final RmsLog LOG = RmsLog.of(Settlement.class);

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Settlement self;

    @Inject
    Orders orders;

    @Inject
    OrderQueries queries;

    @Inject
    OrderLocks locks;

    @Inject
    OrderEvents events;

    @Inject
    OrderStock stock;

    @Inject
    Tenders tenders;

    @Inject
    Refunds refunds;

    @Inject
    Payments payments;

    @Inject
    Completions completions;

    @Inject
    Approvals approvals;

    @Inject
    AuditTrail audit;

    @Inject
    IdempotencyKeys keys;

    @Inject
    IdempotentCalls calls;

    @Inject
    Validation validation;

    /** The operation of creating an order, as the Idempotency-Key's fingerprint names it (edge and screens alike). */
    public static String createOperation() {
        return "POST /api/v1/orders";
    }

    /** The operation of paying order {@code orderId}. */
    public static String payOperation(long orderId) {
        return "POST /api/v1/orders/" + orderId + "/payments";
    }

    /** The operation of refunding order {@code orderId}. */
    public static String refundOperation(long orderId) {
        return "POST /api/v1/orders/" + orderId + "/refunds";
    }

    // ---- paying an order

    /** {@code POST /orders/{id}/payments} under its key: cash in one transaction, a card in two. */
    public PaymentResult pay(long orderId, TenderCommand command, Attempt attempt) {
        Validation.Errors errors = validation.check(command);
        Tenders.requireToken(errors, "", command);
        errors.throwIfAny();
        Tenders.requireAccepted(command);
        if (Tenders.method(command) == PaymentMethod.CASH) {
            return self.payCash(orderId, command, attempt);
        }
        TenderRecord pending = self.startCard(orderId, command, attempt);
        CardCharge charge;
        try {
            charge = payments.charge(pending, command.cardToken());
        } catch (RuntimeException outage) {
            tenders.abandon(pending.id(), attempt);
            throw outage;
        }
        PaymentResult result = self.finishCard(orderId, pending.id(), charge, attempt);
        if (!charge.approved()) {
            LOG.info(LogContext.BUSINESS, "card payment " + result.id() + " on order " + orderId + " declined: "
                    + charge.declineCode());
            // stored with the decline by the booking's transaction
            throw Tenders.declined(charge.declineCode(), charge.declineMessage());
        }
        return result;
    }

    /** Cash on an order: one transaction from the key's claim to its answer. */
    @Transactional
    public PaymentResult payCash(long orderId, TenderCommand command, Attempt attempt) {
        writeOnce();
        keys.claim(attempt);
        Order order = locks.lock(orderId);
        String providerKey = Tenders.providerKey("pay", orderId, attempt.key());
        TenderRecord earlier = earlier(attempt, providerKey, orderId);
        Tenders.Taken taken = earlier != null ? new Tenders.Taken(earlier, false) : tenders.cash(order, command, providerKey);
        em.flush();
        PaymentResult result = Tenders.result(taken.tender(), order);
        events.announce(order, taken.completed() ? OrderEvents.COMPLETED : OrderEvents.UPDATED);
        keys.answer(attempt, 201, result);
        return result;
    }

    /** A card payment's first transaction: the payment PENDING (and the stock hold when it settles), the key in flight. */
    @Transactional
    public TenderRecord startCard(long orderId, TenderCommand command, Attempt attempt) {
        writeOnce();
        keys.claim(attempt);
        Order order = locks.lock(orderId);
        String providerKey = Tenders.providerKey("pay", orderId, attempt.key());
        TenderRecord earlier = earlier(attempt, providerKey, orderId);
        if (earlier != null && earlier.declined()) {
            throw Tenders.declined(earlier.declineCode(), earlier.declineMessage());
        }
        TenderRecord pending = earlier != null ? earlier : tenders.startCard(order, command, providerKey);
        keys.hold(attempt);
        return pending;
    }

    /** A card payment's second transaction: the provider's answer booked (which may complete the order) and answered. */
    @Transactional
    public PaymentResult finishCard(long orderId, long paymentId, CardCharge charge, Attempt attempt) {
        writeOnce();
        Order order = locks.lock(orderId);
        if (!charge.approved()) {
            TenderRecord declined = tenders.declined(order, paymentId, charge.declineCode(), charge.declineMessage());
            keys.answerPartial(attempt, Tenders.declined(charge.declineCode(), charge.declineMessage()));
            return Tenders.result(declined, order);
        }
        Tenders.Taken taken = tenders.approved(order, paymentId, charge.providerRef());
        em.flush();
        PaymentResult result = Tenders.result(taken.tender(), order);
        events.announce(order, taken.completed() ? OrderEvents.COMPLETED : OrderEvents.UPDATED);
        keys.answer(attempt, 201, result);
        return result;
    }

    /** The tender an earlier attempt under this key took (a key taken over or forgotten), on this order only. */
    private TenderRecord earlier(Attempt attempt, String providerKey, long orderId) {
        if (!attempt.found()) {
            return null; // a first attempt: nothing can exist under its provider key
        }
        TenderRecord earlier = tenders.earlier(providerKey).orElse(null);
        if (earlier != null && earlier.orderId() != orderId) {
            throw new NotFoundException("no order " + orderId);
        }
        return earlier;
    }

    // ---- the screens: paying and refunding under a key, by the same protocol as the REST edge

    /**
     * {@link #pay} for the POS screens: a retried success (the same key) is answered from the stored
     * answer after re-checking the caller may see the order; a failure is stored or releases the key by
     * the one rule of {@link IdempotencyKeys#STORED_FAILURES}.
     */
    public PaymentResult payOnce(long orderId, TenderCommand command, String key) {
        return calls.call(key, IdempotencyKeys.fingerprint(payOperation(orderId), command), PaymentResult.class, "payment",
                keyed(orderId, attempt -> pay(orderId, command, attempt)));
    }

    /** {@link Refunds#refund} for the POS screens, as {@link #payOnce}: one key gives money back once. */
    public RefundResult refundOnce(long orderId, RefundCommand command, String key) {
        return calls.call(key, IdempotencyKeys.fingerprint(refundOperation(orderId), command), RefundResult.class, "refund",
                keyed(orderId, attempt -> refunds.refund(orderId, command, attempt)));
    }

    /** Work on an existing order under a key: a replay or continuation is re-checked by reading the order. */
    private <T> Keyed<T> keyed(long orderId, java.util.function.Function<Attempt, T> work) {
        return new Keyed<>() {
            @Override
            public T run(Attempt attempt) {
                return work.apply(attempt);
            }

            @Override
            public void recheck(Replay stored, Long resume) {
                queries.get(orderId);
            }
        };
    }

    // ---- completing and re-opening

    /** Completes an open order that has nothing left to pay (a re-opened order, or one discounted to nothing). */
    @Transactional
    public OrderView complete(long id, Long expectedVersion) {
        Order order = locks.change(id, expectedVersion);
        orders.requireNoPaymentInProgress(order);
        order.close();
        // like a settling tender, the completion holds its stock first (none is left: 422)
        stock.hold(order, completions.nextStockReference(order));
        completions.complete(order);
        em.flush();
        OrderView view = queries.view(order);
        events.announce(order, OrderEvents.COMPLETED);
        return view;
    }

    /**
     * Re-opens a completed order for a correction, with a manager's approval: its payments stay, the
     * completion's side effects are reversed (stock put back, sale and loyalty points taken back) and
     * applied again when the order completes again. Refused (409) while the completion's own side
     * effects are still being applied.
     */
    @Transactional
    public OrderView reopen(long id, Long expectedVersion, VoidCommand command) {
        String reason = orders.reason(command);
        Order order = locks.change(id, expectedVersion);
        order.reopened();
        String approvedBy = approvals.require(order.getOutletId(), command.managerPin(), "re-opening a paid order");
        Completions.Completion completion = completions.toReopen(id);
        String eventId = events.reopened(order, completion, reason, OffsetDateTime.now(ZoneOffset.UTC));
        completions.reopened(id, completion.seq(), CallerContext.current().username(), approvedBy, reason, eventId);
        audit.record("order.reopen", "order:" + id, "total=" + order.getTotal() + " paid=" + order.getPaid()
                + " completion=" + completion.seq() + " reason=" + reason, approvedBy);
        return orders.changed(order);
    }

    /**
     * Writes at the end only, not before each query: the order's rows are inserted or updated once, in
     * their final state, with the lines batched (reads in these transactions never need the order's
     * own pending changes; where an answer reads the order back, it is flushed first).
     */
    private void writeOnce() {
        em.setFlushMode(FlushModeType.COMMIT);
    }

}
