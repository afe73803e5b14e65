package com.rms.platform.messaging;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/** The JSON of an event record (JSON-B), the one way events are written and read. */
public final class EventJson {

    /** JSON-B made on first use (a holder class), not when the class loads. */
    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    }

    private EventJson() {
    }

    public static String write(SaleEvent event) {
        return Holder.JSONB.toJson(event);
    }

    /** The record of {@code type} in {@code json}; a body that does not bind is a {@link MalformedEventException}. */
    public static SaleEvent read(EventType type, String json) {
        if (json == null) {
            throw new MalformedEventException("no body");
        }
        try {
            SaleEvent event = Holder.JSONB.fromJson(json, type.payload());
            if (event == null) {
                throw new MalformedEventException("the body is not a JSON object");
            }
            return event;
        } catch (JsonbException | ClassCastException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException(type.wireName() + ": the body does not bind (" + e.getMessage() + ")", e);
        }
    }
}
