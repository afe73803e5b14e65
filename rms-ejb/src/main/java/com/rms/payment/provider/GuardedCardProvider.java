package com.rms.payment.provider;

import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The one place card provider calls go through: the timeout ({@link TimedCall}), the circuit of the
 * tenant and provider ({@link CardCircuits}), and the fallback that turns every failure into a 503
 * with Retry-After (the rest of the circuit's delay when it is open, a few seconds otherwise) — no
 * payment without an answer, and a retry reuses its provider idempotency key, so nothing is charged
 * twice. Declines are return values, so they count as successes and never open a circuit.
 *
 * <p>The delay is {@value #DELAY_KEY} seconds (MP Config; server.xml's variable of that name, default
 * {@value #DEFAULT_DELAY_SECONDS}).
 */
@ApplicationScoped
public class GuardedCardProvider {

    static final String DELAY_KEY = "RMS_PAYMENT_CIRCUIT_DELAY_SECONDS";
    static final long DEFAULT_DELAY_SECONDS = 60;
    static final long RETRY_AFTER_SECONDS = 5;

    private static final RmsLog LOG = RmsLog.of(GuardedCardProvider.class);

    @Inject
    Config config;

    @Inject
    TimedCall timed;

    private CardCircuits circuits;

    @PostConstruct
    void init() {
        long delay = config.getOptionalValue(DELAY_KEY, Long.class).filter(s -> s > 0).orElse(DEFAULT_DELAY_SECONDS);
        circuits = new CardCircuits(Duration.ofSeconds(delay), Clock.systemUTC());
    }

    /** Calls {@code tenant}'s {@code provider} ({@code sandbox} or its URL) through its circuit. */
    public Object call(String tenant, String provider, Supplier<?> providerCall) {
        return guarded(circuits.of(tenant, provider), timed::call, providerCall);
    }

    static Object guarded(CardCircuits.Circuit circuit, java.util.function.Function<Supplier<?>, Object> timed,
            Supplier<?> providerCall) {
        if (!circuit.tryAcquire()) {
            throw new ServiceUnavailableException("The card provider is unavailable (circuit open); no payment was taken.",
                    circuit.retryAfterSeconds(RETRY_AFTER_SECONDS));
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = timed.apply(providerCall);
        } catch (RuntimeException | Error failure) {
            circuit.failure(System.nanoTime() - start, failure);
            String why = failure instanceof TimeoutException ? "did not answer within the timeout"
                    : failure instanceof ProviderUnavailableException p ? p.getMessage()
                    : "failed (" + failure.getClass().getSimpleName() + ")";
            LOG.warn(LogContext.PERFORMANCE, "Card provider call failed: " + why + "; circuit of " + circuit.name() + " "
                    + circuit.state());
            throw new ServiceUnavailableException("The card provider " + (failure instanceof ProviderUnavailableException
                    ? "is unavailable" : why) + "; no payment was taken.", circuit.retryAfterSeconds(RETRY_AFTER_SECONDS));
        }
        circuit.success(System.nanoTime() - start);
        return result;
    }

    /** The state of a tenant's circuit with a provider (CLOSED, OPEN, HALF_OPEN). */
    String state(String tenant, String provider) {
        return circuits.of(tenant, provider).state();
    }

    /** Seconds until a tenant's open circuit lets a trial call through; 0 when it is not open. */
    long retryAfterSeconds(String tenant, String provider) {
        CardCircuits.Circuit circuit = circuits.of(tenant, provider);
        return "OPEN".equals(circuit.state()) ? circuit.retryAfterSeconds(0) : 0;
    }

    /** Every circuit that is not closed, for the system status and readiness. */
    List<CardCircuits.View> notClosed() {
        return circuits.notClosed();
    }
}
