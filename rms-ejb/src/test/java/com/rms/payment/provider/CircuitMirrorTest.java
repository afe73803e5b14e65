package com.rms.payment.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rms.payment.provider.CircuitMirror.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitMirrorTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CircuitMirror circuit = new CircuitMirror(5, 1.0, Duration.ofSeconds(60), nanos::get);

    private void advanceSeconds(long s) {
        nanos.addAndGet(s * 1_000_000_000L);
    }

    @Test
    void opensAfterFiveFailuresInARowOnly() {
        for (int i = 0; i < 4; i++) {
            circuit.failure();
        }
        circuit.success();
        for (int i = 0; i < 4; i++) {
            circuit.failure();
        }
        assertEquals(State.CLOSED, circuit.state(), "a success among the last five keeps it closed");
        circuit.failure();
        assertEquals(State.OPEN, circuit.state());
        assertEquals(60, circuit.retryAfterSeconds(5));
    }

    @Test
    void halfOpenAfterTheDelayThenClosedBySuccessOrReopenedByFailure() {
        for (int i = 0; i < 5; i++) {
            circuit.failure();
        }
        advanceSeconds(45);
        assertEquals(State.OPEN, circuit.state());
        assertEquals(15, circuit.retryAfterSeconds(5));
        advanceSeconds(15);
        assertEquals(State.HALF_OPEN, circuit.state());
        circuit.failure();
        assertEquals(State.OPEN, circuit.state());
        assertEquals(60, circuit.retryAfterSeconds(5), "a failed trial re-opens for a whole delay");
        advanceSeconds(60);
        circuit.success();
        assertEquals(State.CLOSED, circuit.state());
        assertEquals(5, circuit.retryAfterSeconds(5));
        for (int i = 0; i < 4; i++) {
            circuit.failure();
        }
        assertEquals(State.CLOSED, circuit.state(), "closing starts a fresh window");
    }

    @Test
    void aRejectionByTheBreakerProvesItOpen() {
        circuit.rejected();
        assertEquals(State.OPEN, circuit.state());
    }
}
