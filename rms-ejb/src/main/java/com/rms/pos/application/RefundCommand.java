package com.rms.pos.application;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Money to give back on a completed order, why, and a manager's PIN when the caller is not a manager. */
public record RefundCommand(
        @NotNull(message = "must be greater than 0") @Positive(message = "must be greater than 0")
        @Digits(integer = 10, fraction = 12, message = "must be greater than 0") BigDecimal amount,
        @NotBlank(message = "is required (at most 200 characters)")
        @Size(max = 200, message = "is required (at most 200 characters)") String reason,
        String managerPin) {
}
