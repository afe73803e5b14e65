package com.rms.payment.domain;

import com.rms.platform.text.Money;
import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One tender of an order. A card payment is written PENDING before the provider is called (with the
 * idempotency key the provider gets), then SUCCEEDED or DECLINED; a PENDING one is removed when the
 * provider could not be reached, so nothing is recorded as paid that was not.
 */
@Entity
@Table(name = "payment")
public class Payment extends BaseEntity {

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentMethod method;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, updatable = false)
    private BigDecimal tip;

    @Column(updatable = false)
    private BigDecimal tendered;

    @Column(name = "change_due", updatable = false)
    private BigDecimal changeDue;

    @Column(nullable = false)
    private BigDecimal refunded = BigDecimal.ZERO;

    @Column(name = "provider_ref")
    private String providerRef;

    @Column(name = "provider_key", nullable = false, updatable = false)
    private String providerKey;

    @Column(name = "decline_code")
    private String declineCode;

    @Column(name = "decline_message")
    private String declineMessage;

    @Column(name = "cash_session_id", updatable = false)
    private Long cashSessionId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    /** This tender settles the order, so it holds the order's stock until it succeeds or fails. */
    @Column(name = "holds_stock", nullable = false)
    private boolean holdsStock;

    protected Payment() {
    }

    public Payment(long orderId, long outletId, PaymentMethod method, String currency, BigDecimal amount, BigDecimal tip,
            BigDecimal tendered, BigDecimal changeDue, String providerKey, Long cashSessionId, String createdBy,
            String status) {
        this.orderId = orderId;
        this.outletId = outletId;
        this.method = method;
        this.currency = currency;
        this.amount = amount;
        this.tip = tip;
        this.tendered = tendered;
        this.changeDue = changeDue;
        this.providerKey = providerKey;
        this.cashSessionId = cashSessionId;
        this.createdBy = createdBy;
        this.status = status;
    }

    public void holdsStock() {
        this.holdsStock = true;
    }

    public boolean isHoldingStock() {
        return holdsStock;
    }

    public void succeeded(String providerRef) {
        this.status = "SUCCEEDED";
        this.providerRef = providerRef;
    }

    public void declined(String code, String message) {
        this.status = "DECLINED";
        this.declineCode = code;
        this.declineMessage = message;
    }

    public void refund(BigDecimal amount) {
        refunded = refunded.add(amount);
    }

    /** What this tender took in (amount and tip) less what went back. */
    public BigDecimal refundable() {
        return amount.add(tip).subtract(refunded);
    }

    public long getOrderId() {
        return orderId;
    }

    public long getOutletId() {
        return outletId;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public String getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    /** The currency's minor-unit scale. */
    public int scale() {
        return Money.scale(currency);
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getTip() {
        return tip;
    }

    public BigDecimal getTendered() {
        return tendered;
    }

    public BigDecimal getChangeDue() {
        return changeDue;
    }

    public BigDecimal getRefunded() {
        return refunded;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public String getProviderKey() {
        return providerKey;
    }

    public String getDeclineCode() {
        return declineCode;
    }

    public String getDeclineMessage() {
        return declineMessage;
    }

    public Long getCashSessionId() {
        return cashSessionId;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
