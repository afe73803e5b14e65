package com.rms.platform.outbox;

/** Fired inside the transaction that wrote an outbox row; the relay acts on it after commit. */
public record OutboxWritten(String tenant, long outboxId) {
}
