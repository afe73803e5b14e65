package com.rms.inventory.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A stock item to create, or the full new state of one (its SKU and unit cannot change). */
public record StockItemCommand(
        @NotBlank @Size(max = 40) String sku,
        @NotBlank @Size(max = 120) String name,
        @NotNull String unit,
        @NotNull BigDecimal reorderLevel,
        @NotNull BigDecimal unitCost,
        Boolean allowNegative,
        Boolean active) {

    boolean isAllowNegative() {
        return allowNegative != null && allowNegative;
    }

    boolean isActive() {
        return active == null || active;
    }
}
