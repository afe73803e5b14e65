package com.rms.inventory.application;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A stock item to create, or the full new state of one (its SKU and unit cannot change). */
public record StockItemCommand(
        @NotBlank @Size(max = 40) String sku,
        @NotBlank @Size(max = 120) String name,
        @NotNull String unit,
        @NotNull @Digits(integer = 11, fraction = 3) BigDecimal reorderLevel,
        @NotNull @Digits(integer = 10, fraction = 4) BigDecimal unitCost,
        Boolean allowNegative,
        Boolean active) {

    boolean isAllowNegative() {
        return allowNegative != null && allowNegative;
    }

    boolean isActive() {
        return active == null || active;
    }
}
