package com.rms.payment.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Money given back on one tender of a completed order, approved by a manager. */
@Entity
@Table(name = "refund")
public class Refund extends BaseEntity {

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private long paymentId;

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentMethod method;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "provider_ref", updatable = false)
    private String providerRef;

    @Column(name = "cash_session_id", updatable = false)
    private Long cashSessionId;

    @Column(name = "approved_by", nullable = false, updatable = false)
    private String approvedBy;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected Refund() {
    }

    public Refund(long orderId, long paymentId, long outletId, PaymentMethod method, BigDecimal amount, String reason,
            String providerRef, Long cashSessionId, String approvedBy, String createdBy) {
        this.orderId = orderId;
        this.paymentId = paymentId;
        this.outletId = outletId;
        this.method = method;
        this.amount = amount;
        this.reason = reason;
        this.providerRef = providerRef;
        this.cashSessionId = cashSessionId;
        this.approvedBy = approvedBy;
        this.createdBy = createdBy;
    }

    public long getOrderId() {
        return orderId;
    }

    public long getPaymentId() {
        return paymentId;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getReason() {
        return reason;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public String getApprovedBy() {
        return approvedBy;
    }
}
