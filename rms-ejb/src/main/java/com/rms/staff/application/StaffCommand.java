package com.rms.staff.application;

import com.rms.platform.security.Role;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A staff member to create or the full new state of one to update. On update, a null
 * {@code pin} or {@code password} keeps the current one and an empty string removes it.
 */
public record StaffCommand(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{2,64}", message = "must be 2-64 letters, digits, . _ or -") String username,
        @NotNull @Size(min = 1, max = 120) String displayName,
        @NotEmpty Set<@NotNull Role> roles,
        Set<@NotNull Long> outletIds,
        @Pattern(regexp = "|[0-9]{4,8}", message = "must be 4 to 8 digits") String pin,
        @Size(max = 200) String password,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 8, fraction = 2) BigDecimal hourlyRate,
        Boolean active) {

    public Set<Long> outlets() {
        return outletIds == null ? Set.of() : outletIds;
    }

    public boolean isActive() {
        return active == null || active;
    }
}
