package com.rms.customer.application;

import com.rms.customer.domain.Customer;
import com.rms.customer.domain.LoyaltyKind;
import com.rms.customer.domain.LoyaltyTransaction;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventType;
import com.rms.platform.messaging.MalformedEventException;
import com.rms.platform.messaging.OrderCompleted;
import com.rms.platform.messaging.OrderRefunded;
import com.rms.platform.messaging.OrderReopened;
import com.rms.platform.messaging.SaleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loyalty points from the RMS.Loyalty queue. A completed order with a customer earns
 * floor(total × {@code rms.loyalty.points-per-unit}) points; a re-opening takes back what the
 * re-opened completion earned (the next completion earns anew); refunds take back
 * floor(earned × refunded so far / total) in total, so partial refunds add up to the full reversal.
 * The receiver applies each event once (by event id).
 */
@ApplicationScoped
@Transactional
public class Loyalty {

    public static final String CONSUMER = EventConsumer.LOYALTY.consumerName();

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "rms.loyalty.points-per-unit", defaultValue = "1")
    BigDecimal pointsPerUnit;

    /** Applies an event of the RMS.Loyalty queue in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SaleEvent event) {
        switch (EventType.of(event)) {
            case ORDER_COMPLETED -> completed((OrderCompleted) event);
            case ORDER_REOPENED -> reopened((OrderReopened) event);
            case ORDER_REFUNDED -> refunded((OrderRefunded) event);
        }
    }

    private void completed(OrderCompleted event) {
        Long customerId = event.customerId();
        if (customerId == null) {
            return;
        }
        Customer customer = em.find(Customer.class, customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new MalformedEventException("order " + event.orderId() + " names customer " + customerId
                    + ", who is not a customer of this tenant");
        }
        BigDecimal total = event.total();
        long points = total.multiply(pointsPerUnit).setScale(0, RoundingMode.FLOOR).longValueExact();
        if (customer.isAnonymised() || points <= 0) {
            return;
        }
        em.persist(new LoyaltyTransaction(customerId, LoyaltyKind.EARN, points, total, event.orderId(),
                event.eventId(), "order " + event.number(), customer.book(points)));
    }

    /**
     * A re-opening takes back all that the re-opened completion earned (a completed order without
     * refunds is the only kind re-opened); the next completion earns anew.
     */
    private void reopened(OrderReopened event) {
        earn(event.orderId(), event.completionEventId()).ifPresent(earn -> takeBack(earn.getCustomerId(),
                earn.getPoints(), event.orderId(), event.eventId(), "order re-opened"));
    }

    private void refunded(OrderRefunded event) {
        long orderId = event.orderId();
        BigDecimal amount = event.amount();
        BigDecimal total = event.total();
        if (amount.compareTo(total) > 0) {
            throw new MalformedEventException("a refund needs 0 < amount <= total, got " + amount + " of " + total);
        }
        LoyaltyTransaction earn = earn(orderId, event.completionEventId()).orElse(null);
        if (earn == null) {
            return;
        }
        // refunds only follow the order's last completion (a refunded order is not re-opened), so
        // every refund of the order counts against it
        List<LoyaltyTransaction> refunds = transactions(orderId).stream().filter(t -> t.getKind() == LoyaltyKind.REFUND)
                .toList();
        long takenBack = -refunds.stream().mapToLong(LoyaltyTransaction::getPoints).sum();
        BigDecimal refunded = refunds.stream().map(t -> t.getAmount() == null ? BigDecimal.ZERO : t.getAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add).add(amount).min(total);
        long target = BigDecimal.valueOf(earn.getPoints()).multiply(refunded).divide(total, 0, RoundingMode.FLOOR)
                .longValueExact();
        long delta = Math.max(0, Math.min(target, earn.getPoints()) - takenBack);
        Customer customer = em.find(Customer.class, earn.getCustomerId(), LockModeType.PESSIMISTIC_WRITE);
        // recorded even at 0 points: the refunded amount counts towards later partial refunds
        em.persist(new LoyaltyTransaction(earn.getCustomerId(), LoyaltyKind.REFUND, -delta, amount, orderId,
                event.eventId(), "refund", customer.book(-delta)));
    }

    private void takeBack(long customerId, long points, long orderId, String eventId, String note) {
        Customer customer = em.find(Customer.class, customerId, LockModeType.PESSIMISTIC_WRITE);
        em.persist(new LoyaltyTransaction(customerId, LoyaltyKind.VOID, -points, null, orderId, eventId, note,
                customer.book(-points)));
    }

    /** What a completion earned: the one of {@code completionEventId}, or (for events without it) the latest. */
    private Optional<LoyaltyTransaction> earn(long orderId, String completionEventId) {
        return transactions(orderId).stream().filter(t -> t.getKind() == LoyaltyKind.EARN)
                .filter(t -> completionEventId == null || completionEventId.equals(t.getEventId()))
                .reduce((first, second) -> second);
    }

    private List<LoyaltyTransaction> transactions(long orderId) {
        return em.createQuery("select t from LoyaltyTransaction t where t.orderId = :o order by t.id",
                LoyaltyTransaction.class).setParameter("o", orderId).getResultList();
    }
}
