package com.rms.tenancy.application;

import com.rms.tenancy.domain.Outlet;
import java.time.OffsetDateTime;

/** An outlet as the API shows it. */
public record OutletView(long id, String name, String address, String timezone, String currency, boolean active,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static OutletView of(Outlet o) {
        return new OutletView(o.getId(), o.getName(), o.getAddress(), o.getTimezone(), o.getCurrency(), o.isActive(),
                o.getVersion(), o.getCreatedAt(), o.getUpdatedAt());
    }
}
