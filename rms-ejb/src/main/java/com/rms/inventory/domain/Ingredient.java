package com.rms.inventory.domain;

import java.math.BigDecimal;

/** So much of a stock item, in some unit, in one portion of a recipe. */
public record Ingredient(long stockItemId, BigDecimal quantity, Unit unit) {
}
