package com.rms.inventory.application;

import java.math.BigDecimal;

/**
 * One ingredient of a portion as the API shows it: as written, and converted into the stock item's
 * unit (what a sale deducts).
 */
public record RecipeLineView(long stockItemId, String sku, String name, BigDecimal quantity, String unit,
        BigDecimal stockQuantity, String stockUnit) {
}
