package com.rms.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The record that an order's stock was deducted (SALE) or given back (REFUND): it makes both
 * idempotent per order reference, so a redelivered message or a retried call changes nothing.
 */
@Entity
@Table(name = "stock_order_posting")
@IdClass(StockOrderPosting.Key.class)
public class StockOrderPosting {

    @Id
    private String reference;

    @Id
    @Enumerated(EnumType.STRING)
    private MovementReason kind;

    @Column(name = "outlet_id", nullable = false)
    private long outletId;

    @Column(nullable = false)
    private OffsetDateTime at;

    protected StockOrderPosting() {
    }

    public StockOrderPosting(String reference, MovementReason kind, long outletId) {
        if (kind != MovementReason.SALE && kind != MovementReason.REFUND) {
            throw new IllegalArgumentException("orders post SALE or REFUND, not " + kind);
        }
        this.reference = reference;
        this.kind = kind;
        this.outletId = outletId;
        this.at = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long getOutletId() {
        return outletId;
    }

    /** The primary key: order reference and kind. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String reference;
        private MovementReason kind;

        public Key() {
        }

        public Key(String reference, MovementReason kind) {
            this.reference = reference;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.reference, reference) && k.kind == kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(reference, kind);
        }
    }
}
