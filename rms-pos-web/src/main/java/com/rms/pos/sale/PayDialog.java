package com.rms.pos.sale;

import com.rms.platform.error.RmsException;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.PaymentResult;
import com.rms.pos.application.Settlement;
import com.rms.pos.application.TenderCommand;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The pay dialog: one tender on the check, cash (with what was handed over, the change shown large)
 * or card (with the terminal's token). Each attempt carries its own Idempotency-Key, kept until the
 * server has answered it, so a repeated tap of "Pay" (or a retry after a lost response) is the same
 * payment, not a second one.
 */
@Named
@ViewScoped
public class PayDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCheck check;

    @Inject
    Settlement settlement;

    @Inject
    SaleScreen screen;

    private String method = "CASH";
    private BigDecimal amount;
    private BigDecimal tip;
    private BigDecimal tendered;
    private String cardToken;
    /** The key of the attempt the dialog is at; none once the server has answered it with a payment. */
    private String paymentKey;
    private String payError;
    private String lastPayment;
    private BigDecimal change;

    /** Opens the dialog for the balance, in cash, with a fresh key for this payment. */
    public void start() {
        OrderView current = check.getOrder();
        if (current == null) {
            return;
        }
        method = "CASH";
        amount = current.balance();
        tip = null;
        tendered = null;
        cardToken = null;
        payError = null;
        paymentKey = UUID.randomUUID().toString();
        screen.open("payDialog", "payForm");
    }

    public void chooseMethod(String chosen) {
        method = chosen;
        payError = null;
    }

    /** Takes the tender; declined or refused, the dialog says why and the next try is a new payment with a new key. */
    public void pay() {
        if (check.getOrderId() == null || paymentKey == null) {
            return;
        }
        payError = null;
        try {
            PaymentResult paid = settlement.payOnce(check.getOrderId(), tender(), paymentKey);
            paymentKey = null;
            check.reload();
            lastPayment = describe(paid);
            change = paid.change() != null && paid.change().signum() > 0 ? paid.change() : null;
            screen.close("payDialog");
        } catch (RmsException refused) {
            // declined or refused: the key was released
            paymentKey = UUID.randomUUID().toString();
            payError = refused.getMessage();
            check.reload();
        }
    }

    /** The tender as the dialog holds it: a card's token, or the cash handed over. */
    TenderCommand tender() {
        boolean card = "CARD".equals(method);
        return new TenderCommand(method, amount, tip, card ? trim(cardToken) : null, card ? null : tendered);
    }

    private String describe(PaymentResult p) {
        String text = CheckLabels.method(p.method()) + " " + check.money(p.amount());
        if (p.tendered() != null) {
            text += " · tendered " + check.money(p.tendered());
        }
        return text;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The last payment taken, as it reads on the check, e.g. "Cash EUR 10.00 · tendered EUR 20.00". */
    public String getLastPayment() {
        return lastPayment;
    }

    /** The change due from the last cash payment, shown large for the cashier; none when there is none. */
    public BigDecimal getChange() {
        return change;
    }

    public String getPayError() {
        return payError;
    }

    public String getMethod() {
        return method;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public BigDecimal getTip() {
        return tip;
    }

    public void setTip(BigDecimal tip) {
        this.tip = tip;
    }

    public BigDecimal getTendered() {
        return tendered;
    }

    public void setTendered(BigDecimal tendered) {
        this.tendered = tendered;
    }

    public String getCardToken() {
        return cardToken;
    }

    public void setCardToken(String cardToken) {
        this.cardToken = cardToken;
    }
}
