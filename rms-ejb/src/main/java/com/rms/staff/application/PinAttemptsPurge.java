package com.rms.staff.application;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Forgets, every hour, the PIN lockout's clients that have been idle for longer than its window, so
 * the table holds only clients that guessed lately, however many addresses ever tried.
 */
@Singleton
public class PinAttemptsPurge {

    private static final RmsLog LOG = RmsLog.of(PinAttemptsPurge.class);
    /** Per tenant and run; what is left waits for the next hour, and nothing counts it meanwhile. */
    private static final int BATCH = 5000;

    @Inject
    TenantRegistry tenants;

    @Inject
    PinAttempts attempts;

    @Schedule(hour = "*", minute = "23", persistent = false)
    public void purge() {
        for (TenantRegistry.Entry tenant : tenants.active()) {
            try {
                int purged = TenantContext.callAs(tenant.context(), () -> attempts.purge(BATCH));
                if (purged > 0) {
                    LOG.info(LogContext.SECURITY, "forgot " + purged + " idle PIN clients of tenant " + tenant.slug());
                }
            } catch (RuntimeException e) {
                LOG.error(LogContext.SECURITY, "could not purge the idle PIN clients of tenant " + tenant.slug(), e);
            }
        }
    }
}
