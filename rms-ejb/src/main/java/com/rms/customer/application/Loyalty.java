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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loyalty points from the RMS.Loyalty queue. A completed order with a customer earns
 * floor(total × {@code rms.loyalty.points-per-unit}) points; a void takes back what the order
 * earned and has not been taken back yet; refunds take back floor(earned × refunded so far / total)
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

    private void voided(EventMessage event) {
        long orderId = event.requireLong("orderId");
        if (!processed.firstTime(CONSUMER, event)) {
            return;
        }
        Earned earned = earned(orderId);
        if (earned == null) {
            return;
        }
        long remaining = earned.points - earned.takenBack;
        if (remaining > 0) {
            Customer customer = em.find(Customer.class, earned.customerId, LockModeType.PESSIMISTIC_WRITE);
            em.persist(new LoyaltyTransaction(earned.customerId, LoyaltyKind.VOID, -remaining, null, orderId,
                    event.eventId(), "order voided", customer.book(-remaining)));
        }
    }

    private void refunded(EventMessage event) {
        long orderId = event.requireLong("orderId");
        BigDecimal amount = event.requireMoney("amount");
        BigDecimal total = event.requireMoney("total");
        if (total.signum() <= 0 || amount.signum() <= 0 || amount.compareTo(total) > 0) {
            throw new MalformedEventException("a refund needs 0 < amount <= total, got " + amount + " of " + total);
        }
        if (!processed.firstTime(CONSUMER, event)) {
            return;
        }
        Earned earned = earned(orderId);
        if (earned == null) {
            return;
        }
        BigDecimal refunded = earned.refunded.add(amount).min(total);
        long target = BigDecimal.valueOf(earned.points).multiply(refunded).divide(total, 0, RoundingMode.FLOOR)
                .longValueExact();
        long delta = Math.max(0, Math.min(target, earned.points) - earned.takenBack);
        Customer customer = em.find(Customer.class, earned.customerId, LockModeType.PESSIMISTIC_WRITE);
        // recorded even at 0 points: the refunded amount counts towards later partial refunds
        em.persist(new LoyaltyTransaction(earned.customerId, LoyaltyKind.REFUND, -delta, amount, orderId,
                event.eventId(), "refund", customer.book(-delta)));
    }

    /** What an order earned, how much of it was taken back, and the money refunded so far. */
    private record Earned(long customerId, long points, long takenBack, BigDecimal refunded) {
    }

    private Earned earned(long orderId) {
        List<LoyaltyTransaction> rows = em.createQuery("select t from LoyaltyTransaction t where t.orderId = :o "
                + "order by t.id", LoyaltyTransaction.class).setParameter("o", orderId).getResultList();
        LoyaltyTransaction earn = rows.stream().filter(t -> t.getKind() == LoyaltyKind.EARN).findFirst().orElse(null);
        if (earn == null) {
            return null;
        }
        long takenBack = -rows.stream().filter(t -> t.getKind() != LoyaltyKind.EARN).mapToLong(LoyaltyTransaction::getPoints).sum();
        BigDecimal refunded = rows.stream().filter(t -> t.getKind() == LoyaltyKind.REFUND)
                .map(t -> t.getAmount() == null ? BigDecimal.ZERO : t.getAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Earned(earn.getCustomerId(), earn.getPoints(), takenBack, refunded);
    }
}
