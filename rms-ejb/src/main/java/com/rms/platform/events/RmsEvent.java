package com.rms.platform.events;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * Something that happened in a tenant, for the real-time subscribers of that tenant (and, when
 * {@code outletId} is set, of that outlet). Fired inside the transaction; delivered only after it
 * commits.
 */
public record RmsEvent(String tenant, Long outletId, String type, OffsetDateTime at, JsonObject data) {}
