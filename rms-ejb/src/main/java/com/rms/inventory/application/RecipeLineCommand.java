package com.rms.inventory.application;

import java.math.BigDecimal;

/** One ingredient of a portion: so much of a stock item, in its unit unless another convertible one is named. */
public record RecipeLineCommand(Long stockItemId, BigDecimal quantity, String unit) {
}
