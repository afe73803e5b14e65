package com.rms.staff.application;

import com.rms.platform.security.Role;
import com.rms.staff.domain.StaffMember;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A staff member as the API shows it: never a hash, only whether a PIN or password is set. */
public record StaffView(long id, String username, String displayName, Set<Role> roles, List<Long> outletIds,
        BigDecimal hourlyRate, boolean active, boolean hasPin, boolean hasPassword, long version,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static StaffView of(StaffMember s) {
        return new StaffView(s.getId(), s.getUsername(), s.getDisplayName(), s.getRoles(),
                s.getOutletIds().stream().sorted().toList(), s.getHourlyRate(), s.isActive(),
                s.getPinHash() != null, s.getPasswordHash() != null, s.getVersion(), s.getCreatedAt(), s.getUpdatedAt());
    }
}
