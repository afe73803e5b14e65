package com.rms.platform.error;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * The root of every error the application reports to a caller. Each subtype is one problem kind
 * of the public contract; the edge maps them to {@code application/problem+json} in one place.
 * Thrown inside a transaction it rolls the transaction back.
 */
@ApplicationException(rollback = true)
public abstract sealed class RmsException extends RuntimeException
        permits ValidationException, AuthenticationException, AuthorizationException,
                TenantIsolationException, NotFoundException, ConflictException,
                BusinessRuleException, PayloadTooLargeException, RateLimitedException,
                ServiceUnavailableException, IdempotencyKeyReuseException {

    private final List<FieldError> errors;
    private final Map<String, Long> extensions;

    protected RmsException(String detail, List<FieldError> errors) {
        this(detail, errors, Map.of());
    }

    /**
     * With extension members of the problem answer (RFC 9457 §3.2), such as the {@code orderId} of a
     * quick sale whose order was stored although its tenders were not all taken: the client needs it
     * to retry or to pay the order otherwise.
     */
    protected RmsException(String detail, List<FieldError> errors, Map<String, Long> extensions) {
        super(detail, null, false, false);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    protected RmsException(String detail) {
        this(detail, List.of());
    }

    /** The problem kind: the last segment of {@code urn:rms:problem:<kind>}. */
    public abstract String kind();

    public abstract int status();

    public abstract String title();

    public List<FieldError> errors() {
        return errors;
    }

    /** Extension members of the problem answer, by name (ids only: nothing a client sent). */
    public Map<String, Long> extensions() {
        return extensions;
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}
}
