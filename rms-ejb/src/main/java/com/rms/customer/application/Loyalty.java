package com.rms.customer.application;

import com.rms.customer.domain.Customer;
import com.rms.customer.domain.LoyaltyKind;
import com.rms.customer.domain.LoyaltyTransaction;
import com.rms.platform.messaging.EventMessage;
import com.rms.platform.messaging.MalformedEventException;
import com.rms.platform.messaging.ProcessedEvents;
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
 * re-opened completion earned (the next completion earns anew); a void takes back what the order
 * still holds; refunds take back floor(earned × refunded so far / total)
 * in total, so partial refunds add up to the full reversal. Each event is applied once.
 */
@ApplicationScoped
@Transactional
public class Loyalty {

    public static final String CONSUMER = "loyalty";

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    ProcessedEvents processed;

    @Inject
    @ConfigProperty(name = "rms.loyalty.points-per-unit", defaultValue = "1")
    BigDecimal pointsPerUnit;

    public void apply(EventMessage event) {
        switch (event.type()) {
            case "order.completed" -> completed(event);
            case "order.voided" -> voided(event);
            case "order.reopened" -> reopened(event);
            case "order.refunded" -> refunded(event);
            default -> throw new MalformedEventException("the loyalty consumer does not handle " + event.type());
        }
    }

    private void completed(EventMessage event) {
        long orderId = event.requireLong("orderId");
        Long customerId = event.optionalLong("customerId").orElse(null);
        BigDecimal total = event.requireMoney("total");
        if (!processed.firstTime(CONSUMER, event) || customerId == null) {
            return;
        }
        Customer customer = em.find(Customer.class, customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new MalformedEventException("order " + orderId + " names customer " + customerId
                    + ", who is not a customer of this tenant");
        }
        long points = total.multiply(pointsPerUnit).setScale(0, RoundingMode.FLOOR).longValueExact();
        if (customer.isAnonymised() || points <= 0) {
            return;
        }
        em.persist(new LoyaltyTransaction(customerId, LoyaltyKind.EARN, points, total, orderId, event.eventId(),
                "order " + event.optionalString("number"), customer.book(points)));
    }

    /** A void takes back whatever the order still holds in points. */
    private void voided(EventMessage event) {
        long orderId = event.requireLong("orderId");
        if (!processed.firstTime(CONSUMER, event)) {
            return;
        }
        List<LoyaltyTransaction> rows = transactions(orderId);
        long net = rows.stream().mapToLong(LoyaltyTransaction::getPoints).sum();
        if (net > 0) {
            takeBack(rows.get(0).getCustomerId(), net, orderId, event.eventId(), "order voided");
        }
    }

    /**
     * A re-opening takes back all that the re-opened completion earned (a completed order without
     * refunds is the only kind re-opened); the next completion earns anew.
     */
    private void reopened(EventMessage event) {
        long orderId = event.requireLong("orderId");
        String completion = event.requireString("completionEventId");
        if (!processed.firstTime(CONSUMER, event)) {
            return;
        }
        earn(orderId, completion).ifPresent(earn -> takeBack(earn.getCustomerId(), earn.getPoints(), orderId,
                event.eventId(), "order re-opened"));
    }

    private void refunded(EventMessage event) {
        long orderId = event.requireLong("orderId");
        BigDecimal amount = event.requireMoney("amount");
        BigDecimal total = event.requireMoney("total");
        if (total.signum() <= 0 || amount.signum() <= 0 || amount.compareTo(total) > 0) {
            throw new MalformedEventException("a refund needs 0 < amount <= total, got " + amount + " of " + total);
        }
        String completion = event.optionalString("completionEventId");
        if (!processed.firstTime(CONSUMER, event)) {
            return;
        }
        LoyaltyTransaction earn = earn(orderId, completion).orElse(null);
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
