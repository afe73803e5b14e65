package com.rms.platform.messaging;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.tenant.TenantContext;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a receiver does with the messages it took from its queue in one go: reads each into a typed
 * event, groups them by tenant, and applies each tenant's group in one transaction. A database that
 * cannot be reached is waited for ({@link OutageBackoff}), the group applied once it answers. A group
 * that fails otherwise is applied again one event at a time, so one event that cannot be applied
 * does not take the others with it: that event is tried up to {@code maxAttempts} times (a
 * {@link MalformedEventException} once), then handed back as {@link Rejected} with its first failure,
 * for the receiver to move to the queue's exception destination.
 */
public final class BatchApplier {

    private static final RmsLog LOG = RmsLog.of(BatchApplier.class);

    /** Applies one tenant's events in one transaction, or fails and changes nothing. */
    @FunctionalInterface
    public interface Transaction {
        /** @return how many were applied (not duplicates) */
        int apply(EventHandler handler, String tenant, List<EventMessage> events);
    }

    /** A message that will never be applied here, and why (its first failure), after how many attempts. */
    public record Rejected(Message message, String reason, int attempts) {
    }

    /** What became of a batch. */
    public record Outcome(int applied, int duplicates, List<Rejected> rejected) {
    }

    /** A message read, or the reason it cannot be read. */
    private record Read(Message message, EventMessage event, MalformedEventException malformed) {
    }

    private final EventHandler handler;
    private final Transaction transaction;
    private final Function<Message, EventMessage> reader;
    private final OutageBackoff outage;
    private final OutageBackoff.Sleeper sleeper;
    private final int maxAttempts;

    public BatchApplier(EventHandler handler, Transaction transaction, Function<Message, EventMessage> reader,
            OutageBackoff outage, OutageBackoff.Sleeper sleeper, int maxAttempts) {
        this.handler = handler;
        this.transaction = transaction;
        this.reader = reader;
        this.outage = outage;
        this.sleeper = sleeper;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /**
     * Applies the batch. Returns only when every message is applied, a duplicate, or rejected; while
     * the database is away it waits.
     *
     * @throws OutageBackoff.Stopped if stopped while waiting for the database (nothing is to be acknowledged)
     */
    public Outcome apply(List<Message> batch) {
        List<Rejected> rejected = new ArrayList<>();
        Map<String, List<Read>> byTenant = new LinkedHashMap<>();
        for (Message message : batch) {
            Read read = read(message);
            if (read.malformed() != null) {
                rejected.add(reject(message, null, read.malformed(), 1));
            } else {
                byTenant.computeIfAbsent(read.event().tenant(), t -> new ArrayList<>()).add(read);
            }
        }
        int applied = 0;
        int refused = 0;
        int events = 0;
        for (Map.Entry<String, List<Read>> group : byTenant.entrySet()) {
            List<EventMessage> tenantEvents = group.getValue().stream().map(Read::event).toList();
            events += tenantEvents.size();
            try {
                applied += outage.call(() -> transaction.apply(handler, group.getKey(), tenantEvents));
            } catch (OutageBackoff.Stopped stopped) {
                throw stopped;
            } catch (RuntimeException groupFailed) {
                // one of them (or a race with a copy of one) spoiled the group: apply them one by one
                for (Read one : group.getValue()) {
                    Single single = alone(one);
                    applied += single.applied();
                    if (single.rejected() != null) {
                        rejected.add(single.rejected());
                        refused++;
                    }
                }
            }
        }
        return new Outcome(applied, events - applied - refused, rejected);
    }

    /** What became of one event applied on its own: applied (1) or a duplicate (0), or refused. */
    private record Single(int applied, Rejected rejected) {
    }

    /**
     * Applies one event in a transaction of its own: applied now, found applied by a copy that raced
     * it, or refused after its attempts.
     */
    private Single alone(Read one) {
        RuntimeException first = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return new Single(outage.call(() -> transaction.apply(handler, one.event().tenant(),
                        List.of(one.event()))), null);
            } catch (OutageBackoff.Stopped stopped) {
                throw stopped;
            } catch (RuntimeException e) {
                first = first == null ? e : first;
                if (causeIs(e, MalformedEventException.class) || attempt >= maxAttempts) {
                    return new Single(0, reject(one.message(), one.event(), first, attempt));
                }
                try {
                    sleeper.sleep(50L << Math.min(attempt - 1, 6));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new OutageBackoff.Stopped(e);
                }
            }
        }
    }

    private Read read(Message message) {
        try {
            return new Read(message, reader.apply(message), null);
        } catch (MalformedEventException e) {
            return new Read(message, null, e);
        }
    }

    private Rejected reject(Message message, EventMessage event, RuntimeException why, int attempts) {
        String reason = describe(why);
        String what = handler.consumer().consumerName() + " refuses " + (event == null
                ? EventConsumers.property(message, "eventType") + " " + EventConsumers.property(message, "eventId")
                : event.toString()) + " after " + attempts + " attempt(s), it goes to the exception destination: " + reason;
        String tenant = event == null ? EventConsumers.property(message, "tenantId") : event.tenant();
        if (tenant != null && tenant.matches("[a-z][a-z0-9_]{1,29}")) {
            TenantContext.runAs(TenantContext.Tenant.of(tenant), () -> LOG.error(LogContext.BUSINESS, what, null));
        } else {
            LOG.error(LogContext.BUSINESS, what, null);
        }
        return new Rejected(message, reason, attempts);
    }

    /** The failure as an operator should read it: the innermost message that says something. */
    static String describe(Throwable failure) {
        Throwable shown = cause(failure, MalformedEventException.class);
        if (shown == null) {
            // the deepest cause that says something: the SQL error, not the transaction that wraps it
            shown = failure;
            for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t.getMessage() != null && !t.getMessage().isBlank()) {
                    shown = t;
                }
            }
        }
        String text = shown.getClass().getSimpleName() + ": " + shown.getMessage();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    static boolean causeIs(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
