package com.rms.payment.provider;

import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fallback of every card provider call: no payment without an answer. It answers
 * {@code service-unavailable} with Retry-After (the rest of the circuit's delay when it is open, a
 * few seconds otherwise) and keeps the circuit mirror in step with the breaker.
 */
public class ProviderOutageFallback implements FallbackHandler<Object> {

    private static final RmsLog LOG = RmsLog.of(ProviderOutageFallback.class);
    static final long RETRY_AFTER_SECONDS = 5;

    @Inject
    GuardedCardProvider guard;

    @Override
    public Object handle(ExecutionContext context) {
        CircuitMirror circuit = guard.circuit();
        Throwable failure = context.getFailure();
        if (failure instanceof CircuitBreakerOpenException) {
            circuit.rejected();
            throw new ServiceUnavailableException("The card provider is unavailable (circuit open); no payment was taken.",
                    circuit.retryAfterSeconds(RETRY_AFTER_SECONDS));
        }
        circuit.failure();
        String why = failure instanceof TimeoutException ? "did not answer within the timeout"
                : failure instanceof ProviderUnavailableException p ? p.getMessage()
                : "failed (" + failure.getClass().getSimpleName() + ")";
        LOG.warn(LogContext.PERFORMANCE, "Card provider call failed: " + why + "; circuit " + circuit.state());
        throw new ServiceUnavailableException("The card provider " + (failure instanceof ProviderUnavailableException
                ? "is unavailable" : why) + "; no payment was taken.", circuit.retryAfterSeconds(RETRY_AFTER_SECONDS));
    }
}
