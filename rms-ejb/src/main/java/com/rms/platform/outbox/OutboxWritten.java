package com.rms.platform.outbox;

/**
 * Fired inside the transaction that wrote an outbox row, with the row itself: after commit the
 * relay sends it as it is, without reading it back.
 */
public record OutboxWritten(String tenant, OutboxMessage message) {
}
