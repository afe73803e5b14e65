package com.rms.online.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * An outlet's online-order settings ({@code PUT /outlets/{id}/online-settings}); a missing value means
 * the default.
 */
public record OnlineSettingsCommand(
        @Min(value = 1, message = "must be between 1 and 240") @Max(value = 240, message = "must be between 1 and 240")
        Integer onlineAcceptMinutes,
        @Min(value = 1, message = "must be between 1 and 240") @Max(value = 240, message = "must be between 1 and 240")
        Integer onlineReadyMinutes) {
}
