package com.rms.platform.validation;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * Checks a command with Bean Validation plus any extra rules, and reports every invalid field at
 * once as a {@link ValidationException}.
 */
@ApplicationScoped
public class Validation {

    @Inject
    Validator validator;

    /** Collects field errors; {@link #throwIfAny()} reports them. */
    public final class Errors {
        private final List<FieldError> errors = new ArrayList<>();

        public Errors add(String field, String message) {
            errors.add(new FieldError(field, message));
            return this;
        }

        public Errors zone(String field, String value) {
            if (value != null && !isZone(value)) {
                add(field, "must be an IANA time zone such as Europe/Berlin");
            }
            return this;
        }

        public Errors currency(String field, String value) {
            if (value != null && !isCurrency(value)) {
                add(field, "must be an ISO 4217 currency code such as EUR");
            }
            return this;
        }

        /**
         * An absolute http(s) URL with a host, without credentials or fragment, of at most 2048
         * characters (a callback the server will call; the value is not echoed: it may hold a token).
         */
        public Errors httpUrl(String field, String value) {
            if (value != null && !isHttpUrl(value)) {
                add(field, "must be an absolute http(s) URL with a host, without credentials or fragment "
                        + "(at most 2048 characters)");
            }
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparing(FieldError::field));
                throw new ValidationException("the request has invalid fields", errors);
            }
        }
    }

    /** Starts with the Bean Validation violations of {@code command} (a null command is one error). */
    public Errors check(Object command) {
        Errors errors = new Errors();
        if (command == null) {
            return errors.add("body", "a JSON body is required");
        }
        for (ConstraintViolation<Object> violation : validator.validate(command)) {
            errors.add(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return errors;
    }

    public static boolean isZone(String value) {
        try {
            ZoneId.of(value);
            return value.contains("/") || "UTC".equals(value);
        } catch (DateTimeException e) {
            return false;
        }
    }

    public static boolean isHttpUrl(String value) {
        if (value.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null && uri.getUserInfo() == null && uri.getFragment() == null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static boolean isCurrency(String value) {
        try {
            return Currency.getInstance(value).getCurrencyCode().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
