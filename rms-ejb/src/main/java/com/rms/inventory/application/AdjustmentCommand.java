package com.rms.inventory.application;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A manual stock change at an outlet: WASTE (a negative {@code delta}), CORRECTION (a signed
 * {@code delta}) or COUNT (the {@code counted} quantity; the difference is posted).
 */
public record AdjustmentCommand(Long stockItemId, @Digits(integer = 11, fraction = 3) BigDecimal delta,
        @Digits(integer = 11, fraction = 3) BigDecimal counted, String reason,
        @Size(max = 500) String note) {
}
