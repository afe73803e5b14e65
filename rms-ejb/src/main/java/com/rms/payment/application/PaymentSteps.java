package com.rms.payment.application;

import com.rms.platform.text.Money;
import com.rms.inventory.application.StockAvailability;
import com.rms.payment.domain.Payment;
import com.rms.payment.domain.PaymentMethod;
import com.rms.payment.domain.Refund;
import com.rms.payment.provider.CardCharge;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.security.CallerContext;
import com.rms.pos.application.CashDrawer;
import com.rms.pos.application.Completions;
import com.rms.pos.application.Orders;
import com.rms.pos.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The transactions of a payment, kept short so that no database transaction is open while the card
 * provider is called: {@link #begin} (books cash outright, or writes a PENDING card payment),
 * {@link #finishCard} (books the provider's answer), {@link #abandon} (forgets a PENDING payment the
 * provider never confirmed). Refunds: {@link #planRefund} and {@link #bookRefund}.
 */
@ApplicationScoped
@Transactional
public class PaymentSteps {

    /** Where a payment stands after {@link #begin}: done (cash, or replayed) or waiting for the card provider. */
    public record Begun(PaymentResult result, long paymentId, BigDecimal charge, String currency) {
    }

    /** A part of a refund to give back on one tender. */
    public record RefundPart(long paymentId, PaymentMethod method, BigDecimal amount, String providerRef, String currency) {
    }

    /** What a refund will give back, and who approved it. */
    public record RefundPlan(long outletId, String currency, List<RefundPart> parts, String approvedBy) {
    }

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Orders orders;

    @Inject
    CashDrawer drawer;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    StockAvailability stock;

    @Inject
    com.rms.pos.application.Approvals approvals;

    @Inject
    Completions completions;

    public Begun begin(long orderId, PaymentMethod method, PaymentCommand command, BigDecimal amount, BigDecimal tip,
            String providerKey, String idempotencyKey) {
        Order order = orders.lockForPayment(orderId);
        Payment existing = em.createQuery("select p from Payment p where p.providerKey = :k", Payment.class)
                .setParameter("k", providerKey).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            if (existing.getOrderId() != orderId) {
                throw new NotFoundException("no order " + orderId);
            }
            return switch (existing.getStatus()) {
                case "PENDING" -> new Begun(null, existing.getId(), existing.getAmount().add(existing.getTip()),
                        order.getCurrency());
                case "DECLINED" -> throw Payments.declined(existing.getDeclineCode(), existing.getDeclineMessage());
                default -> new Begun(result(existing, order), existing.getId(), null, order.getCurrency());
            };
        }
        order.requireOpen();
        int scale = order.scale();
        if (amount.scale() > scale || tip.scale() > scale) {
            throw new BusinessRuleException("amounts in " + order.getCurrency() + " have at most " + scale + " decimals");
        }
        BigDecimal pending = em.createQuery("select coalesce(sum(p.amount), 0) from Payment p where p.orderId = :o "
                + "and p.status = 'PENDING'", BigDecimal.class).setParameter("o", orderId).getSingleResult();
        BigDecimal payable = order.balance().subtract(pending);
        if (amount.compareTo(payable) > 0) {
            throw new BusinessRuleException("the payment " + amount + " exceeds what is left to pay (" + payable
                    + (pending.signum() > 0 ? ", with " + pending + " awaiting the card provider" : "") + ")");
        }
        String by = CallerContext.current().username();
        // the tender that settles the order holds its stock first: if two devices sell the last
        // portions, the second is refused here, before any card is charged
        boolean settles = amount.compareTo(payable) == 0;
        if (settles) {
            stock.hold(order.getOutletId(), completions.nextStockReference(orderId), Orders.stockLines(order.activeLines()));
        }
        if (method == PaymentMethod.CASH) {
            long session = drawer.requireOpen(order.getOutletId());
            BigDecimal due = amount.add(tip);
            BigDecimal tendered = command.tendered() == null ? due : command.tendered();
            if (tendered.compareTo(due) < 0) {
                throw new BusinessRuleException("the cash tendered (" + tendered + ") is less than the amount and tip (" + due + ")");
            }
            Payment payment = new Payment(orderId, order.getOutletId(), method, order.getCurrency(), amount, tip, tendered,
                    tendered.subtract(due), providerKey, session, by, "SUCCEEDED");
            payment.succeeded(null);
            em.persist(payment);
            Order settled = orders.settle(orderId, amount, tip);
            PaymentResult result = result(payment, settled);
            idempotency.complete(idempotencyKey, 201, result);
            return new Begun(result, payment.getId(), null, order.getCurrency());
        }
        Payment payment = new Payment(orderId, order.getOutletId(), method, order.getCurrency(), amount, tip, null, null, providerKey, null, by,
                "PENDING");
        if (settles) {
            payment.holdsStock();
        }
        em.persist(payment);
        em.flush();
        return new Begun(null, payment.getId(), amount.add(tip), order.getCurrency());
    }

    /** Books the card provider's answer: an approval pays the order (and may complete it); a decline is kept on record. */
    public PaymentResult finishCard(long paymentId, CardCharge charge, String idempotencyKey) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw new IllegalStateException("pending payment " + paymentId + " vanished");
        }
        if (!"PENDING".equals(payment.getStatus())) {
            return result(payment, orders.lockForPayment(payment.getOrderId()));
        }
        if (!charge.approved()) {
            payment.declined(charge.declineCode(), charge.declineMessage());
            releaseHold(payment);
            return result(payment, orders.lockForPayment(payment.getOrderId()));
        }
        payment.succeeded(charge.providerRef());
        Order order = orders.settle(payment.getOrderId(), payment.getAmount(), payment.getTip());
        PaymentResult result = result(payment, order);
        idempotency.complete(idempotencyKey, 201, result);
        return result;
    }

    /** Forgets a PENDING payment whose charge could not be confirmed: nothing is recorded as paid. */
    public void abandon(long paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment != null && "PENDING".equals(payment.getStatus())) {
            releaseHold(payment);
            em.remove(payment);
        }
    }

    private void releaseHold(Payment payment) {
        if (payment.isHoldingStock()) {
            stock.release(payment.getOutletId(), completions.heldStockReference(payment.getOrderId()));
        }
    }

    /** Checks a refund and decides which tenders give it back (the latest first), with the manager's approval. */
    public RefundPlan planRefund(long orderId, BigDecimal amount, String reason, String managerPin) {
        Order order = orders.lockForPayment(orderId);
        if (!order.getStatus().refundable()) {
            throw new BusinessRuleException("order " + orderId + " is " + order.getStatus() + "; only completed orders are refunded");
        }
        if (amount.scale() > order.scale()) {
            throw new BusinessRuleException("amounts in " + order.getCurrency() + " have at most " + order.scale() + " decimals");
        }
        if (amount.compareTo(order.refundable()) > 0) {
            throw new BusinessRuleException("the refund " + amount + " exceeds what may be refunded (" + order.refundable() + ")");
        }
        String approvedBy = approvals.require(order.getOutletId(), managerPin, "a refund");
        List<Payment> tenders = em.createQuery("select p from Payment p where p.orderId = :o and p.status = 'SUCCEEDED'",
                Payment.class).setParameter("o", orderId).getResultList().stream()
                .sorted(Comparator.comparing(Payment::getId).reversed()).toList();
        List<RefundPart> parts = new ArrayList<>();
        BigDecimal left = amount;
        for (Payment p : tenders) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(p.refundable());
            if (part.signum() > 0) {
                parts.add(new RefundPart(p.getId(), p.getMethod(), part, p.getProviderRef(), order.getCurrency()));
                left = left.subtract(part);
            }
        }
        if (left.signum() != 0) {
            throw new BusinessRuleException("the tenders of order " + orderId + " cannot cover a refund of " + amount);
        }
        return new RefundPlan(order.getOutletId(), order.getCurrency(), parts, approvedBy);
    }

    /** Records a refund whose card parts the provider has given back; cash parts leave the open drawer. */
    public RefundResult bookRefund(long orderId, BigDecimal amount, String reason, RefundPlan plan, List<String> providerRefs,
            String idempotencyKey) {
        orders.lockForPayment(orderId);
        Long session = null;
        List<RefundResult.Part> parts = new ArrayList<>();
        String by = CallerContext.current().username();
        Refund first = null;
        for (int i = 0; i < plan.parts().size(); i++) {
            RefundPart part = plan.parts().get(i);
            Payment payment = em.find(Payment.class, part.paymentId(), LockModeType.PESSIMISTIC_WRITE);
            if (payment.refundable().compareTo(part.amount()) < 0) {
                throw new com.rms.platform.error.ConflictException("order " + orderId + " was refunded concurrently; try again");
            }
            if (part.method() == PaymentMethod.CASH && session == null) {
                session = drawer.requireOpen(plan.outletId());
            }
            payment.refund(part.amount());
            Refund refund = new Refund(orderId, payment.getId(), plan.outletId(), part.method(), part.amount(), reason,
                    providerRefs.get(i), part.method() == PaymentMethod.CASH ? session : null, plan.approvedBy(), by);
            em.persist(refund);
            first = first == null ? refund : first;
            parts.add(new RefundResult.Part(refund.getId(), payment.getId(), part.method().name(),
                    Money.scaled(part.amount(), payment.scale()),
                    providerRefs.get(i)));
        }
        Order order = orders.refunded(orderId, first.getId(), amount, reason);
        audit.record("order.refund", "order:" + orderId, "amount=" + amount + " reason=" + reason + " tenders="
                + parts.stream().map(p -> p.method() + ":" + p.amount()).toList(), plan.approvedBy());
        RefundResult result = new RefundResult(orderId, Money.scaled(amount, order.scale()), reason, plan.approvedBy(),
                parts, order.getStatus().name(), Money.scaled(order.getRefunded(), order.scale()));
        idempotency.complete(idempotencyKey, 201, result);
        return result;
    }

    static PaymentResult result(Payment p, Order order) {
        int scale = p.scale();
        return new PaymentResult(p.getId(), p.getOrderId(), p.getMethod().name(), Money.scaled(p.getAmount(), scale),
                Money.scaled(p.getTip(), scale), Money.scaled(p.getTendered(), scale),
                Money.scaled(p.getChangeDue(), scale), p.getStatus(), p.getProviderRef(), p.getDeclineCode(),
                p.getDeclineMessage(), p.getCreatedAt(), order.getStatus().name(), Money.scaled(order.balance(), scale),
                order.getVersion());
    }
}
