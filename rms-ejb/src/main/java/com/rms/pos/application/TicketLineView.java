package com.rms.pos.application;

import java.util.List;

/** A line on a kitchen ticket. */
public record TicketLineView(long lineId, String name, int quantity, List<String> modifiers, String note, boolean voided) {
}
