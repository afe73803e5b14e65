package com.rms.payment.provider;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What the MicroProfile circuit breaker of {@link GuardedCardProvider} is doing, followed from the
 * outcomes it sees (the breaker itself exposes no state): the same rolling window of the last
 * {@code volume} calls, opening when their failure ratio reaches {@code ratio}, half-open once
 * {@code delay} has passed, closed again by a success. A call the breaker rejected as open proves
 * it open, which corrects any drift. Used for the status, readiness and Retry-After, never to
 * decide a call.
 */
final class CircuitMirror {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final boolean[] window;
    private final double ratio;
    private final long delayNanos;
    private final LongSupplier clock;
    private int size;
    private int next;
    private boolean open;
    private long openedAt;

    CircuitMirror(int volume, double ratio, Duration delay, LongSupplier nanoClock) {
        this.window = new boolean[volume];
        this.ratio = ratio;
        this.delayNanos = delay.toNanos();
        this.clock = nanoClock;
    }

    Duration delay() {
        return Duration.ofNanos(delayNanos);
    }

    synchronized void success() {
        if (open) {
            // only a trial call in half-open can succeed while the breaker was open: it closes
            open = false;
            size = 0;
            next = 0;
            return;
        }
        record(false);
    }

    synchronized void failure() {
        if (open) {
            // a failed trial call re-opens for a full delay
            openedAt = clock.getAsLong();
            return;
        }
        record(true);
        if (size == window.length) {
            int failures = 0;
            for (boolean failed : window) {
                failures += failed ? 1 : 0;
            }
            if ((double) failures / size >= ratio) {
                open = true;
                openedAt = clock.getAsLong();
            }
        }
    }

    /** The breaker refused a call without trying it: it is open. */
    synchronized void rejected() {
        if (!open) {
            open = true;
            openedAt = clock.getAsLong();
        }
    }

    synchronized State state() {
        if (!open) {
            return State.CLOSED;
        }
        return clock.getAsLong() - openedAt >= delayNanos ? State.HALF_OPEN : State.OPEN;
    }

    /** While open: the seconds until the breaker lets a trial call through (at least 1); otherwise {@code otherwise}. */
    synchronized long retryAfterSeconds(long otherwise) {
        if (!open) {
            return otherwise;
        }
        long remaining = delayNanos - (clock.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    private void record(boolean failed) {
        window[next] = failed;
        next = (next + 1) % window.length;
        size = Math.min(size + 1, window.length);
    }
}
