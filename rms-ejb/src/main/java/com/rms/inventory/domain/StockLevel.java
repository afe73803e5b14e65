package com.rms.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The running on-hand of one stock item at one outlet: the sum of its movements, kept in step with
 * the ledger in the same transaction. It is the row a stock change locks, so concurrent sales of the
 * same ingredient queue here instead of overselling. {@code low} remembers that the crossing below
 * the reorder level was announced, so it is announced once per crossing.
 */
@Entity
@Table(name = "stock_level")
@IdClass(StockLevel.Key.class)
public class StockLevel {

    @Id
    @Column(name = "outlet_id")
    private long outletId;

    @Id
    @Column(name = "stock_item_id")
    private long stockItemId;

    @Column(name = "on_hand", nullable = false, precision = 14, scale = 3)
    private BigDecimal onHand;

    @Column(nullable = false)
    private boolean low;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected StockLevel() {
    }

    /** A level for an outlet and item that have never moved: nothing on hand, nothing announced. */
    public StockLevel(long outletId, long stockItemId) {
        this.outletId = outletId;
        this.stockItemId = stockItemId;
        this.onHand = BigDecimal.ZERO.setScale(Unit.QUANTITY_SCALE);
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Applies a movement of {@code quantity} (signed, in the item's unit).
     *
     * @return whether the level just fell to or below the item's reorder level (the moment to announce)
     */
    public boolean apply(BigDecimal quantity, StockItem item) {
        onHand = onHand.add(quantity).setScale(Unit.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        boolean nowLow = item.isLowAt(onHand);
        boolean crossed = nowLow && !low;
        low = nowLow;
        return crossed;
    }

    public long getOutletId() {
        return outletId;
    }

    public long getStockItemId() {
        return stockItemId;
    }

    public BigDecimal getOnHand() {
        return onHand;
    }

    public boolean isLow() {
        return low;
    }

    /** The primary key: outlet and stock item. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private long outletId;
        private long stockItemId;

        public Key() {
        }

        public Key(long outletId, long stockItemId) {
            this.outletId = outletId;
            this.stockItemId = stockItemId;
        }

        public long outletId() {
            return outletId;
        }

        public long stockItemId() {
            return stockItemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.outletId == outletId && k.stockItemId == stockItemId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(outletId, stockItemId);
        }
    }
}
