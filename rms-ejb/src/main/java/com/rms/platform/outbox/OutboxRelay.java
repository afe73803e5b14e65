package com.rms.platform.outbox;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.persistence.DatabaseOutage;
import com.rms.platform.tenant.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Relays the outbox rows a transaction wrote right after it commits, on the managed executor so the
 * request thread does not wait for JMS. The committed rows travel in memory ({@link OutboxWritten}):
 * nothing is read back. Commits are coalesced per tenant: one drain at a time sends what has
 * arrived in batches of up to 100 (one local JMS transaction, then one update marking them
 * published). What the relay could not send (executor full, messaging or database down, server
 * killed, or waiting longer than the sweep's grace) stays unpublished and {@link OutboxSweep} sends
 * it; the relay never retries, so a failure is one warning, not a loop.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final RmsLog LOG = RmsLog.of(OutboxRelay.class);
    private static final int BATCH = 100;
    /** Rows waiting per tenant beyond which new ones are left to the sweep (a relay that cannot keep up). */
    private static final int MAX_WAITING = 10_000;

    @Resource(lookup = "concurrent/rmsExecutor")
    ManagedExecutorService executor;

    @Inject
    OutboxSender sender;

    @Inject
    OutboxPublisher publisher;

    @Inject
    @ConfigProperty(name = "rms.outbox.sweep-grace-seconds", defaultValue = "5")
    long graceSeconds;

    /** Per tenant: the committed rows not yet sent, and whether a drain is running. */
    private record Drain(Queue<OutboxMessage> waiting, AtomicInteger size, AtomicBoolean running) {
    }

    private final Map<String, Drain> drains = new ConcurrentHashMap<>();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        Drain drain = drains.computeIfAbsent(written.tenant(),
                t -> new Drain(new ConcurrentLinkedQueue<>(), new AtomicInteger(), new AtomicBoolean()));
        if (drain.size().incrementAndGet() > MAX_WAITING) {
            drain.size().decrementAndGet();
            return;
        }
        drain.waiting().add(written.message());
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
        try {
            for (List<OutboxMessage> batch = take(drain); !batch.isEmpty(); batch = take(drain)) {
                if (!publish(tenant, batch)) {
                    // messaging refuses now: the rest would fail alike, the sweep sends all of it later
                    for (OutboxMessage dropped; (dropped = drain.waiting().poll()) != null; ) {
                        drain.size().decrementAndGet();
                    }
                }
            }
        } finally {
            drain.running().set(false);
        }
        // a commit that arrived after the last look but saw the drain still running
        if (!drain.waiting().isEmpty()) {
            start(tenant, drain);
        }
    }

    /** Up to a batch of waiting rows, without those the sweep may be sending already (older than its grace). */
    private List<OutboxMessage> take(Drain drain) {
        OffsetDateTime sweepTakesBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofSeconds(graceSeconds));
        List<OutboxMessage> batch = new ArrayList<>();
        for (OutboxMessage next; batch.size() < BATCH && (next = drain.waiting().poll()) != null; ) {
            drain.size().decrementAndGet();
            if (next.createdAt() == null || next.createdAt().isAfter(sweepTakesBefore)) {
                batch.add(next);
            }
        }
        return batch;
    }

    /** Sends and marks a batch; false if it could not be sent. */
    private boolean publish(String tenant, List<OutboxMessage> batch) {
        try {
            sender.send(tenant, batch);
        } catch (RuntimeException e) {
            LOG.warn(LogContext.BUSINESS, batch.size() + " outbox event(s) not relayed now, the sweep will send them: " + e);
            return false;
        }
        try {
            publisher.markPublished(batch.stream().map(OutboxMessage::id).toList());
        } catch (RuntimeException e) {
            // sent but not marked: the sweep sends them again, and the consumers' dedup drops the copies
            LOG.warn(LogContext.BUSINESS, batch.size() + " outbox event(s) sent but not marked published"
                    + (DatabaseOutage.isOutage(e) ? " (the database cannot be reached)" : "")
                    + ", the sweep will send them again: " + e);
        }
        return true;
    }
}
