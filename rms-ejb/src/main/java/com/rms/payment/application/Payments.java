package com.rms.payment.application;

import com.rms.payment.domain.Payment;
import com.rms.payment.domain.PaymentMethod;
import com.rms.payment.domain.Refund;
import com.rms.payment.provider.CardCharge;
import com.rms.payment.provider.CardGateway;
import com.rms.payment.provider.CardRefund;
import com.rms.payment.provider.ChargeRequest;
import com.rms.payment.provider.RefundRequest;
import com.rms.platform.error.ConflictException;
import com.rms.platform.text.Money;
import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tenders and refunds of orders, as records, and the card provider port's use. The point of sale
 * decides what is taken and when (its settlement rules); it calls this with payment's own records
 * and gets payment's records back. No database transaction is open while the provider is called
 * ({@link #charge}, {@link #refundAtProvider}): a card is written PENDING first ({@link #startCard}),
 * with a provider idempotency key that the same request always derives again, so a retry — even after
 * a crash between charge and booking — is one charge at the provider.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Payments {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    CardGateway cards;

    /** Cash and card totals of a drawer session and the outlet's tenders while it was open, for the Z report. */
    public record SessionTotals(BigDecimal cashIn, BigDecimal cashOut, Map<String, BigDecimal> byTender,
            BigDecimal refunds, long refundCount) {
    }

    /** Records cash taken (SUCCEEDED at once). */
    public TenderRecord recordCash(CashTender t) {
        Payment payment = new Payment(t.orderId(), t.outletId(), PaymentMethod.CASH, t.currency(), t.amount(), t.tip(),
                t.tendered(), t.change(), t.providerKey(), t.cashSessionId(), t.by(), "SUCCEEDED");
        em.persist(payment);
        return TenderRecord.of(payment);
    }

    /** Records a card charge about to be made, PENDING until the provider answers. */
    public TenderRecord startCard(CardTender t) {
        Payment payment = new Payment(t.orderId(), t.outletId(), PaymentMethod.CARD, t.currency(), t.amount(), t.tip(),
                null, null, t.providerKey(), null, t.by(), "PENDING");
        if (t.holdsStock()) {
            payment.holdsStock();
        }
        em.persist(payment);
        return TenderRecord.of(payment);
    }

    /** The tender written under a provider key by an earlier attempt of the same request, if any. */
    public Optional<TenderRecord> byProviderKey(String providerKey) {
        return em.createQuery("select p from Payment p where p.providerKey = :k", Payment.class)
                .setParameter("k", providerKey).getResultStream().findFirst().map(TenderRecord::of);
    }

    /** What card charges of the order wait for the provider's answer (0 when none). */
    public BigDecimal pending(long orderId) {
        return em.createQuery("select coalesce(sum(p.amount), 0) from Payment p where p.orderId = :o "
                + "and p.status = 'PENDING'", BigDecimal.class).setParameter("o", orderId).getSingleResult();
    }

    /** Whether a card payment of the order is waiting for the provider's answer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean inProgress(long orderId) {
        return em.createQuery("select count(p) from Payment p where p.orderId = :o and p.status = 'PENDING'", Long.class)
                .setParameter("o", orderId).getSingleResult() > 0;
    }

    /**
     * The PENDING charge succeeded at the provider: booked.
     *
     * @return the booked charge, or empty when it was answered already (by a retry that took it over)
     */
    public Optional<TenderRecord> succeeded(long paymentId, String providerRef) {
        Payment payment = lock(paymentId);
        if (!payment.getStatus().equals("PENDING")) {
            return Optional.empty();
        }
        payment.succeeded(providerRef);
        return Optional.of(TenderRecord.of(payment));
    }

    /**
     * The PENDING charge was declined: kept on record with the reason.
     *
     * @return the declined charge, or empty when it was answered already
     */
    public Optional<TenderRecord> declined(long paymentId, String code, String message) {
        Payment payment = lock(paymentId);
        if (!payment.getStatus().equals("PENDING")) {
            return Optional.empty();
        }
        payment.declined(code, message);
        return Optional.of(TenderRecord.of(payment));
    }

    /** A tender as recorded now. */
    public TenderRecord get(long paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            throw new IllegalStateException("payment " + paymentId + " vanished");
        }
        return TenderRecord.of(payment);
    }

    /**
     * Forgets a PENDING charge the provider never confirmed: nothing is recorded as paid.
     *
     * @return the forgotten charge, or empty when it was answered meanwhile (nothing changed)
     */
    public Optional<TenderRecord> forget(long paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null || !payment.getStatus().equals("PENDING")) {
            return Optional.empty();
        }
        em.remove(payment);
        return Optional.of(TenderRecord.of(payment));
    }

    /** Charges a PENDING card tender at the provider; no transaction may be open (see the class). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CardCharge charge(TenderRecord pending, String cardToken) {
        return cards.charge(new ChargeRequest(TenantContext.require().slug(), pending.orderId(), pending.id(),
                minor(pending.amount().add(pending.tip()), pending.currency()), pending.currency(), cardToken,
                pending.providerKey()));
    }

    /** Gives back {@code amount} of a card tender at the provider, under a key the same refund always derives. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CardRefund refundAtProvider(TenderRecord tender, BigDecimal amount, String providerKey) {
        return cards.refund(new RefundRequest(TenantContext.require().slug(), tender.providerRef(),
                minor(amount, tender.currency()), tender.currency(), providerKey));
    }

    /** The tenders that took money in, the latest first: a refund gives back on them in this order. */
    public List<TenderRecord> refundable(long orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :o and p.status = 'SUCCEEDED'", Payment.class)
                .setParameter("o", orderId).getResultStream().sorted(Comparator.comparing(Payment::getId).reversed())
                .map(TenderRecord::of).toList();
    }

    /** Records a refund on one tender (locked): 409 when a concurrent refund took what it would give back. */
    public RefundRecord refund(RefundEntry e) {
        Payment payment = lock(e.paymentId());
        if (payment.refundable().compareTo(e.amount()) < 0) {
            throw new ConflictException("order " + e.orderId() + " was refunded concurrently; try again");
        }
        payment.refund(e.amount());
        Refund refund = new Refund(e.orderId(), payment.getId(), e.outletId(), payment.getMethod(), e.amount(), e.reason(),
                e.providerRef(), e.cashSessionId(), e.approvedBy(), e.by());
        em.persist(refund);
        return new RefundRecord(refund.getId(), payment.getId(), payment.getMethod(), e.amount(), e.providerRef());
    }

    /** The tenders of orders (not the pending ones), by order id, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<PaymentView>> forOrders(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from Payment p where p.orderId in :ids and p.status <> 'PENDING' order by p.id",
                Payment.class).setParameter("ids", orderIds).getResultStream()
                .collect(Collectors.groupingBy(Payment::getOrderId, LinkedHashMap::new,
                        Collectors.mapping(p -> TenderRecord.of(p).view(), Collectors.toList())));
    }

    /** For the Z report: the cash in and out of a session, and the outlet's tenders and refunds in its time. */
    public SessionTotals sessionTotals(long sessionId, long outletId, OffsetDateTime from, OffsetDateTime to) {
        BigDecimal cashIn = em.createQuery("select coalesce(sum(p.amount + p.tip), 0) from Payment p "
                + "where p.cashSessionId = :s and p.status = 'SUCCEEDED'", BigDecimal.class).setParameter("s", sessionId)
                .getSingleResult();
        BigDecimal cashOut = em.createQuery("select coalesce(sum(r.amount), 0) from Refund r where r.cashSessionId = :s",
                BigDecimal.class).setParameter("s", sessionId).getSingleResult();
        Map<String, BigDecimal> byTender = new LinkedHashMap<>();
        for (PaymentMethod m : PaymentMethod.values()) {
            byTender.put(m.name(), BigDecimal.ZERO);
        }
        em.createQuery("select p.method, sum(p.amount + p.tip) from Payment p where p.outletId = :o "
                + "and p.status = 'SUCCEEDED' and p.createdAt >= :from and p.createdAt < :to group by p.method", Object[].class)
                .setParameter("o", outletId).setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(row -> byTender.put(((PaymentMethod) row[0]).name(), (BigDecimal) row[1]));
        Object[] refunds = em.createQuery("select coalesce(sum(r.amount), 0), count(r) from Refund r where r.outletId = :o "
                + "and r.createdAt >= :from and r.createdAt < :to", Object[].class).setParameter("o", outletId)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        return new SessionTotals(cashIn, cashOut, byTender, (BigDecimal) refunds[0], ((Number) refunds[1]).longValue());
    }

    private Payment lock(long paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw new IllegalStateException("payment " + paymentId + " vanished");
        }
        return payment;
    }

    private static long minor(BigDecimal amount, String currency) {
        return amount.movePointRight(Money.scale(currency)).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }
}
