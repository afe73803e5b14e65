package com.rms.menu.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** An outlet's own price or availability for an item; everything not overridden is inherited. */
@Entity
@Table(name = "outlet_item_override")
@IdClass(OutletItemOverride.Key.class)
public class OutletItemOverride {

    /** The composite key: outlet and item. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long outletId;
        private Long itemId;

        public Key() {
        }

        public Key(long outletId, long itemId) {
            this.outletId = outletId;
            this.itemId = itemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(outletId, k.outletId) && java.util.Objects.equals(itemId, k.itemId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(outletId, itemId);
        }
    }

    @Id
    @Column(name = "outlet_id")
    private Long outletId;

    @Id
    @Column(name = "item_id")
    private Long itemId;

    @Column(precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private boolean available;

    protected OutletItemOverride() {
    }

    public OutletItemOverride(long outletId, long itemId) {
        this.outletId = outletId;
        this.itemId = itemId;
    }

    public void set(BigDecimal price, boolean available) {
        this.price = price;
        this.available = available;
    }

    public Long getOutletId() {
        return outletId;
    }

    public Long getItemId() {
        return itemId;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public boolean isAvailable() {
        return available;
    }
}
