package com.rms.platform.idempotency;

/** A request under an Idempotency-Key, as {@link IdempotencyKeys#once} runs it. */
public interface Keyed<T> {

    /**
     * Does the work: {@link IdempotencyKeys#claim} in its first transaction, {@link IdempotencyKeys#answer}
     * in its last (and {@link IdempotencyKeys#hold}, {@link IdempotencyKeys#resumeWith} and
     * {@link IdempotencyKeys#answerPartial} where the flow needs them).
     */
    T run(Attempt attempt);

    /**
     * Throws what a direct read would (404, 403) when the caller may not see what {@code stored}
     * (an answer to replay) or {@code resume} (an order to continue on) concerns.
     */
    void recheck(Replay stored, Long resume);
}
