package com.rms.pos.application;

import com.rms.payment.application.Payments;
import com.rms.payment.application.TenderRecord;
import com.rms.payment.domain.PaymentMethod;
import com.rms.payment.provider.CardCharge;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.text.Hashes;
import com.rms.pos.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /orders} under its key: an order, or with {@code payments} a quick sale — the order and
 * its tenders in one call. In cash it is one transaction: the key, the order and its lines, the
 * tenders, the stock hold, the outbox rows and the stored answer commit once (counted in process on H2
 * by SettlementTransactionsTest: 1 commit and 27 statements for three lines, where it was 5 local and 4
 * two-phase transactions and about 100 statements). With a card it is two: the first stores the order,
 * takes the cash, writes the card PENDING and links the key to the order; the provider is called with
 * no transaction open; the second books the answer, completes the order and stores the answer.
 *
 * <p>A card that could not be charged (provider down 503, decline 422) leaves the order stored: the
 * answer is the problem plus {@code orderId}, and a retry with the same key continues on that order,
 * taking only the tenders not yet taken (each tender's provider key is derived from the request's key
 * and its index, so a tender taken is found again and a card is never charged twice), 201 once paid.
 */
@ApplicationScoped
public class QuickSales {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    QuickSales self;

    @Inject
    Orders orders;

    @Inject
    OrderQueries queries;

    @Inject
    OrderLocks locks;

    @Inject
    OrderEvents events;

    @Inject
    Tenders tenders;

    @Inject
    Payments payments;

    @Inject
    IdempotencyKeys keys;

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
        em.setFlushMode(FlushModeType.COMMIT); // see Settlement
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
                tenders.abandon(step.pending().id(), attempt);
                throw partial(step.orderId(), step.tender(), outage);
            }
            step = self.continueQuickSale(step, charge, command, attempt);
        }
        return step.view();
    }

    /** Where a quick sale stands between its transactions: a card charge to make, a decline, or its answer. */
    public record Step(long orderId, int tender, TenderRecord pending, RmsException failure, OrderView view) {

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
        em.setFlushMode(FlushModeType.COMMIT); // see Settlement
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
        em.setFlushMode(FlushModeType.COMMIT); // see Settlement
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

    /** Flushes the order's changes once (its new version), announces it, and stores the 201 answer. */
    private OrderView answered(Order order, List<TenderRecord> taken, boolean completed, Attempt attempt) {
        flushAndAnnounce(order, attempt.resume() == null, completed);
        // what this transaction took is what a new order has; a continued one is read with its earlier tenders
        OrderView view = attempt.resume() == null ? OrderView.of(order, taken.stream().map(TenderRecord::view).toList())
                : queries.view(order);
        keys.answer(attempt, 201, view);
        return view;
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
