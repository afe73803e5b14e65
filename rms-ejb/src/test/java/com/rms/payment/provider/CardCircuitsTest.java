package com.rms.payment.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CardCircuitsTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final CardCircuits circuits = new CardCircuits(Duration.ofSeconds(60), clock);
    private final AtomicInteger calls = new AtomicInteger();

    private Object call(CardCircuits.Circuit circuit, boolean fails) {
        Supplier<?> provider = () -> {
            calls.incrementAndGet();
            if (fails) {
                throw new ProviderUnavailableException("down", true);
            }
            return "ok";
        };
        return GuardedCardProvider.guarded(circuit, Supplier::get, provider);
    }

    private void fail(CardCircuits.Circuit circuit, int times) {
        for (int i = 0; i < times; i++) {
            assertThrows(ServiceUnavailableException.class, () -> call(circuit, true));
        }
    }

    @Test
    void opensAfterFiveFailuresInARowOnly() {
        CardCircuits.Circuit a = circuits.of("a", "sandbox");
        fail(a, 4);
        call(a, false);
        fail(a, 4);
        assertEquals("CLOSED", a.state(), "a success among the last five keeps it closed");
        fail(a, 1);
        assertEquals("OPEN", a.state());
        assertEquals(60, a.retryAfterSeconds(5));
        int before = calls.get();
        ServiceUnavailableException open = assertThrows(ServiceUnavailableException.class, () -> call(a, false));
        assertEquals(before, calls.get(), "an open circuit does not call the provider");
        assertEquals(60, open.retryAfterSeconds());
    }

    @Test
    void oneTenantsOutageNeverOpensAnotherTenantsCircuit() {
        CardCircuits.Circuit a = circuits.of("a", "https://psp.example");
        CardCircuits.Circuit b = circuits.of("b", "https://psp.example");
        fail(a, 5);
        assertEquals("OPEN", a.state());
        assertEquals("CLOSED", b.state());
        assertEquals("ok", call(b, false));
        assertEquals(1, circuits.notClosed().size());
        assertEquals("a", circuits.notClosed().get(0).tenant());
        assertEquals("CLOSED", circuits.of("a", "sandbox").state(), "and the same tenant's other provider is its own circuit");
    }

    @Test
    void halfOpenAfterTheDelayThenClosedBySuccessOrReopenedByFailure() {
        CardCircuits.Circuit a = circuits.of("a", "sandbox");
        fail(a, 5);
        clock.advance(Duration.ofSeconds(45));
        assertEquals("OPEN", a.state());
        assertEquals(15, a.retryAfterSeconds(5));
        clock.advance(Duration.ofSeconds(16));
        assertEquals("HALF_OPEN", a.state());
        fail(a, 1);
        assertEquals("OPEN", a.state(), "a failed trial opens it for a full delay");
        assertEquals(60, a.retryAfterSeconds(5));
        clock.advance(Duration.ofSeconds(61));
        assertEquals("ok", call(a, false));
        assertEquals("CLOSED", a.state());
        assertTrue(circuits.notClosed().isEmpty());
        fail(a, 4);
        assertEquals("CLOSED", a.state(), "closed again: the window starts afresh");
    }

    @Test
    void halfOpenLetsOneTrialCallThrough() {
        CardCircuits.Circuit a = circuits.of("a", "sandbox");
        fail(a, 5);
        clock.advance(Duration.ofSeconds(61));
        assertTrue(a.tryAcquire(), "the trial call");
        assertFalse(a.tryAcquire(), "nothing else while the trial runs");
        a.success(1);
        assertEquals("CLOSED", a.state());
    }
}
