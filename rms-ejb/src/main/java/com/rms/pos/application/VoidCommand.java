package com.rms.pos.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why something is voided (or re-opened), and a manager's PIN when the caller is not a manager. */
public record VoidCommand(
        @NotBlank(message = "is required (at most 200 characters)")
        @Size(max = 200, message = "is required (at most 200 characters)") String reason,
        String managerPin) {
}
