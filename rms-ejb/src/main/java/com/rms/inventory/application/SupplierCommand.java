package com.rms.inventory.application;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supplier to create, or the full new state of one. */
public record SupplierCommand(
        @NotBlank @Size(max = 120) String name,
        @Email @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Size(max = 300) String address,
        Boolean active) {

    boolean isActive() {
        return active == null || active;
    }
}
