package com.rms.pos.application;

import java.time.OffsetDateTime;
import java.util.List;

/** A kitchen ticket: one course of one order for one station. */
public record TicketView(long id, long orderId, String orderNumber, long outletId, Long tableId, String station,
        int course, String status, List<TicketLineView> lines, OffsetDateTime createdAt, OffsetDateTime firedAt) {
}
