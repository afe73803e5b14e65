package com.rms.tenancy.application;

import com.rms.tenancy.domain.Outlet;
import java.time.OffsetDateTime;

/** An outlet as the API shows it; {@code taxId} is what its receipts print as the seller's tax id. */
public record OutletView(long id, String name, String address, String taxId, String timezone, String currency,
        boolean active, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static OutletView of(Outlet o) {
        return new OutletView(o.getId(), o.getName(), o.getAddress(), o.getTaxId(), o.getTimezone(), o.getCurrency(),
                o.isActive(), o.getVersion(), o.getCreatedAt(), o.getUpdatedAt());
    }
}
