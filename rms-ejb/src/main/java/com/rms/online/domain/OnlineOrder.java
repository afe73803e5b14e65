package com.rms.online.domain;

import com.rms.platform.error.ConflictException;
import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An order a partner sent, backed by a point-of-sale order of channel {@code ONLINE} ({@code orderId},
 * which holds its lines, prices and payments): who sent it under which reference, the customer and how
 * they get it, and where it stands in its own lifecycle ({@link OnlineOrderStatus}). One partner's
 * reference names one online order (unique), and {@code fingerprint} is what the partner asked the
 * first time, so a repeat is told from a conflicting one. A status moves only as its rules allow:
 * any other move is a 409.
 */
@Entity
@Table(name = "online_order")
public class OnlineOrder extends BaseEntity {

    @Column(name = "partner_id", nullable = false, updatable = false)
    private long partnerId;

    @Column(name = "external_ref", nullable = false, updatable = false)
    private String externalRef;

    @Column(nullable = false, updatable = false)
    private String fingerprint;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OnlineOrderStatus status = OnlineOrderStatus.RECEIVED;

    @Column(name = "customer_name", nullable = false, updatable = false)
    private String customerName;

    @Column(name = "customer_phone", updatable = false)
    private String customerPhone;

    @Column(name = "customer_email", updatable = false)
    private String customerEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Fulfilment fulfilment;

    @Column(updatable = false)
    private String address;

    @Column(name = "requested_at", updatable = false)
    private OffsetDateTime requestedAt;

    @Column(updatable = false)
    private String notes;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, updatable = false)
    private OnlinePayment paymentMethod;

    @Column(name = "accept_by", nullable = false, updatable = false)
    private OffsetDateTime acceptBy;

    @Column(name = "estimated_ready_at", nullable = false)
    private OffsetDateTime estimatedReadyAt;

    @Column
    private String reason;

    @Column(name = "changed_by")
    private String changedBy;

    protected OnlineOrder() {
    }

    /** The request's facts, as validated. */
    public record Details(String customerName, String customerPhone, String customerEmail, Fulfilment fulfilment,
            String address, OffsetDateTime requestedAt, String notes, OnlinePayment paymentMethod) {

        public Details {
            if (fulfilment == Fulfilment.DELIVERY && (address == null || address.isBlank())) {
                throw new IllegalArgumentException("a delivery needs an address");
            }
        }
    }

    public OnlineOrder(long partnerId, String externalRef, String fingerprint, long orderId, long outletId, Details details,
            OffsetDateTime acceptBy, OffsetDateTime estimatedReadyAt) {
        this.partnerId = partnerId;
        this.externalRef = externalRef;
        this.fingerprint = fingerprint;
        this.orderId = orderId;
        this.outletId = outletId;
        this.customerName = details.customerName();
        this.customerPhone = details.customerPhone();
        this.customerEmail = details.customerEmail();
        this.fulfilment = details.fulfilment();
        this.address = details.address();
        this.requestedAt = details.requestedAt();
        this.notes = details.notes();
        this.paymentMethod = details.paymentMethod();
        this.acceptBy = acceptBy;
        this.estimatedReadyAt = estimatedReadyAt;
    }

    /** Accepted by the staff, to be ready at {@code readyAt}. */
    public void accept(OffsetDateTime readyAt, String by) {
        move(OnlineOrderStatus.ACCEPTED, null, by);
        this.estimatedReadyAt = readyAt;
    }

    /** Rejected (only a RECEIVED order), with the reason the partner is given. */
    public void reject(String why, String by) {
        move(OnlineOrderStatus.REJECTED, why, by);
    }

    /** Cancelled before it is READY, with the reason. */
    public void cancel(String why, String by) {
        move(OnlineOrderStatus.CANCELLED, why, by);
    }

    /** Moves along the kitchen's way: PREPARING, READY, COMPLETED. */
    public void progress(OnlineOrderStatus next, String by) {
        if (next == OnlineOrderStatus.REJECTED || next == OnlineOrderStatus.CANCELLED || next == OnlineOrderStatus.ACCEPTED) {
            throw new IllegalArgumentException(next + " is not a kitchen progress");
        }
        move(next, null, by);
    }

    /** Refuses a move its status does not allow (409): the caller acted on an order that moved on. */
    public void requireMove(OnlineOrderStatus next) {
        if (!status.canBecome(next)) {
            throw new ConflictException("online order " + getId() + " is " + status + " and cannot become " + next
                    + (status.isFinal() ? "" : " (it may become " + status.successors() + ")"));
        }
    }

    private void move(OnlineOrderStatus next, String why, String by) {
        requireMove(next);
        this.status = next;
        this.reason = why;
        this.changedBy = by;
    }

    /** Whether the partner sent exactly this request before (same fingerprint). */
    public boolean sameRequest(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint);
    }

    public long getPartnerId() {
        return partnerId;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public long getOrderId() {
        return orderId;
    }

    public long getOutletId() {
        return outletId;
    }

    public OnlineOrderStatus getStatus() {
        return status;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getCustomerPhone() {
        return customerPhone;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public Fulfilment getFulfilment() {
        return fulfilment;
    }

    public String getAddress() {
        return address;
    }

    public OffsetDateTime getRequestedAt() {
        return requestedAt;
    }

    public String getNotes() {
        return notes;
    }

    public OnlinePayment getPaymentMethod() {
        return paymentMethod;
    }

    public OffsetDateTime getAcceptBy() {
        return acceptBy;
    }

    public OffsetDateTime getEstimatedReadyAt() {
        return estimatedReadyAt;
    }

    public String getReason() {
        return reason;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
