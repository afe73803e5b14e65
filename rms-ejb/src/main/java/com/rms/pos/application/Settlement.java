package com.rms.pos.application;

import com.rms.payment.application.Payments;
import com.rms.payment.application.TenderRecord;
import com.rms.payment.domain.PaymentMethod;
import com.rms.payment.provider.CardCharge;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.CallerContext;
import com.rms.platform.text.Hashes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settling orders at the point of sale: the quick sale (an order and its tenders in one call), paying,
 * completing at a zero balance and re-opening (refunds: {@link Refunds}). Each call is as few
 * transactions as its flow allows, with its Idempotency-Key claimed and answered inside them
 * ({@link IdempotencyKeys}):
 * <ul>
 * <li>cash (a quick sale paid in cash, a cash payment) is one transaction: the key, the order and its
 * lines, the tenders, the stock hold, the outbox rows and the stored answer commit once;</li>
 * <li>a card is two, with the provider called between them and no transaction open: the first writes
 * the payment PENDING (with the provider's idempotency key, and the stock hold when it settles the
 * order) and keeps the key in flight; the second books the provider's answer, completes the order with
 * its outbox rows, and stores the answer. A provider that cannot be reached costs a third, which
 * forgets the PENDING payment and releases the key.</li>
 * </ul>
 * A quick sale with a card that could not be charged (provider down 503, decline 422) keeps its order
 * and answers the problem plus {@code orderId}; its retry with the same key continues on that order and
 * takes only the tenders not yet taken (each tender's provider key is derived from the request's key
 * and its index, so a tender taken is found again, and a card is never charged twice).
 *
 * <p>Measured in process on H2 (SettlementTransactionsTest): a cash quick sale of three lines was 5
 * local and 4 two-phase transactions and about 100 statements before; it is one transaction now.
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

    // ---- creating: an order, or a quick sale

    /** {@code POST /orders} under its key: an order, or with {@code payments} a quick sale. */
    public OrderView create(CreateOrderCommand command, Attempt attempt) {
        if (command == null || !command.quickSale()) {
            return orders.create(command, attempt);
        }
        boolean card = command.payments().stream().anyMatch(t -> t != null && "CARD".equalsIgnoreCase(
                t.method() == null ? null : t.method().trim()));
        return card ? quickSaleWithCard(command, attempt) : self.quickSaleForCash(command, attempt);
    }

    /** A quick sale in cash: one transaction from the key's claim to its answer. */
    @Transactional
    public OrderView quickSaleForCash(CreateOrderCommand command, Attempt attempt) {
        writeOnce();
        keys.claim(attempt);
        Order order = attempt.resume() == null ? orders.open(command) : locks.lock(attempt.resume());
        List<TenderRecord> taken = new ArrayList<>();
        boolean completed = takeCash(order, command, attempt, taken);
        return answered(order, taken, completed, attempt);
    }

    /** The quick sale's first transaction, then each card charged between transactions of their own. */
    private OrderView quickSaleWithCard(CreateOrderCommand command, Attempt attempt) {
        Step step = self.startQuickSale(command, attempt);
        while (step.view() == null) {
            if (step.failure() != null) {
                throw step.failure(); // stored with the decline by the step's transaction
            }
            CardCharge charge;
            try {
                charge = payments.charge(step.pending(), command.payments().get(step.tender()).cardToken());
            } catch (RuntimeException outage) {
                self.abandon(step.pending().id(), attempt);
                throw partial(step.orderId(), step.tender(), outage);
            }
            step = self.continueQuickSale(step, charge, command, attempt);
        }
        return step.view();
    }

    /** Where a quick sale stands between its transactions: a card charge to make, a decline, or its answer. */
    record Step(long orderId, int tender, TenderRecord pending, RmsException failure, OrderView view) {

        static Step charge(long orderId, int tender, TenderRecord pending) {
            return new Step(orderId, tender, pending, null, null);
        }

        static Step answer(long orderId, OrderView view) {
            return new Step(orderId, -1, null, null, view);
        }
    }

    /**
     * The quick sale's first transaction: the key claimed and linked to the order (so a retry continues
     * on it), the cash tenders taken, and the first card not yet taken written PENDING.
     */
    @Transactional
    public Step startQuickSale(CreateOrderCommand command, Attempt attempt) {
        writeOnce();
        keys.claim(attempt);
        boolean resumed = attempt.resume() != null;
        Order order = resumed ? locks.lock(attempt.resume()) : orders.open(command);
        if (!resumed) {
            keys.resumeWith(attempt, order.getId());
        } else {
            keys.hold(attempt);
        }
        List<TenderRecord> taken = new ArrayList<>();
        boolean completed = takeCash(order, command, attempt, taken);
        Step next = completed ? null : nextCard(order, command, attempt, 0);
        if (next != null) {
            flushAndAnnounce(order, !resumed, false);
            return next;
        }
        return Step.answer(order.getId(), answered(order, taken, completed, attempt));
    }

    /**
     * Books a card's answer: approved, the next card not yet taken is written PENDING, or when none is
     * left the sale is answered (and the order completed with its outbox rows); declined, the decline is
     * kept on record and answered with the order (its retry continues on it).
     */
    @Transactional
    public Step continueQuickSale(Step step, CardCharge charge, CreateOrderCommand command, Attempt attempt) {
        writeOnce();
        Order order = locks.lock(step.orderId());
        if (!charge.approved()) {
            tenders.declined(order, step.pending().id(), charge.declineCode(), charge.declineMessage());
            RmsException declined = partial(order.getId(), step.tender(),
                    Tenders.declined(charge.declineCode(), charge.declineMessage()));
            keys.answerPartial(attempt, declined);
            return new Step(order.getId(), step.tender(), null, declined, null);
        }
        boolean completed = tenders.approved(order, step.pending().id(), charge.providerRef()).completed();
        Step next = completed ? null : nextCard(order, command, attempt, step.tender() + 1);
        if (next != null) {
            flushAndAnnounce(order, false, false);
            return next;
        }
        em.flush();
        OrderView view = queries.view(order);
        events.announce(order, completed ? OrderEvents.COMPLETED : OrderEvents.UPDATED);
        keys.answer(attempt, 201, view);
        return Step.answer(order.getId(), view);
    }

    /** Forgets a card charge the provider never confirmed, and releases the key (a partial sale's is unlocked). */
    @Transactional
    public void abandon(long paymentId, Attempt attempt) {
        tenders.forget(paymentId);
        keys.release(attempt);
    }

    /** The cash tenders of a quick sale not yet taken (a continuation finds the ones taken by their provider keys). */
    private boolean takeCash(Order order, CreateOrderCommand command, Attempt attempt, List<TenderRecord> taken) {
        boolean completed = false;
        List<TenderCommand> all = command.payments();
        for (int i = 0; i < all.size(); i++) {
            TenderCommand tender = all.get(i);
            if (Tenders.method(tender) != PaymentMethod.CASH) {
                continue;
            }
            String providerKey = Tenders.providerKey("pay", order.getId(), tenderKey(attempt.key(), i));
            if (attempt.resume() != null && tenders.earlier(providerKey).isPresent()) {
                continue;
            }
            Tenders.Taken cash = tenders.cash(order, tender, providerKey);
            taken.add(cash.tender());
            completed |= cash.completed();
        }
        return completed;
    }

    /** The first card tender from {@code from} not yet taken, written PENDING (or the one a crashed attempt left). */
    private Step nextCard(Order order, CreateOrderCommand command, Attempt attempt, int from) {
        List<TenderCommand> all = command.payments();
        for (int i = from; i < all.size(); i++) {
            TenderCommand tender = all.get(i);
            if (Tenders.method(tender) != PaymentMethod.CARD) {
                continue;
            }
            String providerKey = Tenders.providerKey("pay", order.getId(), tenderKey(attempt.key(), i));
            TenderRecord earlier = attempt.resume() == null ? null : tenders.earlier(providerKey).orElse(null);
            if (earlier != null && earlier.succeeded()) {
                continue;
            }
            if (earlier != null && earlier.declined()) {
                throw partial(order.getId(), i, Tenders.declined(earlier.declineCode(), earlier.declineMessage()));
            }
            return Step.charge(order.getId(), i, earlier != null ? earlier : tenders.startCard(order, tender, providerKey));
        }
        return null;
    }

    /** The key of a quick sale's {@code i}-th tender: within a key's 255 characters even when the sale's uses them all. */
    private static String tenderKey(String key, int i) {
        return (key.length() <= 250 ? key : Hashes.sha256(key)) + "#" + (i + 1);
    }

    /** A quick sale's tender failed: the problem names the order stored, which a retry with the same key continues on. */
    private static RmsException partial(long orderId, int tender, RuntimeException failure) {
        if (!(failure instanceof RmsException failed)) {
            throw failure;
        }
        String detail = "order " + orderId + " was created and stays open; payment " + (tender + 1) + " failed: "
                + failed.getMessage() + " Retry with the same Idempotency-Key to take the payments not yet taken.";
        Map<String, Long> order = Map.of("orderId", orderId);
        if (failed instanceof ServiceUnavailableException unavailable) {
            return new ServiceUnavailableException(detail, unavailable.retryAfterSeconds(), order);
        }
        if (failed.status() == 422) {
            return new BusinessRuleException(detail, failed.errors(), order);
        }
        return failed;
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
        Step step = self.startCard(orderId, command, attempt);
        CardCharge charge;
        try {
            charge = payments.charge(step.pending(), command.cardToken());
        } catch (RuntimeException outage) {
            self.abandon(step.pending().id(), attempt);
            throw outage;
        }
        PaymentResult result = self.finishCard(orderId, step.pending().id(), charge, attempt);
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
    public Step startCard(long orderId, TenderCommand command, Attempt attempt) {
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
        return Step.charge(orderId, 0, pending);
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
        return keys.call(key, IdempotencyKeys.fingerprint(payOperation(orderId), command), PaymentResult.class, "payment",
                keyed(orderId, attempt -> pay(orderId, command, attempt)));
    }

    /** {@link Refunds#refund} for the POS screens, as {@link #payOnce}: one key gives money back once. */
    public RefundResult refundOnce(long orderId, RefundCommand command, String key) {
        return keys.call(key, IdempotencyKeys.fingerprint(refundOperation(orderId), command), RefundResult.class, "refund",
                keyed(orderId, attempt -> refunds.refund(orderId, command, attempt)));
    }

    /** Work on an existing order under a key: a replay or continuation is re-checked by reading the order. */
    private <T> IdempotencyKeys.Keyed<T> keyed(long orderId, java.util.function.Function<Attempt, T> work) {
        return new IdempotencyKeys.Keyed<>() {
            @Override
            public T run(Attempt attempt) {
                return work.apply(attempt);
            }

            @Override
            public void recheck(IdempotencyKeys.Replay stored, Long resume) {
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

    // ---- shared

    /** Flushes the order's changes once (its new version), announces it, and stores the 201 answer. */
    private OrderView answered(Order order, List<TenderRecord> taken, boolean completed, Attempt attempt) {
        flushAndAnnounce(order, attempt.resume() == null, completed);
        // what this transaction took is what a new order has; a continued one is read with its earlier tenders
        OrderView view = attempt.resume() == null ? OrderView.of(order, taken.stream().map(TenderRecord::view).toList())
                : queries.view(order);
        keys.answer(attempt, 201, view);
        return view;
    }

    /**
     * Writes at the end only, not before each query: the order's rows are inserted or updated once, in
     * their final state, with the lines batched (reads in these transactions never need the order's
     * own pending changes; where an answer reads the order back, it is flushed first).
     */
    private void writeOnce() {
        em.setFlushMode(FlushModeType.COMMIT);
    }

    private void flushAndAnnounce(Order order, boolean created, boolean completed) {
        em.flush();
        if (created) {
            events.announce(order, OrderEvents.CREATED);
        }
        if (completed) {
            events.announce(order, OrderEvents.COMPLETED);
        } else if (!created) {
            events.announce(order, OrderEvents.UPDATED);
        }
    }
}
