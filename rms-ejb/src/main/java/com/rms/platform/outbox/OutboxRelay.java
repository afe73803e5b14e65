package com.rms.platform.outbox;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.tenant.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Relays a tenant's outbox to the queues right after a transaction that wrote to it commits, on the
 * managed executor so the request thread does not wait for JMS. Commits are coalesced: at most one
 * drain per tenant runs at a time and it sends every row committed so far in batches (one JTA
 * transaction per batch, not per row), going round again while new rows keep arriving. A row the
 * relay could not send (executor full, messaging down, server killed) stays unpublished and
 * {@link OutboxSweep} sends it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final RmsLog LOG = RmsLog.of(OutboxRelay.class);
    private static final int BATCH = 100;

    @Resource(lookup = "concurrent/rmsExecutor")
    ManagedExecutorService executor;

    @Inject
    OutboxPublisher publisher;

    /** Per tenant: whether a drain is running, and whether rows were committed since it last looked. */
    private record Drain(AtomicBoolean running, AtomicBoolean dirty) {
    }

    private final Map<String, Drain> drains = new ConcurrentHashMap<>();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        Drain drain = drains.computeIfAbsent(written.tenant(), t -> new Drain(new AtomicBoolean(), new AtomicBoolean()));
        drain.dirty().set(true);
        start(written.tenant(), drain);
    }

    private void start(String tenant, Drain drain) {
        if (!drain.running().compareAndSet(false, true)) {
            return;
        }
        TenantContext.Tenant context = TenantContext.Tenant.of(tenant);
        try {
            executor.execute(() -> TenantContext.runAs(context, () -> drain(tenant, drain)));
        } catch (RejectedExecutionException e) {
            drain.running().set(false);
            TenantContext.runAs(context, () -> LOG.warn(LogContext.PERFORMANCE,
                    "outbox not relayed now (executor busy), the sweep will send it"));
        }
    }

    private void drain(String tenant, Drain drain) {
        boolean failed = false;
        try {
            while (drain.dirty().getAndSet(false)) {
                while (publisher.sweep(Duration.ZERO, BATCH) == BATCH) {
                    // a full batch: more may be waiting
                }
            }
        } catch (RuntimeException e) {
            failed = true;
            LOG.warn(LogContext.BUSINESS, "outbox not relayed now, the sweep will send it: " + e);
        } finally {
            drain.running().set(false);
        }
        // a commit that arrived after the last look but saw the drain still running (after a failure
        // the next commit or the sweep tries again, not a tight loop)
        if (!failed && drain.dirty().get()) {
            start(tenant, drain);
        }
    }
}
