package com.rms.platform.events;

import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Fires {@link RmsEvent}s for the current tenant; observers decide when (after commit) to act. */
@ApplicationScoped
public class Events {

    @Inject
    Event<RmsEvent> event;

    public void publish(Long outletId, String type, JsonObject data) {
        event.fire(new RmsEvent(TenantContext.require().slug(), outletId, type,
                OffsetDateTime.now(ZoneOffset.UTC), data));
    }
}
