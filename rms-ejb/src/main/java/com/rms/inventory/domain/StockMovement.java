package com.rms.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One entry of the append-only stock ledger: a signed quantity of a stock item (in its unit) at an
 * outlet, why, at what unit cost, and who. Movements are never changed or deleted; a mistake is
 * corrected by another movement.
 */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rmsIds")
    private Long id;

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Column(name = "stock_item_id", nullable = false, updatable = false)
    private long stockItemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MovementReason reason;

    @Column(nullable = false, updatable = false, precision = 14, scale = 3)
    private BigDecimal quantity;

    @Column(name = "unit_cost", nullable = false, updatable = false, precision = 14, scale = 4)
    private BigDecimal unitCost;

    @Column(updatable = false)
    private String reference;

    @Column(updatable = false)
    private String note;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    protected StockMovement() {
    }

    public StockMovement(long outletId, long stockItemId, MovementReason reason, BigDecimal quantity,
            BigDecimal unitCost, String reference, String note, String username) {
        if (quantity.signum() == 0 && reason != MovementReason.COUNT) {
            throw new IllegalArgumentException("a " + reason + " movement must move something");
        }
        this.outletId = outletId;
        this.stockItemId = stockItemId;
        this.reason = reason;
        this.quantity = quantity.setScale(Unit.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
        this.unitCost = unitCost.setScale(Costing.COST_SCALE, RoundingMode.HALF_EVEN);
        this.reference = reference;
        this.note = note;
        this.username = username;
        this.at = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public long getOutletId() {
        return outletId;
    }

    public long getStockItemId() {
        return stockItemId;
    }

    public MovementReason getReason() {
        return reason;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public String getReference() {
        return reference;
    }

    public String getNote() {
        return note;
    }

    public String getUsername() {
        return username;
    }

    public OffsetDateTime getAt() {
        return at;
    }
}
