package com.rms.inventory.application;

import java.math.BigDecimal;

/**
 * A line of a purchase order, or of a delivery against one: a quantity of a stock item in its unit
 * and the cost per unit (optional: the item's catalogue cost when ordering, the ordered cost when receiving).
 */
public record PurchaseLineCommand(Long stockItemId, BigDecimal quantity, BigDecimal unitCost) {
}
