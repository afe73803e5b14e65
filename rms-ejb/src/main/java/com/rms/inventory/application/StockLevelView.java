package com.rms.inventory.application;

import com.rms.inventory.domain.Costing;
import com.rms.inventory.domain.StockItem;
import com.rms.inventory.domain.Unit;
import java.math.BigDecimal;

/** A stock item's position at one outlet: on hand, its value at average cost, and whether it is low. */
public record StockLevelView(long outletId, long stockItemId, String sku, String name, String unit, BigDecimal onHand,
        BigDecimal reorderLevel, BigDecimal averageCost, BigDecimal value, boolean lowStock, boolean allowNegative) {

    static StockLevelView of(long outletId, StockItem item, BigDecimal onHand) {
        BigDecimal quantity = onHand == null ? BigDecimal.ZERO.setScale(Unit.QUANTITY_SCALE) : onHand;
        return new StockLevelView(outletId, item.getId(), item.getSku(), item.getName(), item.getUnit().code(),
                quantity, item.getReorderLevel(), item.getAverageCost(), Costing.value(quantity, item.getAverageCost()),
                item.isLowAt(quantity), item.isAllowNegative());
    }
}
