package com.rms.platform.outbox;

import com.rms.platform.bootstrap.Bootstrap;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.persistence.DatabaseOutage;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every few seconds, for every active tenant, sends the outbox rows that are still unpublished a
 * grace period after they were written: what the after-commit relay missed because the server died
 * between commit and send, the executor was full, or messaging or the database was down. One
 * transaction per tenant and batch, oldest first. While the database cannot be reached the sweep
 * waits for its next run (saying so once), instead of failing tenant after tenant.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSweep {

    private static final RmsLog LOG = RmsLog.of(OutboxSweep.class);

    @Inject
    TenantRegistry tenants;

    @Inject
    OutboxPublisher publisher;

    @Inject
    Bootstrap bootstrap;

    @Inject
    @ConfigProperty(name = "rms.outbox.sweep-grace-seconds", defaultValue = "5")
    long graceSeconds;

    @Inject
    @ConfigProperty(name = "rms.outbox.sweep-batch", defaultValue = "200")
    int batch;

    private final AtomicBoolean running = new AtomicBoolean();
    /** Whether the last run found the database away (its end is logged once). */
    private final AtomicBoolean databaseAway = new AtomicBoolean();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "outbox sweep")
    void sweep() {
        if (!bootstrap.isReady() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (TenantRegistry.Entry tenant : tenants.active()) {
                if (!TenantContext.callAs(tenant.context(), () -> sweep(tenant.slug()))) {
                    return;
                }
            }
            if (databaseAway.compareAndSet(true, false)) {
                LOG.info(LogContext.PERFORMANCE, "outbox sweep: the database answers again");
            }
        } finally {
            running.set(false);
        }
    }

    /** Sweeps one tenant; false if the database cannot be reached (the run stops there). */
    private boolean sweep(String slug) {
        try {
            int sent;
            int total = 0;
            do {
                sent = publisher.sweep(Duration.ofSeconds(graceSeconds), batch);
                total += sent;
            } while (sent == batch && total < 20 * batch);
            if (total > 0) {
                LOG.warn(LogContext.BUSINESS, "outbox sweep sent " + total + " event(s) the relay had not sent");
            }
            return true;
        } catch (RuntimeException e) {
            if (DatabaseOutage.isOutage(e)) {
                if (databaseAway.compareAndSet(false, true)) {
                    LOG.warn(LogContext.PERFORMANCE, "outbox sweep: the database cannot be reached, "
                            + "waiting for it (" + e.getClass().getSimpleName() + ")");
                }
                return false;
            }
            LOG.error(LogContext.BUSINESS, "outbox sweep of tenant " + slug + " failed, next run retries", e);
            return true;
        }
    }
}
