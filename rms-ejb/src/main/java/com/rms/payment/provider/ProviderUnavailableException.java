package com.rms.payment.provider;

/**
 * The provider could not give an answer: a connection error, a timeout, a 5xx, or an answer this
 * adapter cannot act on (rejected credentials, rate limit, unparsable body). It counts as a circuit
 * failure and ends as a 503. {@code retryable} says whether the backoff policy may try again with
 * the same idempotency key. Messages never hold the key or a token.
 */
public class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public ProviderUnavailableException(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
