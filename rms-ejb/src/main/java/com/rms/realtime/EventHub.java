package com.rms.realtime;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.events.RmsEvent;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.Caller;
import com.rms.staff.application.StaffGrants;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The open {@code /ws/events} sockets, grouped by tenant, and the fan-out of committed events to
 * them: a socket only ever receives its own tenant's events, and outlet staff only their outlets'.
 * What a socket may hear follows the staff member's current record, re-read every
 * {@value #RECHECK_SECONDS} s (through the same per-server cache as every API call): a socket of a
 * deactivated member is closed, one whose outlets were taken away hears only those left.
 */
@ApplicationScoped
public class EventHub {

    private static final RmsLog LOG = RmsLog.of(EventHub.class);

    /** At most this many events wait for a slow socket; beyond that new ones are dropped (and logged). */
    private static final int MAX_QUEUED = 1000;

    /** How often open sockets are checked against their staff records (which a server caches ≤ 30 s). */
    static final long RECHECK_SECONDS = 15;

    /**
     * A socket and its outbound queue: a WebSocket session takes one asynchronous write at a time
     * (a second write while one is in progress fails), so events are sent one after the other, in
     * commit order, each send starting the next when it completes.
     */
    private record Subscriber(Session session, Caller claimed, String subject, AtomicReference<Caller> granted,
            Queue<String> outbound, AtomicBoolean sending, AtomicReference<Future<?>> expiry) {

        Subscriber(Session session, Caller claimed, String subject, Caller granted) {
            this(session, claimed, subject, new AtomicReference<>(granted), new ConcurrentLinkedQueue<>(),
                    new AtomicBoolean(), new AtomicReference<>());
        }

        Caller caller() {
            return granted.get();
        }

        void enqueue(String type, String text) {
            if (outbound.size() >= MAX_QUEUED) {
                LOG.warn(LogContext.REQUEST, "event " + type + " dropped for socket " + session.getId()
                        + ": " + MAX_QUEUED + " events are waiting for it");
                return;
            }
            outbound.add(text);
            sendNext();
        }

        private void sendNext() {
            if (!sending.compareAndSet(false, true)) {
                return;
            }
            String next = outbound.poll();
            if (next == null) {
                sending.set(false);
                // an event queued between the poll and the reset would otherwise wait for the next one
                if (!outbound.isEmpty()) {
                    sendNext();
                }
                return;
            }
            if (!session.isOpen()) {
                outbound.clear();
                sending.set(false);
                return;
            }
            session.getAsyncRemote().sendText(next, result -> {
                if (!result.isOK()) {
                    LOG.warn(LogContext.REQUEST, "event not delivered to socket " + session.getId() + ": "
                            + result.getException());
                }
                sending.set(false);
                sendNext();
            });
        }
    }

    /** The close a socket gets when its member's account was deactivated or lost the roles it opened with. */
    static final CloseReason REVOKED = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "access revoked");

    /** The close a socket gets when its token or session ends; the page then reconnects with a new token. */
    static final CloseReason EXPIRED = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token expired");

    private final Map<String, Set<Subscriber>> byTenant = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> bySession = new ConcurrentHashMap<>();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    StaffGrants grants;

    private final AtomicReference<Future<?>> recheck = new AtomicReference<>();

    /**
     * Adds a socket until {@code closeAt}, the end of the token (or session) it was opened with: a
     * socket must not outlive what authenticated it, so it is closed then with {@link #EXPIRED}.
     * Until then it hears what the staff record of the token's {@code subject} grants.
     *
     * @throws AuthenticationException if that record no longer grants the token anything
     */
    public void join(Session session, Caller claimed, String subject, Instant closeAt) {
        Subscriber subscriber = new Subscriber(session, claimed, subject, grants.forSubject(claimed, subject));
        if (recheck.get() == null) {
            Future<?> task = scheduler.scheduleWithFixedDelay(this::recheck, RECHECK_SECONDS, RECHECK_SECONDS,
                    TimeUnit.SECONDS);
            if (!recheck.compareAndSet(null, task)) {
                task.cancel(false);
            }
        }
        bySession.put(session.getId(), subscriber);
        byTenant.computeIfAbsent(claimed.tenant(), t -> ConcurrentHashMap.newKeySet()).add(subscriber);
        long delay = Math.max(0, Duration.between(Instant.now(), closeAt).toMillis());
        subscriber.expiry().set(scheduler.schedule(() -> expire(session), delay, TimeUnit.MILLISECONDS));
    }

    /** Re-reads what each open socket's staff record grants; closes those it no longer grants anything. */
    private void recheck() {
        for (Subscriber s : bySession.values()) {
            try {
                s.granted().set(grants.forSubject(s.claimed(), s.subject()));
            } catch (AuthenticationException revoked) {
                close(s.session(), REVOKED);
            } catch (RuntimeException e) {
                // the record could not be read now (database away): the socket keeps what it had, next round retries
                LOG.warn(LogContext.SECURITY, "socket " + s.session().getId() + " could not be re-checked: " + e);
            }
        }
    }

    @PreDestroy
    void stop() {
        Future<?> task = recheck.getAndSet(null);
        if (task != null) {
            task.cancel(false);
        }
    }

    private void expire(Session session) {
        close(session, EXPIRED);
    }

    private void close(Session session, CloseReason reason) {
        leave(session);
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.warn(LogContext.SECURITY, "socket " + session.getId() + " could not be closed (" + reason.getReasonPhrase()
                    + "; it gets no more events): " + e);
        }
    }

    public void leave(Session session) {
        Subscriber subscriber = bySession.remove(session.getId());
        if (subscriber != null) {
            Future<?> expiry = subscriber.expiry().get();
            if (expiry != null) {
                expiry.cancel(false);
            }
            Set<Subscriber> tenantSet = byTenant.get(subscriber.claimed().tenant());
            if (tenantSet != null) {
                tenantSet.remove(subscriber);
            }
        }
    }

    public int subscribers() {
        return bySession.size();
    }

    /** Delivers an event once its transaction has committed; a rolled-back change is never announced. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RmsEvent event) {
        Set<Subscriber> subscribers = byTenant.get(event.tenant());
        if (subscribers == null || subscribers.isEmpty()) {
            return;
        }
        String text = toJson(event).toString();
        for (Subscriber s : subscribers) {
            if (event.outletId() != null && !s.caller().mayAccessOutlet(event.outletId())) {
                continue;
            }
            if (s.session().isOpen()) {
                s.enqueue(event.type(), text);
            } else {
                leave(s.session());
            }
        }
    }

    static JsonObject toJson(RmsEvent event) {
        var json = Json.createObjectBuilder().add("type", event.type());
        if (event.outletId() == null) {
            json.addNull("outletId");
        } else {
            json.add("outletId", event.outletId());
        }
        return json.add("at", event.at().toString()).add("data", event.data()).build();
    }
}
