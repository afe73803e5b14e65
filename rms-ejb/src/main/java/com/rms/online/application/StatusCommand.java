package com.rms.online.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A move of an online order by the staff ({@code POST /online-orders/{id}/status}): along the kitchen's
 * way, or CANCELLED by a manager (then with a reason).
 */
public record StatusCommand(
        @NotNull(message = "must be one of PREPARING, READY, COMPLETED, CANCELLED")
        @Pattern(regexp = "\\s*(?i:PREPARING|READY|COMPLETED|CANCELLED)\\s*",
                message = "must be one of PREPARING, READY, COMPLETED, CANCELLED") String status,
        @Size(max = 200, message = "at most 200 characters") String reason) {
}
