package com.rms.platform.error;

import jakarta.ejb.ApplicationException;
import java.util.List;

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

    protected RmsException(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
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

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}
}
