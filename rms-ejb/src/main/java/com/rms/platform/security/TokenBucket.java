package com.rms.platform.security;

/**
 * A token bucket: {@code ratePerSecond} tokens refill continuously up to {@code capacity}; each
 * request takes one (the edge's rate limits, per second) or one attempt (the sign-in budgets, per
 * minute; a success gives it back). One short synchronized block per request.
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.capacity = capacity;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes a token; returns 0 when granted, otherwise the nanoseconds until one is available. */
    public synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / ratePerNano);
    }

    /** Gives back a token taken for what turned out not to count (a successful sign-in). */
    public synchronized void giveBack(long nowNanos) {
        refill(nowNanos);
        tokens = Math.min(capacity, tokens + 1);
    }

    private void refill(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * ratePerNano);
            last = nowNanos;
        }
    }
}
