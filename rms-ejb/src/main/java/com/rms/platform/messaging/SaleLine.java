package com.rms.platform.messaging;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.List;

/**
 * A line of a sale as the side-effect consumers need it: the item and modifiers (for the recipe's
 * stock), the dimensions of the sales fact, the quantity and its money after the order discount.
 */
public record SaleLine(
        @NotNull Long lineId,
        @NotNull Long menuItemId,
        String sku,
        String name,
        Long categoryId,
        String categoryName,
        List<@NotNull Long> modifierIds,
        @NotNull @Positive Integer quantity,
        @NotNull BigDecimal net,
        @NotNull BigDecimal tax,
        @NotNull BigDecimal gross) {

    public SaleLine {
        modifierIds = modifierIds == null ? List.of() : List.copyOf(modifierIds);
    }
}
