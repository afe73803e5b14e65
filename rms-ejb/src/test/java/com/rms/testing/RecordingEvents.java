package com.rms.testing;

import com.rms.platform.events.Events;
import com.rms.platform.events.RmsEvent;
import com.rms.platform.tenant.TenantContext;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@link Events} without CDI: remembers what was published in the transaction. */
public final class RecordingEvents extends Events {

    public final List<RmsEvent> published = new ArrayList<>();

    @Override
    public void publish(Long outletId, String type, JsonObject data) {
        published.add(new RmsEvent(TenantContext.require().slug(), outletId, type, OffsetDateTime.now(ZoneOffset.UTC),
                data));
    }
}
