package com.rms.payment.provider;

import java.util.Map;

/**
 * One HTTP exchange with a Stripe-compatible API: a form-encoded POST with the bearer key and an
 * idempotency key. Implementations turn connection errors and attempt timeouts into a retryable
 * {@link ProviderUnavailableException}; every HTTP answer, whatever its status, comes back as a
 * {@link Reply} for {@link StripeCardProvider} to map.
 */
interface StripeTransport {

    /** An HTTP answer; {@code shouldRetry} is the {@code Stripe-Should-Retry} header or null. */
    record Reply(int status, String body, String shouldRetry) {}

    Reply post(String path, Map<String, String> form, String idempotencyKey);

    /** Frees the connections of a transport no longer used (a tenant's account that changed). */
    default void close() {
    }
}
