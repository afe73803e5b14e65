package com.rms.pos.sale;

import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.RmsException;
import com.rms.pos.application.DiscountCommand;
import com.rms.pos.application.DiscountView;
import com.rms.pos.application.OrderLineView;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.RefundCommand;
import com.rms.pos.application.RefundResult;
import com.rms.pos.application.Settlement;
import com.rms.pos.application.VoidCommand;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The correction dialog: voiding a line or the check, a refund, a discount, re-opening a paid check
 * ({@link CheckAction}). Each takes a reason; when the server answers that a manager must approve,
 * the dialog asks for the manager's PIN and the next tap tries again with it.
 */
@Named
@ViewScoped
public class CorrectionDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCheck check;

    @Inject
    Orders orders;

    @Inject
    Settlement settlement;

    @Inject
    SaleScreen screen;

    private CheckAction action;
    private Long voidLineId;
    private String reason;
    /** The refund's amount, or the discount's percent or amount. */
    private BigDecimal actionAmount;
    /** PERCENT or AMOUNT. */
    private String discountType = "PERCENT";
    private String managerPin;
    private boolean approvalNeeded;
    /** One key per refund attempt, kept until the server has answered: a double tap refunds once. */
    private String refundKey;
    private String lastRefund;

    public void startVoid(long lineId) {
        voidLineId = lineId;
        start(CheckAction.VOID_LINE);
    }

    /** Voids the whole check: only while nothing is paid on it. */
    public void startVoidOrder() {
        start(CheckAction.VOID_ORDER);
    }

    /** Opens the refund dialog for what may still be refunded, with a fresh idempotency key for this refund. */
    public void startRefund() {
        start(CheckAction.REFUND);
        actionAmount = getRefundable();
        refundKey = UUID.randomUUID().toString();
    }

    /** Opens the discount dialog with the check's discount, if it has one, to change it. */
    public void startDiscount() {
        start(CheckAction.DISCOUNT);
        DiscountView current = check.getOrder() == null ? null : check.getOrder().discount();
        discountType = current == null ? "PERCENT" : current.type();
        actionAmount = current == null ? null : current.value();
        reason = current == null ? null : current.reason();
    }

    public void chooseDiscountType(String type) {
        discountType = type;
    }

    /** Takes the discount off the check (no approval needed to charge more). */
    public void removeDiscount() {
        if (check.getOrderId() != null
                && check.change(() -> orders.discount(check.getOrderId(), check.version(), null, null))) {
            action = null;
            screen.close("actionDialog");
            screen.tell(FacesMessage.SEVERITY_INFO, "Discount removed.");
        }
    }

    /** A paid check opened again for a correction; its payments stay. */
    public void startReopen() {
        start(CheckAction.REOPEN);
    }

    private void start(CheckAction chosen) {
        action = chosen;
        reason = null;
        actionAmount = null;
        managerPin = null;
        approvalNeeded = false;
        screen.open("actionDialog", "actionForm");
    }

    /**
     * Carries out the dialog's action, first as the signed-in user; when the server answers that a
     * manager must approve, asks for the manager's PIN, and the next tap tries again with it.
     */
    public void confirmAction() {
        if (action == null || check.getOrderId() == null) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            screen.refuse("actionForm", "Say why.");
            return;
        }
        if (approvalNeeded && (managerPin == null || managerPin.isBlank())) {
            screen.refuse("actionForm", "A manager's PIN is needed.");
            return;
        }
        String pin = approvalNeeded ? managerPin : null;
        managerPin = null;
        try {
            String done = perform(action, check.getOrderId(), reason.trim(), pin);
            // done: a repeated tap finds no action to carry out again
            action = null;
            approvalNeeded = false;
            screen.close("actionDialog");
            screen.tell(FacesMessage.SEVERITY_INFO, done);
        } catch (AuthorizationException needsManager) {
            screen.refuse("actionForm", approvalNeeded ? action.pinRefused() : action.approvalNeeded());
            approvalNeeded = true;
        } catch (RmsException refused) {
            // a stale version or refused: the check is shown as it is now, with why
            check.reload();
            screen.refuse("actionForm", CurrentCheck.explain(refused));
        }
    }

    /** Makes the change with the manager's PIN given (or none), and says what was done. */
    private String perform(CheckAction what, long orderId, String why, String pin) {
        return switch (what) {
            case VOID_LINE -> {
                check.changed(orders.voidLine(orderId, voidLineId, check.version(), new VoidCommand(why, pin)));
                yield "Line voided.";
            }
            case VOID_ORDER -> {
                check.changed(orders.voidOrder(orderId, new VoidCommand(why, pin)));
                yield "Check voided.";
            }
            case REFUND -> refund(orderId, new RefundCommand(actionAmount, why, pin));
            case DISCOUNT -> {
                OrderView discounted = orders.discount(orderId, check.version(), new DiscountCommand(discountType, actionAmount, why),
                        pin);
                check.changed(discounted);
                yield "Discount of " + CheckLabels.discount(discounted.discount(), discounted.currency()) + " given.";
            }
            case REOPEN -> {
                check.changed(settlement.reopen(orderId, check.version(), new VoidCommand(why, pin)));
                yield "Check re-opened: its payments stay; add to it and take what is left to pay.";
            }
        };
    }

    private String refund(long orderId, RefundCommand command) {
        if (refundKey == null) {
            refundKey = UUID.randomUUID().toString();
        }
        try {
            RefundResult refunded = settlement.refundOnce(orderId, command, refundKey);
            refundKey = null;
            check.reload();
            lastRefund = "Refunded " + check.money(refunded.amount()) + " ("
                    + refunded.parts().stream().map(p -> CheckLabels.method(p.method()) + " " + check.money(p.amount()))
                            .collect(Collectors.joining(", ")) + ")";
            return "Refunded " + check.money(refunded.amount()) + ": "
                    + CheckLabels.status(refunded.orderStatus()).toLowerCase() + ", " + check.money(refunded.refunded())
                    + " refunded in all.";
        } catch (RmsException refused) {
            // refused or failed: the key was released; another try is a new refund with a new key
            refundKey = UUID.randomUUID().toString();
            throw refused;
        }
    }

    /** What may still be given back, as the server answers it: what was paid, with tips, less what was refunded. */
    public BigDecimal getRefundable() {
        OrderView current = check.getOrder();
        return current == null ? BigDecimal.ZERO : current.refundable();
    }

    public CheckAction getAction() {
        return action;
    }

    public OrderLineView getVoidLine() {
        OrderView current = check.getOrder();
        return voidLineId == null || current == null ? null
                : current.lines().stream().filter(l -> l.id() == voidLineId).findFirst().orElse(null);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public BigDecimal getActionAmount() {
        return actionAmount;
    }

    public void setActionAmount(BigDecimal actionAmount) {
        this.actionAmount = actionAmount;
    }

    public String getDiscountType() {
        return discountType;
    }

    public String getManagerPin() {
        return managerPin;
    }

    public void setManagerPin(String managerPin) {
        this.managerPin = managerPin;
    }

    public boolean isApprovalNeeded() {
        return approvalNeeded;
    }

    /** The last refund given, as it reads on the check, e.g. "Refunded EUR 5.00 (Cash EUR 5.00)". */
    public String getLastRefund() {
        return lastRefund;
    }
}
