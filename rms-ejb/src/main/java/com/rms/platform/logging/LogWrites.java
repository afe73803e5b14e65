package com.rms.platform.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log writes in progress and when the oldest began. A log write that does not return (the
 * console pipe full because nobody drains it) blocks every request that logs, while every probe
 * of a dependency still answers: the liveness check reads this to notice. One entry per thread,
 * so the map is bounded by the server's threads.
 */
public final class LogWrites {

    private static final Map<Thread, Long> STARTED = new ConcurrentHashMap<>();

    private LogWrites() {
    }

    static void begin(long nowNanos) {
        STARTED.putIfAbsent(Thread.currentThread(), nowNanos);
    }

    static void end() {
        STARTED.remove(Thread.currentThread());
    }

    /** How long the oldest write still in progress has been running at {@code nowNanos}; 0 when none is. */
    public static long oldestRunningNanos(long nowNanos) {
        long oldest = 0;
        for (long started : STARTED.values()) {
            oldest = Math.max(oldest, nowNanos - started);
        }
        return oldest;
    }

    /** Writes in progress now. */
    public static int inProgress() {
        return STARTED.size();
    }
}
