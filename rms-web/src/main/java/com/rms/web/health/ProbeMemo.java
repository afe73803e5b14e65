package com.rms.web.health;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A probe's answer, reused for up to {@code maxAgeNanos}. A poll that finds it older starts one new
 * probe; polls arriving while that probe runs get the previous answer instead of waiting for it, so a
 * probe that takes 300 ms on a busy database does not hold every readiness poll of that second for
 * 300 ms (with 64 pollers that was all the server did). A probe that has not answered for
 * {@code stuckNanos} is itself the answer: {@code stuck} is given how long it has been running (a database
 * that hangs is not ready, even if its last answer was).
 */
final class ProbeMemo<T> {
    private final Supplier<T> probe;
    private final LongFunction<T> stuck;
    private final long maxAgeNanos;
    private final long stuckNanos;
    /** When the probe under way started (System.nanoTime, never 0), or 0 when none is: taking it is the right to probe. */
    private final AtomicLong probingSince = new AtomicLong();
    private volatile T last;
    private volatile long answeredAt;

    ProbeMemo(Supplier<T> probe, LongFunction<T> stuck, long maxAgeNanos, long stuckNanos) {
        this.probe = probe;
        this.stuck = stuck;
        this.maxAgeNanos = maxAgeNanos;
        this.stuckNanos = stuckNanos;
    }

    T get() {
        T current = last;
        long now = System.nanoTime();
        if (current != null && now - answeredAt <= maxAgeNanos) {
            return current;
        }
        long started = now == 0 ? 1 : now;
        if (probingSince.compareAndSet(0, started)) {
            try {
                T answer = probe.get();
                answeredAt = System.nanoTime();
                last = answer;
                return answer;
            } finally {
                probingSince.set(0);
            }
        }
        long since = probingSince.get();
        long running = since == 0 ? 0 : now - since;
        if (last == null || running > stuckNanos) {
            return stuck.apply(Math.max(running, 0) / 1_000_000);
        }
        return last;
    }
}
