package com.rms.online.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Accepting an online order, optionally with how many minutes until it is ready (else the estimate stands). */
public record AcceptCommand(
        @Min(value = 1, message = "must be between 1 and 240") @Max(value = 240, message = "must be between 1 and 240")
        Integer readyInMinutes) {
}
