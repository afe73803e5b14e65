package com.rms.platform.idempotency;

/** What {@link IdempotencyKeys#once} answers: the work's own result, or the stored answer to replay. */
public record Answer<T>(T result, Replay replay) {
    public boolean replayed() {
        return replay != null;
    }
}
