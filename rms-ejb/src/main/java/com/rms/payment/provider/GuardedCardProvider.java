package com.rms.payment.provider;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The one place card provider calls go through, so that charges and refunds share one circuit.
 * MicroProfile Fault Tolerance around it: a 2.5 s timeout over the whole call (the backoff retries
 * inside included), a circuit breaker that opens after 5 failed calls in a row and lets a trial
 * call through after 60 s, and a fallback that turns every failure into a 503 with Retry-After.
 * Declines are return values, so they count as successes and never open the circuit.
 *
 * <p>The delay is overridable with MP Config: {@value #DELAY_KEY} (seconds), which server.xml sets
 * from {@code RMS_PAYMENT_CIRCUIT_DELAY_SECONDS}.
 */
@ApplicationScoped
public class GuardedCardProvider {

    static final String DELAY_KEY = "com.rms.payment.provider.GuardedCardProvider/call/CircuitBreaker/delay";
    static final int VOLUME = 5;
    static final double RATIO = 1.0;
    static final long DEFAULT_DELAY_SECONDS = 60;

    @Inject
    Config config;

    private CircuitMirror circuit;

    @PostConstruct
    void init() {
        long delay = config.getOptionalValue(DELAY_KEY, Long.class)
                .or(() -> config.getOptionalValue("com.rms.payment.provider.GuardedCardProvider/CircuitBreaker/delay", Long.class))
                .or(() -> config.getOptionalValue("CircuitBreaker/delay", Long.class))
                .orElse(DEFAULT_DELAY_SECONDS);
        circuit = new CircuitMirror(VOLUME, RATIO, Duration.ofSeconds(delay), System::nanoTime);
    }

    @Timeout(value = 2500, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = VOLUME, failureRatio = RATIO, delay = DEFAULT_DELAY_SECONDS,
            delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
    @Fallback(ProviderOutageFallback.class)
    public Object call(Supplier<?> providerCall) {
        Object result = providerCall.get();
        circuit.success();
        return result;
    }

    CircuitMirror circuit() {
        return circuit;
    }
}
