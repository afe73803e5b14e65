package com.rms.payment.application;

import com.rms.payment.domain.PaymentMethod;
import com.rms.payment.domain.Payment;
import com.rms.platform.text.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A tender of an order as recorded, for the point of sale's own rules and answers. */
public record TenderRecord(long id, long orderId, long outletId, PaymentMethod method, String currency, String status,
        BigDecimal amount, BigDecimal tip, BigDecimal tendered, BigDecimal change, BigDecimal refunded,
        String providerRef, String providerKey, String declineCode, String declineMessage, boolean holdsStock,
        OffsetDateTime createdAt) {

    static TenderRecord of(Payment p) {
        return new TenderRecord(p.getId(), p.getOrderId(), p.getOutletId(), p.getMethod(), p.getCurrency(),
                p.getStatus(), p.getAmount(), p.getTip(), p.getTendered(), p.getChangeDue(), p.getRefunded(),
                p.getProviderRef(), p.getProviderKey(), p.getDeclineCode(), p.getDeclineMessage(), p.isHoldingStock(),
                p.getCreatedAt());
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    public boolean declined() {
        return "DECLINED".equals(status);
    }

    /** What this tender took in (amount and tip) less what went back. */
    public BigDecimal refundable() {
        return amount.add(tip).subtract(refunded);
    }

    /** The tender as the API shows it (at the currency's scale). */
    public PaymentView view() {
        int scale = Money.scale(currency);
        return new PaymentView(id, method.name(), Money.scaled(amount, scale), Money.scaled(tip, scale),
                Money.scaled(tendered, scale), Money.scaled(change, scale), Money.scaled(refunded, scale), status,
                providerRef, declineCode, createdAt);
    }
}
