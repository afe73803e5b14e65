package com.rms.analytics.reports;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every minute, on every server: for each serving tenant, claims the report schedules that are due
 * and launches their runs as the system (a run records its schedule as who started it). The first
 * tick after a start catches up the due times missed while every server was down, and launches runs
 * a stopped server had claimed but not launched.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportScheduler {

    private static final RmsLog LOG = RmsLog.of(ReportScheduler.class);
    /** How many due times of one schedule one tick catches up at most (the rest at the next ticks). */
    private static final int CATCH_UP = 31;
    /** A claimed run not launched after this long was left by a server that stopped. */
    private static final Duration UNLAUNCHED = Duration.ofMinutes(2);

    @Inject
    Bootstrap bootstrap;

    @Inject
    TenantRegistry tenants;

    @Inject
    ReportSchedules schedules;

    @Inject
    ReportRuns runs;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "20", minute = "*", hour = "*", persistent = false, info = "report schedules")
    void tick() {
        if (!bootstrap.isReady() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (TenantRegistry.Entry tenant : tenants.active()) {
                TenantContext.runAs(tenant.context(), () -> fire(tenant.slug()));
            }
        } finally {
            running.set(false);
        }
    }

    /** Fires the current tenant's due schedules; a failure of one tenant never stops the others. */
    public void fire(String tenant) {
        CallerContext.set(Caller.system("system:report-scheduler", tenant));
        try {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (long schedule : schedules.due(now)) {
                for (int i = 0; i < CATCH_UP; i++) {
                    List<Long> claimed = claim(schedule, now);
                    if (claimed.isEmpty()) {
                        break;
                    }
                    claimed.forEach(this::launch);
                }
            }
            for (long run : schedules.unlaunched(now.minus(UNLAUNCHED))) {
                if (schedules.takeUnlaunched(run, now.minus(UNLAUNCHED))) {
                    LOG.warn(LogContext.BUSINESS, "launching report run " + run + ", claimed but not launched before");
                    launch(run);
                }
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isOutage(e)) {
                LOG.error(LogContext.BUSINESS, "firing the report schedules of tenant " + tenant + " failed", e);
            }
        } finally {
            CallerContext.clear();
        }
    }

    private List<Long> claim(long schedule, OffsetDateTime now) {
        try {
            return schedules.claim(schedule, now);
        } catch (ReportSchedules.AlreadyClaimed e) {
            return List.of();
        }
    }

    private void launch(long run) {
        try {
            runs.launch(run);
        } catch (RuntimeException e) {
            // the run is marked FAILED with the reason; the schedule goes on
            LOG.error(LogContext.BUSINESS, "scheduled report run " + run + " could not be launched", e);
        }
    }
}
