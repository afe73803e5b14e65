package com.rms.platform.messaging;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.persistence.DatabaseOutage;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for the database instead of failing work that needs it: a call that fails because the
 * database cannot be reached ({@link DatabaseOutage}) is made again after a growing pause (doubling
 * from {@code first}, capped at {@code cap}) until the database answers. A database that is away is
 * nobody's fault: a consumer waiting here keeps its messages, uncommitted, instead of rolling them
 * back into their redelivery count and, after the limit, into an exception destination. The start
 * and the end of an outage are logged once each, not every attempt.
 */
public final class OutageBackoff {

    private static final RmsLog LOG = RmsLog.of(OutageBackoff.class);

    /** Sleeps; interrupted means stop. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** Thrown when the waiting was stopped (the application is stopping) before the database answered. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(Throwable outage) {
            super("stopped while waiting for the database", outage);
        }
    }

    private final String who;
    private final long firstMillis;
    private final long capMillis;
    private final Sleeper sleeper;
    private final BooleanSupplier running;

    public OutageBackoff(String who, Duration first, Duration cap, Sleeper sleeper, BooleanSupplier running) {
        this.who = who;
        this.firstMillis = Math.max(1, first.toMillis());
        this.capMillis = Math.max(firstMillis, cap.toMillis());
        this.sleeper = sleeper;
        this.running = running;
    }

    /** The production policy: 250 ms doubling to 5 s, real sleep. */
    public static OutageBackoff of(String who, BooleanSupplier running) {
        return new OutageBackoff(who, Duration.ofMillis(250), Duration.ofSeconds(5), Thread::sleep, running);
    }

    /** The pause after the {@code n}-th failed attempt of one outage (counted from 1). */
    long delayAfter(int n) {
        return Math.min(capMillis, firstMillis << Math.min(n - 1, 20));
    }

    /**
     * The result of {@code work}, made again while it fails because the database is away; any other
     * failure is thrown as it is.
     *
     * @throws Stopped if {@code running} turned false or the thread was interrupted while waiting
     */
    public <T> T call(Supplier<T> work) {
        long began = 0;
        for (int n = 1; ; n++) {
            try {
                T result = work.get();
                if (n > 1) {
                    LOG.info(LogContext.PERFORMANCE, who + ": the database answers again after "
                            + (System.currentTimeMillis() - began) / 1000 + " s, going on");
                }
                return result;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isOutage(e)) {
                    throw e;
                }
                if (n == 1) {
                    began = System.currentTimeMillis();
                    LOG.warn(LogContext.PERFORMANCE, who + ": the database cannot be reached, waiting for it ("
                            + e.getClass().getSimpleName() + ")");
                }
                if (!running.getAsBoolean()) {
                    throw new Stopped(e);
                }
                try {
                    sleeper.sleep(delayAfter(n));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new Stopped(e);
                }
            }
        }
    }
}
