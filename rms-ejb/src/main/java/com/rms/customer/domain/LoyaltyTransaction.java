package com.rms.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One movement of a customer's points, append-only, with the money it was based on and the balance after it. */
@Entity
@Table(name = "loyalty_transaction")
public class LoyaltyTransaction {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rmsIds")
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LoyaltyKind kind;

    @Column(nullable = false)
    private long points;

    private BigDecimal amount;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "event_id")
    private String eventId;

    private String note;

    @Column(name = "balance_after", nullable = false)
    private long balanceAfter;

    @Column(nullable = false)
    private OffsetDateTime at;

    protected LoyaltyTransaction() {
    }

    public LoyaltyTransaction(long customerId, LoyaltyKind kind, long points, BigDecimal amount, Long orderId,
            String eventId, String note, long balanceAfter) {
        this.customerId = customerId;
        this.kind = kind;
        this.points = points;
        this.amount = amount;
        this.orderId = orderId;
        this.eventId = eventId;
        this.note = note;
        this.balanceAfter = balanceAfter;
        this.at = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public LoyaltyKind getKind() {
        return kind;
    }

    public long getPoints() {
        return points;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getEventId() {
        return eventId;
    }

    public String getNote() {
        return note;
    }

    public long getBalanceAfter() {
        return balanceAfter;
    }

    public OffsetDateTime getAt() {
        return at;
    }
}
