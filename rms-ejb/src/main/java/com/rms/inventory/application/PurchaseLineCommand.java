package com.rms.inventory.application;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/**
 * A line of a purchase order, or of a delivery against one: a quantity of a stock item in its unit
 * and the cost per unit (optional: the item's catalogue cost when ordering, the ordered cost when receiving).
 */
public record PurchaseLineCommand(Long stockItemId, @Digits(integer = 11, fraction = 3) BigDecimal quantity,
        @Digits(integer = 10, fraction = 4) BigDecimal unitCost) {
}
