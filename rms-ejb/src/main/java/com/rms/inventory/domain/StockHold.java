package com.rms.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Stock held at an outlet for an order reference while the order is being paid. */
@Entity
@Table(name = "stock_hold")
@IdClass(StockHold.Key.class)
public class StockHold {

    @Id
    @Column(name = "reference")
    private String reference;

    @Id
    @Column(name = "stock_item_id")
    private long stockItemId;

    @Column(name = "outlet_id", nullable = false)
    private long outletId;

    @Column(nullable = false, precision = 14, scale = 3)
    private BigDecimal quantity;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected StockHold() {
    }

    public StockHold(String reference, long outletId, long stockItemId, BigDecimal quantity) {
        this.reference = reference;
        this.outletId = outletId;
        this.stockItemId = stockItemId;
        this.quantity = quantity;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String getReference() {
        return reference;
    }

    public long getStockItemId() {
        return stockItemId;
    }

    public long getOutletId() {
        return outletId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    /** The primary key: one hold per reference and stock item. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String reference;
        private long stockItemId;

        public Key() {
        }

        public Key(String reference, long stockItemId) {
            this.reference = reference;
            this.stockItemId = stockItemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.stockItemId == stockItemId && Objects.equals(k.reference, reference);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reference, stockItemId);
        }
    }
}
