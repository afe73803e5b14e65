package com.rms.realtime;

import com.rms.platform.events.RmsEvent;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
 */
@ApplicationScoped
public class EventHub {

    private static final RmsLog LOG = RmsLog.of(EventHub.class);

    /** At most this many events wait for a slow socket; beyond that new ones are dropped (and logged). */
    private static final int MAX_QUEUED = 1000;

    /**
     * A socket and its outbound queue: a WebSocket session takes one asynchronous write at a time
     * (a second write while one is in progress fails), so events are sent one after the other, in
     * commit order, each send starting the next when it completes.
     */
    private record Subscriber(Session session, Caller caller, Queue<String> outbound, AtomicBoolean sending,
            AtomicReference<Future<?>> expiry) {

        Subscriber(Session session, Caller caller) {
            this(session, caller, new ConcurrentLinkedQueue<>(), new AtomicBoolean(), new AtomicReference<>());
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

    /** The close a socket gets when its token or session ends; the page then reconnects with a new token. */
    static final CloseReason EXPIRED = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token expired");

    private final Map<String, Set<Subscriber>> byTenant = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> bySession = new ConcurrentHashMap<>();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /**
     * Adds a socket until {@code closeAt}, the end of the token (or session) it was opened with: a
     * socket must not outlive what authenticated it, so it is closed then with {@link #EXPIRED}.
     */
    public void join(Session session, Caller caller, Instant closeAt) {
        Subscriber subscriber = new Subscriber(session, caller);
        bySession.put(session.getId(), subscriber);
        byTenant.computeIfAbsent(caller.tenant(), t -> ConcurrentHashMap.newKeySet()).add(subscriber);
        long delay = Math.max(0, Duration.between(Instant.now(), closeAt).toMillis());
        subscriber.expiry().set(scheduler.schedule(() -> expire(session), delay, TimeUnit.MILLISECONDS));
    }

    private void expire(Session session) {
        leave(session);
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(EXPIRED);
        } catch (IOException e) {
            LOG.warn(LogContext.SECURITY, "socket " + session.getId() + " could not be closed at its token's expiry (it gets no more events): " + e);
        }
    }

    public void leave(Session session) {
        Subscriber subscriber = bySession.remove(session.getId());
        if (subscriber != null) {
            Future<?> expiry = subscriber.expiry().get();
            if (expiry != null) {
                expiry.cancel(false);
            }
            Set<Subscriber> tenantSet = byTenant.get(subscriber.caller().tenant());
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
