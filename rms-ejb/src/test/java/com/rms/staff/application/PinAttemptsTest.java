package com.rms.staff.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.audit.AuditEntry;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.RateLimitedException;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.tenant.TenantContext.Tenant;
import com.rms.testing.TenantDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PIN lockout over the real V8 migration on H2: parallel guesses, each in its own thread and
 * transaction, are never all evaluated; a right PIN gives back only its own guess; the window slides;
 * and a fresh counter over the same schema (another server, or the same after a restart) sees the lock.
 */
class PinAttemptsTest {

    private static final Tenant ALPHA = Tenant.of("alpha");
    private static final long OUTLET = 7;

    private Db db;
    private final List<String> audited = Collections.synchronizedList(new ArrayList<>());
    private Instant now = Instant.parse("2026-01-01T10:00:00Z");

    static final class Db extends TenantDatabase {
        Db() {
            super("pins", ALPHA);
        }
    }

    @BeforeEach
    void open() {
        db = new Db();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A counter as a server has it: its own instance, every call in a transaction of its own. */
    private PinAttempts counter() {
        PinAttempts attempts = new PinAttempts() {
            @Override
            protected <T> T inNewTransaction(Function<EntityManager, T> work) {
                TenantContext.set(ALPHA);
                EntityManager em = db.emf.createEntityManager();
                try {
                    em.getTransaction().begin();
                    T result = work.apply(em);
                    em.getTransaction().commit();
                    return result;
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            }
        };
        attempts.maxFailures = 5;
        attempts.window = Duration.ofMinutes(15);
        attempts.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        attempts.audit = new AuditTrail() {
            @Override
            public AuditEntry record(String action, String target, String detail) {
                audited.add(action + " " + target + " " + detail);
                return null;
            }
        };
        return attempts;
    }

    /** A wrong guess from the client, as the sign-in makes it; answers "failed" or the exception's class. */
    private static String wrongGuess(PinAttempts attempts, String client) {
        TenantContext.set(ALPHA);
        try {
            PinAttempts.Reservation r = attempts.reserve(OUTLET, List.of(client));
            attempts.failed(r);
            return "failed";
        } catch (RuntimeException e) {
            return outcome(e);
        } finally {
            TenantContext.clear();
        }
    }

    private static String rightGuess(PinAttempts attempts, String client) {
        TenantContext.set(ALPHA);
        try {
            attempts.refund(attempts.reserve(OUTLET, List.of(client)));
            return "right";
        } catch (RuntimeException e) {
            return outcome(e);
        } finally {
            TenantContext.clear();
        }
    }

    /** An exception as a tally shows it: the class, with the message of anything but the expected refusal. */
    private static String outcome(RuntimeException e) {
        return e instanceof RateLimitedException ? e.getClass().getSimpleName() : e.toString();
    }

    @Test
    void theFifthWrongGuessIsEvaluatedAndTheSixthRefusedWithTheTimeUntilTheWindowFrees() {
        PinAttempts attempts = counter();
        for (int i = 1; i <= 5; i++) {
            assertEquals("failed", wrongGuess(attempts, "addr:10.0.0.1"), "guess " + i);
        }
        TenantContext.set(ALPHA);
        RateLimitedException locked = assertThrows(RateLimitedException.class,
                () -> attempts.reserve(OUTLET, List.of("addr:10.0.0.1")));
        assertEquals(900, locked.retryAfterSeconds());
        TenantContext.clear();
        assertTrue(audited.contains("auth.pin.locked outlet:7 client=addr:10.0.0.1"), audited::toString);
        // another client at the outlet, and the same client at another outlet, are not locked
        assertEquals("failed", wrongGuess(attempts, "addr:10.0.0.2"));
    }

    @Test
    void twentyParallelWrongGuessesGiveAtMostFiveEvaluations() throws Exception {
        PinAttempts attempts = counter();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, Integer> tally = new TreeMap<>();
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runs.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return wrongGuess(attempts, "addr:10.0.0.9");
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            for (Future<String> run : runs) {
                tally.merge(run.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of("failed", 5, "RateLimitedException", 15), tally);
        assertEquals(5, db.count(ALPHA, "pin_failure", "client = 'addr:10.0.0.9'"));
    }

    @Test
    void aRightPinBetweenWrongOnesDoesNotResetTheCount() {
        PinAttempts attempts = counter();
        for (int i = 0; i < 5; i++) {
            assertEquals("right", rightGuess(attempts, "user:cashier"));
            assertEquals("failed", wrongGuess(attempts, "user:cashier"));
        }
        assertEquals("RateLimitedException", wrongGuess(attempts, "user:cashier"));
        assertEquals("RateLimitedException", rightGuess(attempts, "user:cashier"));
    }

    @Test
    void anyOfSeveralClientsExhaustedRefusesAndReservesNothing() {
        PinAttempts attempts = counter();
        for (int i = 0; i < 5; i++) {
            assertEquals("failed", wrongGuess(attempts, "user:cashier"));
        }
        TenantContext.set(ALPHA);
        assertThrows(RateLimitedException.class, () -> attempts.reserve(OUTLET, List.of("addr:10.0.0.3", "user:cashier")));
        TenantContext.clear();
        assertEquals(0, db.count(ALPHA, "pin_failure", "client = 'addr:10.0.0.3'"));
    }

    @Test
    void theLockIsInTheDatabaseSoAFreshCounterSeesItAndItSlidesOpenAfterTheWindow() {
        PinAttempts first = counter();
        for (int i = 0; i < 5; i++) {
            now = now.plusSeconds(60);
            assertEquals("failed", wrongGuess(first, "addr:10.0.0.4"));
        }
        PinAttempts afterRestart = counter();
        assertEquals("RateLimitedException", wrongGuess(afterRestart, "addr:10.0.0.4"));
        // 15 minutes after the first of the five, one guess is free again, and only one
        now = now.plus(Duration.ofMinutes(11)).plusSeconds(1);
        assertEquals("failed", wrongGuess(afterRestart, "addr:10.0.0.4"));
        assertEquals("RateLimitedException", wrongGuess(afterRestart, "addr:10.0.0.4"));
        assertTrue(audited.contains("auth.pin.released outlet:7 client=addr:10.0.0.4"), audited::toString);
    }

    @Test
    void idleClientsAreForgottenButAClientStillInItsWindowIsKept() {
        PinAttempts attempts = counter();
        for (int i = 0; i < 5; i++) {
            assertEquals("failed", wrongGuess(attempts, "addr:10.0.0.5"));
        }
        now = now.plus(Duration.ofMinutes(10));
        assertEquals("failed", wrongGuess(attempts, "addr:10.0.0.6"));
        now = now.plus(Duration.ofMinutes(6));
        TenantContext.set(ALPHA);
        try {
            assertEquals(1, attempts.purge(100));
        } finally {
            TenantContext.clear();
        }
        assertEquals(0, db.count(ALPHA, "pin_client", "client = 'addr:10.0.0.5'"));
        assertEquals(1, db.count(ALPHA, "pin_client", "client = 'addr:10.0.0.6'"));
        assertEquals(1, db.count(ALPHA, "pin_failure", "client = 'addr:10.0.0.6'"));
        assertTrue(audited.contains("auth.pin.released outlet:7 client=addr:10.0.0.5"), audited::toString);
        // a forgotten client guessing again starts afresh
        assertEquals("failed", wrongGuess(attempts, "addr:10.0.0.5"));
    }
}
