package com.rms.platform.idempotency;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Forgets every tenant's Idempotency-Keys once they are older than a day, every hour. */
@Singleton
public class IdempotencyPurge {

    private static final RmsLog LOG = RmsLog.of(IdempotencyPurge.class);

    @Inject
    TenantRegistry tenants;

    @Inject
    IdempotencyKeys keys;

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void purge() {
        for (TenantRegistry.Entry tenant : tenants.active()) {
            try {
                int purged = TenantContext.callAs(tenant.context(), keys::purge);
                if (purged > 0) {
                    LOG.info(LogContext.BUSINESS, "purged " + purged + " idempotency keys of tenant " + tenant.slug());
                }
            } catch (RuntimeException e) {
                LOG.error(LogContext.BUSINESS, "could not purge the idempotency keys of tenant " + tenant.slug(), e);
            }
        }
    }
}
