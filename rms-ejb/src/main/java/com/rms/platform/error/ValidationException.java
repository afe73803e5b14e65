package com.rms.platform.error;

import java.util.List;

/** Problem kind {@code validation}: The request is invalid. */
public final class ValidationException extends RmsException {

    public ValidationException(String detail) {
        super(detail);
    }

    public ValidationException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    @Override
    public String kind() {
        return "validation";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "The request is invalid";
    }
}
