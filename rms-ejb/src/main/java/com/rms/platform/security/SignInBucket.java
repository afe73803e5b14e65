package com.rms.platform.security;

/**
 * A token bucket of sign-in attempts: {@code perMinute} attempts refill continuously up to the same
 * burst; an attempt takes one and a successful sign-in gives it back, so the bucket in effect counts
 * failures and attempts still in flight (parallel guesses cannot all get through).
 */
final class SignInBucket {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    SignInBucket(int perMinute, long nowNanos) {
        this.perNano = perMinute / 60_000_000_000d;
        this.capacity = perMinute;
        this.tokens = perMinute;
        this.last = nowNanos;
    }

    /** Takes an attempt; returns 0 when granted, otherwise the nanoseconds until one is available. */
    synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Gives back an attempt that turned out to be a successful sign-in. */
    synchronized void giveBack(long nowNanos) {
        refill(nowNanos);
        tokens = Math.min(capacity, tokens + 1);
    }

    private void refill(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
            last = nowNanos;
        }
    }
}
