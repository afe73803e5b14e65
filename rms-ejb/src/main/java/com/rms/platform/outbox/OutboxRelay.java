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
import java.util.concurrent.RejectedExecutionException;

/**
 * Relays an outbox row to its queues right after the transaction that wrote it commits, on the
 * managed executor so the request thread does not wait for JMS. A row the relay could not send
 * (executor full, messaging down, server killed) stays unpublished and {@link OutboxSweep} sends it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final RmsLog LOG = RmsLog.of(OutboxRelay.class);

    @Resource(lookup = "concurrent/rmsExecutor")
    ManagedExecutorService executor;

    @Inject
    OutboxPublisher publisher;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        TenantContext.Tenant tenant = TenantContext.Tenant.of(written.tenant());
        try {
            executor.execute(() -> TenantContext.runAs(tenant, () -> {
                try {
                    publisher.publish(written.outboxId());
                } catch (RuntimeException e) {
                    LOG.warn(LogContext.BUSINESS, "outbox row " + written.outboxId()
                            + " not relayed now, the sweep will send it: " + e);
                }
            }));
        } catch (RejectedExecutionException e) {
            TenantContext.runAs(tenant, () -> LOG.warn(LogContext.PERFORMANCE, "outbox row " + written.outboxId()
                    + " not relayed now (executor busy), the sweep will send it"));
        }
    }
}
