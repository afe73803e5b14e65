package com.rms.tenancy.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An outlet to create, or the full new state of one. {@code taxId} is the seller's tax id its
 * receipts print (a VAT identification number such as DE123456789, or the tax number the authority
 * gave it); none when blank.
 */
public record OutletCommand(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 300) String address,
        @Size(max = 32) String taxId,
        @NotNull String timezone,
        @NotNull String currency,
        Boolean active) {

    public boolean isActive() {
        return active == null || active;
    }

    /** The tax id trimmed, or null when none is given. */
    public String taxIdOrNull() {
        return taxId == null || taxId.isBlank() ? null : taxId.trim();
    }
}
