package com.rms.pos.application;

import com.rms.payment.application.Payments;
import com.rms.payment.application.RefundEntry;
import com.rms.payment.application.RefundRecord;
import com.rms.payment.application.TenderRecord;
import com.rms.payment.domain.PaymentMethod;
import com.rms.payment.provider.CardRefund;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.security.CallerContext;
import com.rms.platform.text.Money;
import com.rms.platform.validation.Validation;
import com.rms.pos.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Giving money back on a completed order, with a manager's approval, on its tenders the latest first.
 * Cash only is one transaction; with card parts, the first transaction plans the refund and keeps the
 * key in flight, the provider gives the card parts back (no transaction open; each under a key the same
 * refund always derives, so a retry never refunds twice), and the second books it with its outbox
 * event and stores the answer.
 */
@ApplicationScoped
public class Refunds {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Refunds self;

    @Inject
    OrderLocks locks;

    @Inject
    Payments payments;

    @Inject
    CashDrawer drawer;

    @Inject
    Approvals approvals;

    @Inject
    AuditTrail audit;

    @Inject
    OrderEvents events;

    @Inject
    Completions completions;

    @Inject
    IdempotencyKeys keys;

    @Inject
    Validation validation;

    /** A part of a refund given back on one tender. */
    public record Part(TenderRecord tender, BigDecimal amount) {
    }

    /** What a refund will give back and who approved it; or, done in its first transaction, its answer. */
    public record Plan(List<Part> parts, String approvedBy, RefundResult result) {
    }

    /** {@code POST /orders/{id}/refunds} under its key. */
    public RefundResult refund(long orderId, RefundCommand command, Attempt attempt) {
        validation.check(command).throwIfAny();
        Plan plan = self.plan(orderId, command, attempt);
        if (plan.result() != null) {
            return plan.result();
        }
        List<String> refs = new ArrayList<>();
        for (Part part : plan.parts()) {
            if (part.tender().method() != PaymentMethod.CARD) {
                refs.add(null);
                continue;
            }
            CardRefund refund = payments.refundAtProvider(part.tender(), part.amount(),
                    Tenders.providerKey("refund-" + part.tender().id(), orderId, attempt.key()));
            if (!refund.succeeded()) {
                throw new BusinessRuleException("the card provider refused the refund: " + refund.failureMessage());
            }
            refs.add(refund.providerRef());
        }
        return self.book(orderId, command, plan, refs, attempt);
    }

    /** Checks the refund and plans it; a refund of cash only is booked and answered at once. */
    @Transactional
    public Plan plan(long orderId, RefundCommand command, Attempt attempt) {
        keys.claim(attempt);
        Order order = locks.lock(orderId);
        order.checkRefund(command.amount());
        String approvedBy = approvals.require(order.getOutletId(), command.managerPin(), "a refund");
        List<Part> parts = new ArrayList<>();
        BigDecimal left = command.amount();
        for (TenderRecord tender : payments.refundable(orderId)) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(tender.refundable());
            if (part.signum() > 0) {
                parts.add(new Part(tender, part));
                left = left.subtract(part);
            }
        }
        if (left.signum() != 0) {
            throw new BusinessRuleException("the tenders of order " + orderId + " cannot cover a refund of " + command.amount());
        }
        Plan plan = new Plan(parts, approvedBy, null);
        if (parts.stream().noneMatch(p -> p.tender().method() == PaymentMethod.CARD)) {
            return new Plan(parts, approvedBy, book(order, command, plan, parts.stream().map(p -> (String) null).toList(),
                    attempt));
        }
        keys.hold(attempt);
        return plan;
    }

    /** Records a refund whose card parts the provider gave back; cash parts leave the open drawer. */
    @Transactional
    public RefundResult book(long orderId, RefundCommand command, Plan plan, List<String> providerRefs, Attempt attempt) {
        return book(locks.lock(orderId), command, plan, providerRefs, attempt);
    }

    private RefundResult book(Order order, RefundCommand command, Plan plan, List<String> providerRefs, Attempt attempt) {
        String reason = command.reason().trim();
        String by = CallerContext.current().username();
        Long session = null;
        List<RefundResult.Part> parts = new ArrayList<>();
        RefundRecord first = null;
        for (int i = 0; i < plan.parts().size(); i++) {
            Part part = plan.parts().get(i);
            boolean cash = part.tender().method() == PaymentMethod.CASH;
            if (cash && session == null) {
                session = drawer.requireOpen(order.getOutletId());
            }
            RefundRecord refund = payments.refund(new RefundEntry(order.getId(), part.tender().id(), order.getOutletId(),
                    part.amount(), reason, providerRefs.get(i), cash ? session : null, plan.approvedBy(), by));
            first = first == null ? refund : first;
            parts.add(new RefundResult.Part(refund.id(), refund.paymentId(), refund.method().name(),
                    Money.scaled(part.amount(), order.scale()), refund.providerRef()));
        }
        BigDecimal refundableBefore = order.refundable();
        order.refunded(command.amount());
        String completionEvent = completions.of(order.getId()).stream().findFirst().map(Completions.Completion::eventId)
                .orElse(null);
        events.refunded(order, first.id(), command.amount(), refundableBefore, reason, completionEvent,
                OffsetDateTime.now(ZoneOffset.UTC));
        audit.record("order.refund", "order:" + order.getId(), "amount=" + command.amount() + " reason=" + reason
                + " tenders=" + parts.stream().map(p -> p.method() + ":" + p.amount()).toList(), plan.approvedBy());
        em.flush();
        events.announce(order, OrderEvents.UPDATED);
        RefundResult result = new RefundResult(order.getId(), Money.scaled(command.amount(), order.scale()), reason,
                plan.approvedBy(), parts, order.getStatus().name(), Money.scaled(order.getRefunded(), order.scale()));
        keys.answer(attempt, 201, result);
        return result;
    }
}
