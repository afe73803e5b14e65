package com.rms.pos.application;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** An order discount: {@code PERCENT} of the subtotal or an {@code AMOUNT}, always with a reason. */
public record DiscountCommand(
        @NotNull(message = "is required")
        @Pattern(regexp = "\\s*(?i:PERCENT|AMOUNT)\\s*", message = "must be one of [PERCENT, AMOUNT]") String type,
        @NotNull(message = "must be greater than 0") @Positive(message = "must be greater than 0")
        @Digits(integer = 10, fraction = 3, message = "is out of range") BigDecimal value,
        @NotBlank(message = "is required (at most 200 characters)")
        @Size(max = 200, message = "is required (at most 200 characters)") String reason) {
}
