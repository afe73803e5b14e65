package com.rms.pos.application;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A cash drawer session; closed ones carry their Z report. */
public record CashSessionView(long id, long outletId, String status, BigDecimal openingFloat, String openedBy,
        OffsetDateTime openedAt, String closedBy, OffsetDateTime closedAt, BigDecimal countedCash,
        BigDecimal expectedCash, BigDecimal variance, JsonObject zReport) {
}
