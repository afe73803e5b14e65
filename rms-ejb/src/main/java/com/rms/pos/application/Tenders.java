package com.rms.pos.application;

import com.rms.payment.application.CardTender;
import com.rms.payment.application.CashTender;
import com.rms.payment.application.Payments;
import com.rms.payment.application.TenderRecord;
import com.rms.payment.domain.PaymentMethod;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.text.Hashes;
import com.rms.platform.text.Money;
import com.rms.platform.validation.Validation;
import com.rms.pos.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Taking tenders on an order inside the settlement's transactions, by the order's rules
 * ({@link Order#takes}): cash against the outlet's open drawer at once; a card written PENDING first,
 * holding the order's stock when it settles it, then booked with the provider's answer. The order
 * completes when nothing is left to pay ({@link Completions#complete}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Tenders {

    @Inject
    Payments payments;

    @Inject
    CashDrawer drawer;

    @Inject
    OrderStock stock;

    @Inject
    Completions completions;

    @Inject
    IdempotencyKeys keys;

    /** A tender taken: the payment as recorded, and whether the order completed with it. */
    public record Taken(TenderRecord tender, boolean completed) {
    }

    /**
     * Takes cash on a locked order: it settles the order (the whole balance), then it holds the stock
     * first; the drawer must be open; the change is what was handed over less amount and tip.
     */
    public Taken cash(Order order, TenderCommand command, String providerKey) {
        BigDecimal tip = command.tipOrZero();
        BigDecimal pending = order.isNew() ? BigDecimal.ZERO : payments.pending(order.getId());
        boolean settles = order.takes(command.amount(), tip, pending);
        long session = drawer.requireOpen(order.getOutletId());
        BigDecimal tendered = command.tendered() == null ? command.amount().add(tip) : command.tendered();
        BigDecimal change = Order.change(command.amount(), tip, command.tendered());
        // booked on the order before the hold, whose flush then writes the order once, as it ends
        boolean completed = order.paid(command.amount(), tip);
        if (settles) {
            stock.hold(order, completions.nextStockReference(order));
        }
        TenderRecord taken = payments.recordCash(new CashTender(order.getId(), order.getOutletId(), order.getCurrency(),
                command.amount(), tip, tendered, change, providerKey, session, CallerContext.current().username()));
        if (completed) {
            completions.complete(order);
        }
        return new Taken(taken, completed);
    }

    /** Writes a card charge PENDING on a locked order (holding its stock when it settles it), before the provider is called. */
    public TenderRecord startCard(Order order, TenderCommand command, String providerKey) {
        BigDecimal tip = command.tipOrZero();
        BigDecimal pending = order.isNew() ? BigDecimal.ZERO : payments.pending(order.getId());
        boolean settles = order.takes(command.amount(), tip, pending);
        if (settles) {
            stock.hold(order, completions.nextStockReference(order));
        }
        return payments.startCard(new CardTender(order.getId(), order.getOutletId(), order.getCurrency(), command.amount(),
                tip, providerKey, settles, CallerContext.current().username()));
    }

    /** Books an approved charge on the locked order (which may complete it), unless a retry booked it already. */
    public Taken approved(Order order, long paymentId, String providerRef) {
        Optional<TenderRecord> booked = payments.succeeded(paymentId, providerRef);
        if (booked.isEmpty()) {
            return new Taken(payments.get(paymentId), false);
        }
        TenderRecord tender = booked.get();
        boolean completed = order.paid(tender.amount(), tender.tip());
        if (completed) {
            completions.complete(order);
        }
        return new Taken(tender, completed);
    }

    /** Keeps a declined charge on record and gives back the stock it held (unless a retry answered it already). */
    public TenderRecord declined(Order order, long paymentId, String code, String message) {
        Optional<TenderRecord> declined = payments.declined(paymentId, code, message);
        declined.filter(TenderRecord::holdsStock)
                .ifPresent(t -> stock.release(order.getOutletId(), completions.heldStockReference(order.getId())));
        return declined.orElseGet(() -> payments.get(paymentId));
    }

    /**
     * Forgets a card charge the provider never confirmed (with the stock it held: nothing is recorded as
     * paid), and releases the key (a partial quick sale's is only unlocked), in a transaction of its own.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void abandon(long paymentId, Attempt attempt) {
        forget(paymentId);
        keys.release(attempt);
    }

    /** Forgets a charge the provider never confirmed, with the stock it held: nothing is recorded as paid. */
    public void forget(long paymentId) {
        Optional<TenderRecord> forgotten = payments.forget(paymentId);
        forgotten.filter(TenderRecord::holdsStock)
                .ifPresent(t -> stock.release(t.outletId(), completions.heldStockReference(t.orderId())));
    }

    /** The tender an earlier attempt of the same request wrote under its provider key, if any. */
    public Optional<TenderRecord> earlier(String providerKey) {
        return payments.byProviderKey(providerKey);
    }

    /**
     * The provider's idempotency key of a tender: the same tenant, order and request key always give
     * the same key, so a retry is never a second charge (and finds the tender it took).
     */
    static String providerKey(String operation, long orderId, String requestKey) {
        return "rms_" + Hashes.sha256(TenantContext.require().slug() + "\n" + operation + "\n" + orderId + "\n"
                + requestKey).substring(0, 40);
    }

    /** The method of a validated tender. */
    static PaymentMethod method(TenderCommand command) {
        return Inputs.valid(PaymentMethod.class, command.method());
    }

    /** A card needs the provider's token (the rule that crosses two fields of a tender). */
    static void requireToken(Validation.Errors errors, String prefix, TenderCommand tender) {
        if (tender != null && tender.cardToken() == null && tender.method() != null
                && "CARD".equalsIgnoreCase(tender.method().trim())) {
            errors.add(prefix + "cardToken", "the card provider's token is required for a card payment");
        }
    }

    /** Refuses tenders the point of sale does not take yet (422). */
    static void requireAccepted(TenderCommand tender) {
        PaymentMethod method = method(tender);
        if (method == PaymentMethod.GIFT_CARD || method == PaymentMethod.LOYALTY_POINTS) {
            throw new BusinessRuleException(method + " payments are not accepted yet; take cash or card");
        }
    }

    /** A decline as the caller sees it: 422 naming {@code cardToken} with the provider's code. */
    static RmsException declined(String code, String message) {
        return new BusinessRuleException("the card was declined: " + (message == null ? code : message),
                List.of(new FieldError("cardToken", code == null ? "declined" : code)));
    }

    /** The answer to a payment: the tender and where its order stands now. */
    static PaymentResult result(TenderRecord p, Order order) {
        int scale = order.scale();
        return new PaymentResult(p.id(), p.orderId(), p.method().name(), Money.scaled(p.amount(), scale),
                Money.scaled(p.tip(), scale), Money.scaled(p.tendered(), scale), Money.scaled(p.change(), scale),
                p.status(), p.providerRef(), p.declineCode(), p.declineMessage(), p.createdAt(), order.getStatus().name(),
                Money.scaled(order.balance(), scale), order.getVersion());
    }
}
