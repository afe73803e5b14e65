package com.rms.pos.application;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reading the point of sale's enum-valued inputs (any case), with one field error each. */
final class Inputs {

    private Inputs() {
    }

    /** The constant named by {@code value}, null when absent (an error when {@code required}) or unknown (an error). */
    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<FieldError> errors,
            boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** The constant of an input already validated. */
    static <E extends Enum<E>> E valid(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException("the request has invalid fields", errors);
        }
    }
}
