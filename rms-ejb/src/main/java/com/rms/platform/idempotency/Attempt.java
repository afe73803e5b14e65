package com.rms.platform.idempotency;

import com.rms.platform.error.RmsException;
import java.time.OffsetDateTime;

/**
 * One request under an {@code Idempotency-Key}, as {@link IdempotencyKeys#once} runs it: the key,
 * the request's fingerprint, how a failure is written when it is stored, and what the work's
 * transactions have found and written under the key so far. It lives for one call on one thread.
 */
public final class Attempt {

    private final String key;
    private final String fingerprint;
    private final Keyed<?> work;
    private final ProblemWriter problems;
    /** The claim found a row (taken over by this attempt): the answer updates it instead of inserting one. */
    boolean found;
    /**
     * The lease this attempt wrote on the row to keep it in flight (a card payment's window, a
     * continuation), or null. It doubles as the attempt's mark on the row: a row with another lease
     * is another request's, never settled by this one.
     */
    OffsetDateTime lease;
    /** The order a first, partial attempt left, continued by this one (null: none). */
    Long resume;
    /** The answer (final or partial) is stored, in a committed transaction or the current one. */
    boolean answered;
    /** Nothing is left to settle: the recheck refused the caller, or the work released the key itself. */
    boolean settled;

    Attempt(String key, String fingerprint, Keyed<?> work, ProblemWriter problems) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.work = work;
        this.problems = problems;
    }

    public String key() {
        return key;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** Whether the key's row was there before this attempt (taken over): an earlier attempt may have left work under it. */
    public boolean found() {
        return found;
    }

    /** The order a first, partial attempt under this key stored, which this attempt continues on; null if none. */
    public Long resume() {
        return resume;
    }

    String problem(RmsException failure) {
        return problems.write(failure);
    }

    void recheck(Replay stored, Long order) {
        try {
            work.recheck(stored, order);
        } catch (RuntimeException | Error refused) {
            // not this caller's to see: nothing was done under the key, nothing is to be settled
            settled = true;
            throw refused;
        }
    }
}
