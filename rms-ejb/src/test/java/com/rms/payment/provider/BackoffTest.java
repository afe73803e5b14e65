package com.rms.payment.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A fake clock that the fake sleep and each attempt advance. */
    private final AtomicLong nanos = new AtomicLong();
    private final List<Long> sleeps = new ArrayList<>();

    private Backoff backoff(int attempts, long budgetMillis, long worstAttemptMillis) {
        return new Backoff(attempts, Duration.ofMillis(100), Duration.ofMillis(budgetMillis),
                Duration.ofMillis(worstAttemptMillis), nanos::get, millis -> {
                    sleeps.add(millis);
                    nanos.addAndGet(millis * 1_000_000L);
                });
    }

    private static ProviderUnavailableException retryable() {
        return new ProviderUnavailableException("HTTP 500", true);
    }

    @Test
    void retryableFailuresAreRetriedWithGrowingDelaysUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();
        String result = backoff(3, 2300, 100).run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw retryable();
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(3, calls.get());
        assertEquals(List.of(100L, 200L), sleeps);
    }

    @Test
    void delaysDouble() {
        Backoff b = backoff(5, 10_000, 0);
        assertEquals(List.of(100L, 200L, 400L, 800L), List.of(b.delayAfter(1), b.delayAfter(2), b.delayAfter(3), b.delayAfter(4)));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        ProviderUnavailableException last = retryable();
        ProviderUnavailableException thrown = assertThrows(ProviderUnavailableException.class, () -> backoff(3, 2300, 100).run(() -> {
            calls.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(3, calls.get());
        assertEquals(List.of(100L, 200L), sleeps);
    }

    @Test
    void nonRetryableFailuresAndOtherExceptionsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(ProviderUnavailableException.class, () -> backoff(3, 2300, 100).run(() -> {
            calls.incrementAndGet();
            throw new ProviderUnavailableException("HTTP 401", false);
        }));
        assertThrows(IllegalStateException.class, () -> backoff(3, 2300, 100).run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug is not an outage");
        }));
        assertEquals(2, calls.get());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void valuesAreNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        CardCharge declined = backoff(3, 2300, 100).run(() -> {
            calls.incrementAndGet();
            return CardCharge.declined(null, "generic_decline", "Declined");
        });
        assertEquals("generic_decline", declined.declineCode());
        assertEquals(1, calls.get());
    }

    @Test
    void noAttemptStartsThatCouldNotFinishWithinTheBudget() {
        // each attempt hangs for its whole read timeout (800 ms): 800, +100, 800 = 1700; +200 + 800 > 2300
        AtomicInteger calls = new AtomicInteger();
        assertThrows(ProviderUnavailableException.class, () -> backoff(3, 2300, 800).run(() -> {
            calls.incrementAndGet();
            nanos.addAndGet(800_000_000L);
            throw new ProviderUnavailableException("SocketTimeoutException", true);
        }));
        assertEquals(2, calls.get());
        assertEquals(List.of(100L), sleeps);
        assertEquals(1700, nanos.get() / 1_000_000L);
    }

    @Test
    void anInterruptStopsRetryingAndKeepsTheFlag() {
        Backoff b = new Backoff(3, Duration.ofMillis(100), Duration.ofMillis(2300), Duration.ZERO, nanos::get, millis -> {
            throw new InterruptedException();
        });
        AtomicInteger calls = new AtomicInteger();
        assertThrows(ProviderUnavailableException.class, () -> b.run(() -> {
            calls.incrementAndGet();
            throw retryable();
        }));
        assertEquals(1, calls.get());
        assertEquals(true, Thread.interrupted());
    }
}
