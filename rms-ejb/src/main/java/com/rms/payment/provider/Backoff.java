package com.rms.payment.provider;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small exponential-backoff retry policy for one provider call. MicroProfile's {@code @Retry} has a
 * fixed delay (plus jitter) only, so the growing backoff lives here, inside the {@code @Timeout} and
 * {@code @CircuitBreaker} of {@link GuardedCardProvider}.
 *
 * <p>Only a {@link ProviderUnavailableException} marked retryable (connection error, timeout of one
 * attempt, 5xx) is tried again, with the same idempotency key; anything else, and every value a call
 * returns (approvals, declines), goes straight back. Delays double from {@code initialDelay}. A new
 * attempt is started only if, after its delay, a whole attempt ({@code worstAttempt}: the connect plus
 * read timeouts) still fits in the {@code budget}, so the policy never runs past the outer timeout.
 */
final class Backoff {

    /** Sleeps; interrupted means: give up now. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final int maxAttempts;
    private final long initialDelayMillis;
    private final long budgetMillis;
    private final long worstAttemptMillis;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    Backoff(int maxAttempts, Duration initialDelay, Duration budget, Duration worstAttempt, LongSupplier nanoClock,
            Sleeper sleeper) {
        if (maxAttempts < 1 || initialDelay.isNegative() || budget.isNegative() || worstAttempt.isNegative()) {
            throw new IllegalArgumentException("invalid backoff settings");
        }
        this.maxAttempts = maxAttempts;
        this.initialDelayMillis = initialDelay.toMillis();
        this.budgetMillis = budget.toMillis();
        this.worstAttemptMillis = worstAttempt.toMillis();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** The production policy: real clock, real sleep. */
    static Backoff of(int maxAttempts, Duration initialDelay, Duration budget, Duration worstAttempt) {
        return new Backoff(maxAttempts, initialDelay, budget, worstAttempt, System::nanoTime, Thread::sleep);
    }

    /** The delay before attempt {@code attempt + 1} (attempt counted from 1): initial, 2×initial, 4×initial… */
    long delayAfter(int attempt) {
        return initialDelayMillis << Math.min(attempt - 1, 20);
    }

    <T> T run(Supplier<T> attempt) {
        long start = nanoClock.getAsLong();
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (ProviderUnavailableException e) {
                if (!e.retryable() || n >= maxAttempts) {
                    throw e;
                }
                long delay = delayAfter(n);
                long elapsed = (nanoClock.getAsLong() - start) / 1_000_000L;
                if (elapsed + delay + worstAttemptMillis > budgetMillis) {
                    throw e;
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
