package com.rms.tenancy.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to open a new chain on the platform. */
public record ProvisionTenant(
        @NotNull @Pattern(regexp = TenantRegistry.SLUG_PATTERN, message = TenantRegistry.SLUG_RULE) String slug,
        @NotBlank @Size(max = 120) String name,
        @NotNull String currency,
        @NotNull String timezone,
        @Min(1) @Max(1_000_000) Integer rateLimitRps,
        @NotNull @Valid Owner owner) {

    /** The chain's first account, with the OWNER role. */
    public record Owner(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{2,64}", message = "must be 2-64 letters, digits, . _ or -") String username,
            @NotNull @Size(min = 8, max = 200, message = "must be 8 to 200 characters") String password,
            @Size(max = 120) String displayName) {}
}
