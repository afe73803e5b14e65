package com.rms.platform.outbox;

/** Fired inside the transaction that appended outbox row {@code outboxId} for {@code tenant}; the relay acts after commit. */
public record OutboxWritten(String tenant, long outboxId) {
}
