package com.rms.tenancy.application;

import com.rms.tenancy.domain.Tenant;
import com.rms.tenancy.domain.TenantStatus;
import java.time.OffsetDateTime;

/** A tenant as the API shows it. */
public record TenantView(long id, String slug, String name, String currency, String timezone,
        TenantStatus status, String statusDetail, Integer rateLimitRps, String schemaVersion,
        OffsetDateTime createdAt) {

    static TenantView of(Tenant t) {
        return new TenantView(t.getId(), t.getSlug(), t.getName(), t.getCurrency(), t.getTimezone(), t.getStatus(),
                t.getStatusDetail(), t.getRateLimitRps(), t.getSchemaVersion(), t.getCreatedAt());
    }
}
