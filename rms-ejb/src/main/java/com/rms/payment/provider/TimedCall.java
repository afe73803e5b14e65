package com.rms.payment.provider;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * A card provider call under MicroProfile Fault Tolerance's timeout: 2.5 s over the whole call, the
 * backoff retries inside included. A bean of its own so that {@link GuardedCardProvider}'s circuit
 * sees the timeout as the call's failure.
 */
@ApplicationScoped
public class TimedCall {

    static final long TIMEOUT_MILLIS = 2500;

    @Timeout(value = TIMEOUT_MILLIS, unit = ChronoUnit.MILLIS)
    public Object call(Supplier<?> providerCall) {
        return providerCall.get();
    }
}
