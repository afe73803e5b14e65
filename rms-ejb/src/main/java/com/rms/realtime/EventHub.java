package com.rms.realtime;

import com.rms.platform.events.RmsEvent;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open {@code /ws/events} sockets, grouped by tenant, and the fan-out of committed events to
 * them: a socket only ever receives its own tenant's events, and outlet staff only their outlets'.
 */
@ApplicationScoped
public class EventHub {

    private static final RmsLog LOG = RmsLog.of(EventHub.class);

    private record Subscriber(Session session, Caller caller) {}

    private final Map<String, Set<Subscriber>> byTenant = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> bySession = new ConcurrentHashMap<>();

    public void join(Session session, Caller caller) {
        Subscriber subscriber = new Subscriber(session, caller);
        bySession.put(session.getId(), subscriber);
        byTenant.computeIfAbsent(caller.tenant(), t -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    public void leave(Session session) {
        Subscriber subscriber = bySession.remove(session.getId());
        if (subscriber != null) {
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
                s.session().getAsyncRemote().sendText(text, result -> {
                    if (!result.isOK()) {
                        LOG.warn(LogContext.REQUEST, "event " + event.type() + " not delivered to socket "
                                + s.session().getId() + ": " + result.getException());
                    }
                });
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
