package arq.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for what the server does on its own threads (relay, consumers), with a deadline and a message. */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(100);
        }
    }

    /** Waits until {@code value} equals {@code expected}; fails with the last value seen. */
    public static <T> void equal(String what, Duration timeout, T expected, Supplier<T> value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T seen = value.get();
        while (!expected.equals(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + ": expected " + expected + ", last seen " + seen);
            }
            pause(100);
            seen = value.get();
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
