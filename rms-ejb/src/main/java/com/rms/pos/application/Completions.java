package com.rms.pos.application;

import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.messaging.ProcessedEvents;
import com.rms.platform.messaging.EventConsumer;
import com.rms.pos.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The completions of an order (table {@code order_completion}). An order completes once, or again
 * after a manager re-opened it: each completion has its own stock reference ({@code order-N}, then
 * {@code order-N/2}, ...) under which its stock is held and deducted, and the event id of its
 * side effects. A re-opening reverses exactly one completion, and only once all three consumers
 * have applied it; the next completion waits until they have applied the reversal. So every
 * consumer sees sale, reversal, sale in that order, whatever the queues do.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Completions {

    /** The consumers a completion's events go to. */
    static final Set<String> CONSUMERS = EventConsumer.names();

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    ProcessedEvents processed;

    @Inject
    OrderEvents events;

    @Inject
    OrderTables tables;

    /** A completion of an order, and its re-opening if there was one. */
    public record Completion(int seq, String stockReference, String eventId, String reopenEventId) {
        boolean reopened() {
            return reopenEventId != null;
        }
    }

    /** The stock reference of an order's {@code seq}-th completion. */
    public static String stockReference(long orderId, int seq) {
        return seq == 1 ? "order-" + orderId : "order-" + orderId + "/" + seq;
    }

    /**
     * The next completion's number of an order about to complete (see {@link #next}): looked up once
     * per transaction, and not at all for an order created in it (1).
     */
    public int next(Order order) {
        Integer known = order.nextCompletion();
        if (known != null) {
            return known;
        }
        int seq = next(order.getId());
        order.nextCompletion(seq);
        return seq;
    }

    /** The stock reference the order's next completion holds and deducts under. */
    public String nextStockReference(Order order) {
        return stockReference(order.getId(), next(order));
    }

    /**
     * Completes the order's side of a completion in its transaction: the table is freed, the sale goes
     * to the outbox for stock, sales and points, and the completion is recorded under its own stock
     * reference.
     */
    public void complete(Order order) {
        tables.free(order);
        int seq = next(order);
        String eventId = events.completed(order, stockReference(order.getId(), seq));
        completed(order.getId(), seq, eventId, order.getTotal(), order.getCompletedAt());
    }

    /** The order's completions, the latest first. */
    public List<Completion> of(long orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, stock_reference, event_id, reopen_event_id "
                + "from order_completion where order_id = ?1 order by seq desc").setParameter(1, orderId).getResultList();
        return rows.stream().map(r -> new Completion(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                (String) r[3])).toList();
    }

    /**
     * The next completion's number (1 for an order never completed); for a re-opened order only once
     * its re-opening has been applied by every consumer (409 until then).
     */
    public int next(long orderId) {
        List<Completion> all = of(orderId);
        if (all.isEmpty()) {
            return 1;
        }
        Completion latest = all.get(0);
        if (!latest.reopened()) {
            throw new IllegalStateException("order " + orderId + " is completed (" + latest.seq() + ") and not re-opened");
        }
        requireApplied(latest.reopenEventId(), "the re-opening of order " + orderId);
        return latest.seq() + 1;
    }

    /** The stock reference the order's next completion holds and deducts under (see {@link #next}). */
    public String nextStockReference(long orderId) {
        return stockReference(orderId, next(orderId));
    }

    /** The reference under which stock is held for the order's next completion, to release it. */
    public String heldStockReference(long orderId) {
        List<Completion> all = of(orderId);
        return stockReference(orderId, all.isEmpty() ? 1 : all.get(0).seq() + 1);
    }

    /** Records the order's {@code seq}-th completion, whose side effects are the event {@code eventId}. */
    public void completed(long orderId, int seq, String eventId, BigDecimal total, OffsetDateTime at) {
        em.createNativeQuery("insert into order_completion (order_id, seq, stock_reference, event_id, total, "
                + "completed_at) values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, orderId).setParameter(2, seq)
                .setParameter(3, stockReference(orderId, seq)).setParameter(4, eventId).setParameter(5, total)
                .setParameter(6, at).executeUpdate();
    }

    /** The completion a re-opening will reverse: the latest, once its sale has been applied everywhere. */
    public Completion toReopen(long orderId) {
        List<Completion> all = of(orderId);
        if (all.isEmpty() || all.get(0).reopened()) {
            throw new BusinessRuleException("order " + orderId + " has no recorded completion to re-open; correct it with a refund");
        }
        Completion latest = all.get(0);
        requireApplied(latest.eventId(), "the sale of order " + orderId);
        return latest;
    }

    /** Records who re-opened the completion, why, and the event that reverses it. */
    public void reopened(long orderId, int seq, String by, String approvedBy, String reason, String eventId) {
        em.createNativeQuery("update order_completion set reopened_at = ?1, reopened_by = ?2, reopen_approved_by = ?3, "
                + "reopen_reason = ?4, reopen_event_id = ?5 where order_id = ?6 and seq = ?7")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(2, by).setParameter(3, approvedBy)
                .setParameter(4, reason).setParameter(5, eventId).setParameter(6, orderId).setParameter(7, seq)
                .executeUpdate();
    }

    private void requireApplied(String eventId, String what) {
        Set<String> applied = processed.appliedBy(eventId, CONSUMERS);
        if (!applied.containsAll(CONSUMERS)) {
            throw new ConflictException(what + " is still being recorded (stock, sales, loyalty); try again in a moment");
        }
    }
}
