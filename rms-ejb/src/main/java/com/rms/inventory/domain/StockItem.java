package com.rms.inventory.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Something the chain keeps in stock and cooks with, counted in one unit. The unit is fixed at
 * creation: every movement and level of the item is in it. {@code unitCost} is the catalogue cost
 * the owner maintains; {@code averageCost} is the moving weighted average of what receipts cost,
 * which values the stock. A strict item (the default) can never be sold or wasted below zero.
 */
@Entity
@Table(name = "stock_item")
public class StockItem extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Unit unit;

    @Column(name = "reorder_level", nullable = false, precision = 14, scale = 3)
    private BigDecimal reorderLevel;

    @Column(name = "unit_cost", nullable = false, precision = 14, scale = 4)
    private BigDecimal unitCost;

    @Column(name = "average_cost", nullable = false, precision = 14, scale = 4)
    private BigDecimal averageCost;

    @Column(name = "allow_negative", nullable = false)
    private boolean allowNegative;

    @Column(nullable = false)
    private boolean active = true;

    protected StockItem() {
    }

    /** A new item; until something is received its stock is valued at the catalogue cost. */
    public StockItem(String sku, Unit unit, BigDecimal unitCost) {
        this.sku = sku;
        this.unit = unit;
        this.unitCost = cost(unitCost);
        this.averageCost = this.unitCost;
    }

    public void update(String name, BigDecimal reorderLevel, BigDecimal unitCost, boolean allowNegative,
            boolean active) {
        if (reorderLevel.signum() < 0 || unitCost.signum() < 0) {
            throw new IllegalArgumentException("reorder level and unit cost cannot be negative");
        }
        this.name = name;
        this.reorderLevel = reorderLevel.setScale(Unit.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
        this.unitCost = cost(unitCost);
        this.allowNegative = allowNegative;
        this.active = active;
    }

    /**
     * Folds a receipt into the average cost.
     *
     * @param onHandEverywhere the item's on-hand over all outlets before the receipt
     */
    public void receive(BigDecimal onHandEverywhere, BigDecimal quantity, BigDecimal cost) {
        averageCost = Costing.weightedAverage(onHandEverywhere, averageCost, quantity, cost(cost));
    }

    /** Whether stock at {@code onHand} is at or below the reorder level. */
    public boolean isLowAt(BigDecimal onHand) {
        return onHand.compareTo(reorderLevel) <= 0;
    }

    private static BigDecimal cost(BigDecimal value) {
        return value.setScale(Costing.COST_SCALE, RoundingMode.HALF_EVEN);
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public Unit getUnit() {
        return unit;
    }

    public BigDecimal getReorderLevel() {
        return reorderLevel;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public BigDecimal getAverageCost() {
        return averageCost;
    }

    public boolean isAllowNegative() {
        return allowNegative;
    }

    public boolean isActive() {
        return active;
    }
}
