package com.rms.payment.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The card provider's circuits, one per tenant and provider (a resilience4j registry keyed by both):
 * one tenant's failures — its own provider account down, its key revoked, a burst of bad calls —
 * never refuse another tenant's cards. Each opens after {@value #VOLUME} failed calls in a row, stays
 * open for the delay, then lets one trial call through (half-open): a success closes it, a failure
 * opens it for another delay. Declines are answers, not failures.
 *
 * <p>The keys are (tenant, provider) pairs of tenants the edge has resolved and providers an admin
 * configured, never raw client input, so the registry stays as small as the platform.
 */
final class CardCircuits {

    static final int VOLUME = 5;

    /** Where one circuit stands, for the status pages. */
    record View(String tenant, String provider, String state, long retryAfterSeconds) {
    }

    private record Key(String tenant, String provider) {
    }

    /** One circuit and when it last opened (resilience4j does not expose the rest of its wait). */
    static final class Circuit {
        private final Key key;
        private final CircuitBreaker breaker;
        private final Clock clock;
        private final Duration delay;
        private volatile long openedAtMillis;

        private Circuit(Key key, CircuitBreaker breaker, Clock clock, Duration delay) {
            this.key = key;
            this.breaker = breaker;
            this.clock = clock;
            this.delay = delay;
            breaker.getEventPublisher().onStateTransition(e -> {
                if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAtMillis = clock.millis();
                }
            });
        }

        /** Whose circuit this is, for the log: tenant and provider (never a key). */
        String name() {
            return "tenant " + key.tenant() + ", provider " + key.provider();
        }

        /** Whether a call may go to the provider now (closed, or the half-open trial call). */
        boolean tryAcquire() {
            return breaker.tryAcquirePermission();
        }

        void success(long nanos) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }

        void failure(long nanos, Throwable failure) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
        }

        /**
         * CLOSED, OPEN or HALF_OPEN as a caller would find it: an open circuit whose delay has passed
         * lets the next call through, so it reads HALF_OPEN (resilience4j moves on only at that call).
         */
        String state() {
            return switch (breaker.getState()) {
                case OPEN, FORCED_OPEN -> remainingMillis() >= 0 ? "OPEN" : "HALF_OPEN";
                case HALF_OPEN -> "HALF_OPEN";
                default -> "CLOSED";
            };
        }

        /** While open: the seconds until the trial call (at least 1); otherwise {@code otherwise}. */
        long retryAfterSeconds(long otherwise) {
            if (!"OPEN".equals(state())) {
                return breaker.getState() == CircuitBreaker.State.HALF_OPEN ? 1 : otherwise;
            }
            return Math.max(1, (remainingMillis() + 999) / 1000);
        }

        private long remainingMillis() {
            return delay.toMillis() - (clock.millis() - openedAtMillis);
        }

        View view() {
            return new View(key.tenant(), key.provider(), state(), "OPEN".equals(state()) ? retryAfterSeconds(0) : 0);
        }
    }

    private final CircuitBreakerRegistry registry;
    private final Map<Key, Circuit> circuits = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration delay;

    CardCircuits(Duration delay, Clock clock) {
        this.delay = delay;
        this.clock = clock;
        registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindow(VOLUME, VOLUME, SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(delay)
                .permittedNumberOfCallsInHalfOpenState(1)
                // no timer thread of its own in the server: the next call after the delay is the trial
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(failure -> true)
                .clock(clock)
                .build());
    }

    Duration delay() {
        return delay;
    }

    /** The circuit of a tenant's calls to a provider ({@code sandbox} or its URL). */
    Circuit of(String tenant, String provider) {
        Key key = new Key(tenant, provider);
        return circuits.computeIfAbsent(key, k -> new Circuit(k, registry.circuitBreaker(k.tenant() + " " + k.provider()),
                clock, delay));
    }

    /** The circuits that are not closed, by tenant. */
    List<View> notClosed() {
        return circuits.values().stream().map(Circuit::view).filter(v -> !"CLOSED".equals(v.state()))
                .sorted(Comparator.comparing(View::tenant).thenComparing(View::provider)).toList();
    }
}
