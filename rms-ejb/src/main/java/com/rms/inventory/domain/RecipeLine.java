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
 * One ingredient of one portion of a menu item or modifier, in the unit the recipe was written in
 * (which converts to the stock item's). A recipe is the ordered set of lines of one target and is
 * replaced as a whole.
 */
@Entity
@Table(name = "recipe_line")
public class RecipeLine extends BaseEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false, updatable = false)
    private RecipeTarget targetKind;

    @Column(name = "target_id", nullable = false, updatable = false)
    private long targetId;

    @Column(name = "stock_item_id", nullable = false, updatable = false)
    private long stockItemId;

    @Column(nullable = false, precision = 14, scale = 3)
    private BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Unit unit;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    protected RecipeLine() {
    }

    public RecipeLine(RecipeTarget targetKind, long targetId, int lineNo, long stockItemId, BigDecimal quantity,
            Unit unit) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a recipe quantity must be positive");
        }
        this.targetKind = targetKind;
        this.targetId = targetId;
        this.lineNo = lineNo;
        this.stockItemId = stockItemId;
        this.quantity = quantity.setScale(Unit.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
        this.unit = unit;
    }

    public Ingredient ingredient() {
        return new Ingredient(stockItemId, quantity, unit);
    }

    public RecipeTarget getTargetKind() {
        return targetKind;
    }

    public long getTargetId() {
        return targetId;
    }

    public long getStockItemId() {
        return stockItemId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public Unit getUnit() {
        return unit;
    }

    public int getLineNo() {
        return lineNo;
    }
}
