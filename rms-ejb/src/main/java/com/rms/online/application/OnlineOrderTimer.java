package com.rms.online.application;

import com.rms.platform.bootstrap.Bootstrap;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.persistence.DatabaseOutage;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every 20 seconds, on every server: for each serving tenant, rejects the RECEIVED online orders whose
 * outlet's {@code onlineAcceptMinutes} ran out. Each order is claimed by a conditional update in its
 * own transaction ({@link OnlineOrders#autoReject}), so several servers (or a staff member accepting at
 * the same moment) never reject one order twice or reject an accepted one; a failure of one order or
 * tenant never stops the others, and what is left is taken at the next tick.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OnlineOrderTimer {

    private static final RmsLog LOG = RmsLog.of(OnlineOrderTimer.class);
    /** How many overdue orders of one tenant one tick rejects at most (the rest at the next ticks). */
    private static final int BATCH = 200;

    @Inject
    Bootstrap bootstrap;

    @Inject
    TenantRegistry tenants;

    @Inject
    OnlineOrders orders;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/20", minute = "*", hour = "*", persistent = false, info = "online order auto-reject")
    void tick() {
        if (!bootstrap.isReady() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (TenantRegistry.Entry tenant : tenants.active()) {
                TenantContext.runAs(tenant.context(), () -> rejectOverdue(tenant.slug(), now));
            }
        } finally {
            running.set(false);
        }
    }

    /**
     * Rejects the current tenant's orders overdue at {@code now} as the system. @return how many this
     * call rejected (the in-container test calls it with a later {@code now} instead of waiting)
     */
    public int rejectOverdue(String tenant, OffsetDateTime now) {
        CallerContext.set(Caller.system("system:online-auto-reject", tenant));
        int rejected = 0;
        try {
            for (long id : orders.overdue(now, BATCH)) {
                try {
                    if (orders.autoReject(id, now)) {
                        rejected++;
                        LOG.info(LogContext.BUSINESS, "online order " + id + " rejected: not accepted in time");
                    }
                } catch (RuntimeException e) {
                    if (DatabaseOutage.isOutage(e)) {
                        throw e;
                    }
                    LOG.error(LogContext.BUSINESS, "online order " + id + " could not be rejected automatically", e);
                }
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isOutage(e)) {
                LOG.error(LogContext.BUSINESS, "rejecting the overdue online orders of tenant " + tenant + " failed", e);
            }
        } finally {
            CallerContext.clear();
        }
        return rejected;
    }
}
