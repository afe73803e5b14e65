package com.rms.online.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an online order is rejected or cancelled: the reason the partner and the staff are shown. */
public record ReasonCommand(
        @NotBlank(message = "is required (at most 200 characters)")
        @Size(max = 200, message = "is required (at most 200 characters)") String reason) {
}
