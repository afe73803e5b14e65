package com.rms.payment.application;

import com.rms.platform.text.Money;
import com.rms.platform.text.Hashes;
import com.rms.payment.domain.Payment;
import com.rms.payment.domain.PaymentMethod;
import com.rms.payment.domain.Refund;
import com.rms.payment.provider.CardCharge;
import com.rms.payment.provider.CardGateway;
import com.rms.payment.provider.CardRefund;
import com.rms.payment.provider.ChargeRequest;
import com.rms.payment.provider.RefundRequest;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.tenant.TenantContext;
import com.rms.pos.application.Orders;
import com.rms.payment.domain.CardTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Taking payments and giving refunds. Cash is booked against the outlet's open drawer at once. A
 * card is charged through {@link CardGateway} (fault tolerant) with an idempotency key derived from
 * the tenant, the order and the request's Idempotency-Key, so a retried request — even after a crash
 * between charge and booking — is one charge at the provider. No database transaction is open while
 * the provider is called. When the provider cannot be reached, nothing is recorded and the order stays
 * payable (503 with Retry-After); a decline is recorded and answered 422 with the reason.
 */
@ApplicationScoped
public class Payments {

    private static final RmsLog LOG = RmsLog.of(Payments.class);
    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    PaymentSteps steps;

    @Inject
    CardGateway cards;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Orders orders;

    /** Cash and card totals of a drawer session and the outlet's tenders while it was open, for the Z report. */
    public record SessionTotals(BigDecimal cashIn, BigDecimal cashOut, Map<String, BigDecimal> byTender,
            BigDecimal refunds, long refundCount) {
    }

    /**
     * Takes a tender on an order. The caller has claimed {@code idempotencyKey} (see
     * {@link IdempotencyKeys#claim}); the answer is stored with the booking.
     */
    public PaymentResult pay(long orderId, PaymentCommand command, String idempotencyKey) {
        IdempotencyKeys.require(idempotencyKey);
        PaymentMethod method = check(command);
        BigDecimal tip = command.tip() == null ? BigDecimal.ZERO : command.tip();
        String providerKey = providerKey("pay", orderId, idempotencyKey);
        PaymentSteps.Begun begun = steps.begin(orderId, method, command, command.amount(), tip, providerKey, idempotencyKey);
        if (begun.result() != null) {
            return begun.result();
        }
        CardCharge charge;
        try {
            charge = cards.charge(new ChargeRequest(TenantContext.require().slug(), orderId, begun.paymentId(),
                    minor(begun.charge(), begun.currency()), begun.currency(), command.cardToken(), providerKey));
        } catch (RuntimeException outage) {
            steps.abandon(begun.paymentId());
            throw outage;
        }
        PaymentResult result = steps.finishCard(begun.paymentId(), charge, idempotencyKey);
        if (!charge.approved()) {
            LOG.info(LogContext.BUSINESS, "card payment " + result.id() + " on order " + orderId + " declined: "
                    + charge.declineCode());
            throw declined(charge.declineCode(), charge.declineMessage());
        }
        return result;
    }

    /**
     * {@link #pay} for callers without an HTTP layer (the POS screens), through the same
     * {@link IdempotencyKeys#once} protocol as the REST edge: a retried success is answered from the
     * stored answer (after re-checking the caller may see the order), a failure releases the key.
     */
    public PaymentResult payOnce(long orderId, PaymentCommand command, String idempotencyKey) {
        return once("pay", orderId, command, idempotencyKey, PaymentResult.class,
                () -> pay(orderId, command, idempotencyKey));
    }

    /** {@link #refund} for callers without an HTTP layer, as {@link #payOnce}: one key gives money back once. */
    public RefundResult refundOnce(long orderId, com.rms.pos.application.RefundCommand command, String idempotencyKey) {
        return once("refund", orderId, command, idempotencyKey, RefundResult.class,
                () -> refund(orderId, command, idempotencyKey));
    }

    private <T> T once(String operation, long orderId, Object command, String idempotencyKey, Class<T> answer,
            Supplier<T> work) {
        IdempotencyKeys.require(idempotencyKey);
        return idempotency.once(idempotencyKey, fingerprint(operation, orderId, command), failed -> null,
                new IdempotencyKeys.Keyed<T>() {
                    @Override
                    public T run(Long resume) {
                        return work.get();
                    }

                    @Override
                    public T replay(IdempotencyKeys.Replay stored) {
                        if (stored.status() == 201) {
                            return JSONB.fromJson(stored.body(), answer);
                        }
                        throw new BusinessRuleException("this " + (operation.equals("pay") ? "payment" : operation)
                                + " was already answered with status " + stored.status());
                    }

                    @Override
                    public void recheck(IdempotencyKeys.Replay stored, Long resume) {
                        orders.get(orderId);
                    }
                });
    }

    /** Gives money back on a completed order (the latest tenders first), with a manager's approval. */
    public RefundResult refund(long orderId, com.rms.pos.application.RefundCommand command, String idempotencyKey) {
        IdempotencyKeys.require(idempotencyKey);
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.amount() == null || command.amount().signum() <= 0
                || command.amount().precision() - command.amount().scale() > 10) {
            errors.add(new FieldError("amount", "must be greater than 0"));
        }
        if (command == null || command.reason() == null || command.reason().isBlank() || command.reason().length() > 200) {
            errors.add(new FieldError("reason", "is required (at most 200 characters)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the request has invalid fields", errors);
        }
        String reason = command.reason().trim();
        PaymentSteps.RefundPlan plan = steps.planRefund(orderId, command.amount(), reason, command.managerPin());
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < plan.parts().size(); i++) {
            PaymentSteps.RefundPart part = plan.parts().get(i);
            if (part.method() == PaymentMethod.CARD) {
                CardRefund refund = cards.refund(new RefundRequest(TenantContext.require().slug(), part.providerRef(),
                        minor(part.amount(), part.currency()), part.currency(),
                        providerKey("refund-" + part.paymentId(), orderId, idempotencyKey)));
                if (!refund.succeeded()) {
                    throw new BusinessRuleException("the card provider refused the refund: " + refund.failureMessage());
                }
                refs.add(refund.providerRef());
            } else {
                refs.add(null);
            }
        }
        return steps.bookRefund(orderId, command.amount(), reason, plan, refs, idempotencyKey);
    }

    /** Whether a card payment of the order is waiting for the provider's answer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean inProgress(long orderId) {
        return em.createQuery("select count(p) from Payment p where p.orderId = :o and p.status = 'PENDING'", Long.class)
                .setParameter("o", orderId).getSingleResult() > 0;
    }

    /** The tenders of orders (not the pending ones), by order id, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<PaymentView>> forOrders(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from Payment p where p.orderId in :ids and p.status <> 'PENDING' order by p.id",
                Payment.class).setParameter("ids", orderIds).getResultStream()
                .collect(Collectors.groupingBy(Payment::getOrderId, LinkedHashMap::new, Collectors.mapping(p -> new PaymentView(
                        p.getId(), p.getMethod().name(), Money.scaled(p.getAmount(), p.scale()), Money.scaled(p.getTip(), p.scale()),
                        Money.scaled(p.getTendered(), p.scale()), Money.scaled(p.getChangeDue(), p.scale()),
                        Money.scaled(p.getRefunded(), p.scale()), p.getStatus(), p.getProviderRef(), p.getDeclineCode(),
                        p.getCreatedAt()), Collectors.toList())));
    }

    /** For the Z report: the cash in and out of a session, and the outlet's tenders and refunds in its time. */
    @Transactional(Transactional.TxType.MANDATORY)
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

    /** The fingerprint of a payment request, for the Idempotency-Key check. */
    public static String fingerprint(String operation, long orderId, Object command) {
        return Hashes.sha256(operation + "\n" + orderId + "\n" + JSONB.toJson(command));
    }

    static RmsException declined(String code, String message) {
        return new BusinessRuleException("the card was declined: " + (message == null ? code : message),
                List.of(new FieldError("cardToken", code == null ? "declined" : code)));
    }

    /** Checks a tender as {@link #pay} would, before anything is stored (a quick sale checks all its tenders first). */
    public static void validate(PaymentCommand command) {
        check(command);
    }

    private static PaymentMethod check(PaymentCommand command) {
        List<FieldError> errors = new ArrayList<>();
        PaymentMethod method = null;
        if (command == null || command.method() == null) {
            errors.add(new FieldError("method", "is required"));
        } else {
            try {
                method = PaymentMethod.valueOf(command.method().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("method", "must be one of CASH, CARD, GIFT_CARD, LOYALTY_POINTS"));
            }
        }
        if (command != null) {
            amount(errors, "amount", command.amount(), true);
            amount(errors, "tip", command.tip(), false);
            amount(errors, "tendered", command.tendered(), false);
            cardToken(errors, method, command.cardToken());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the request has invalid fields", errors);
        }
        if (method == PaymentMethod.GIFT_CARD || method == PaymentMethod.LOYALTY_POINTS) {
            throw new BusinessRuleException(method + " payments are not accepted yet; take cash or card");
        }
        return method;
    }

    /**
     * The card token: required for a card, the provider's shape (never card data: a card number in it
     * is refused without echoing it, so it is neither stored with the key's answer nor logged).
     */
    private static void cardToken(List<FieldError> errors, PaymentMethod method, String token) {
        if (token == null) {
            if (method == PaymentMethod.CARD) {
                errors.add(new FieldError("cardToken", "the card provider's token is required for a card payment"));
            }
            return;
        }
        if (CardTokens.holdsCardNumber(token)) {
            errors.add(new FieldError("cardToken", "must be the card provider's token, never a card number"));
        } else if (!CardTokens.wellFormed(token)) {
            errors.add(new FieldError("cardToken", "must be a card provider's token (tok_, pm_, src_ or card_ and "
                    + "letters, digits or _; at most 255 characters)"));
        }
    }

    private static void amount(List<FieldError> errors, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (required ? value.signum() <= 0 : value.signum() < 0) {
            errors.add(new FieldError(field, required ? "must be greater than 0" : "must not be negative"));
        } else if (value.precision() - value.scale() > 10) {
            errors.add(new FieldError(field, "is out of range"));
        }
    }

    private static long minor(BigDecimal amount, String currency) {
        return amount.movePointRight(Money.scale(currency))
                .setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** The provider's idempotency key: the same tenant, order and request key give the same key. */
    private static String providerKey(String operation, long orderId, String idempotencyKey) {
        return "rms_" + Hashes.sha256(TenantContext.require().slug() + "\n" + operation + "\n" + orderId + "\n" + idempotencyKey)
                .substring(0, 40);
    }
}
