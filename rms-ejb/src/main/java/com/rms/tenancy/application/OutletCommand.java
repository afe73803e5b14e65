package com.rms.tenancy.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An outlet to create, or the full new state of one. */
public record OutletCommand(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 300) String address,
        @NotNull String timezone,
        @NotNull String currency,
        Boolean active) {

    public boolean isActive() {
        return active == null || active;
    }
}
