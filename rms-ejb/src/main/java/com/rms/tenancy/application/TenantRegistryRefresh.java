package com.rms.tenancy.application;

import com.rms.platform.bootstrap.Bootstrap;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.persistence.DatabaseOutage;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Re-reads the tenant registry every 5 seconds: a tenant suspended, resumed or marked unavailable
 * on another server is treated so on this one within that time, while every request still reads
 * the registry from memory. A change made on this server is in its registry at once (TenantService).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantRegistryRefresh {

    private static final RmsLog LOG = RmsLog.of(TenantRegistryRefresh.class);

    @Inject
    TenantRegistry registry;

    @Inject
    Bootstrap bootstrap;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "tenant registry refresh")
    void refresh() {
        if (!bootstrap.isReady() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            registry.reload();
        } catch (RuntimeException failure) {
            // the registry keeps what it knew; the next refresh tries again
            if (!DatabaseOutage.isOutage(failure)) {
                LOG.error(LogContext.BUSINESS, "refreshing the tenant registry failed", failure);
            }
        } finally {
            running.set(false);
        }
    }
}
