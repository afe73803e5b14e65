package com.rms.inventory.application;

import com.rms.inventory.domain.Supplier;
import java.time.OffsetDateTime;

/** A supplier as the API shows it. */
public record SupplierView(long id, String name, String email, String phone, String address, boolean active,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static SupplierView of(Supplier s) {
        return new SupplierView(s.getId(), s.getName(), s.getEmail(), s.getPhone(), s.getAddress(), s.isActive(),
                s.getVersion(), s.getCreatedAt(), s.getUpdatedAt());
    }
}
